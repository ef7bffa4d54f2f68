// Reads and validates a JSON request body at the boundary: content type, size, syntax, shape.
// Every refusal is a 4xx with a reason a client can act on.
import type { z } from "zod";
import { BODY_LIMITS } from "./body-gate.mjs";
import { refusalBody, type Refusal } from "./refusal";

const MAX_JSON_BYTES = BODY_LIMITS.json;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export const problem = (status: number, reason: string | Refusal, details?: unknown) =>
  Response.json(details === undefined ? refusalBody(reason) : { ...refusalBody(reason), details }, { status });

export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<BodyResult<z.infer<S>>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return { ok: false, response: problem(415, "Send the body as application/json.") };
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return { ok: false, response: problem(413, `The body is larger than ${maxBytes} bytes.`) };
  let raw: string;
  try {
    const buffer = await request.arrayBuffer();
    if (buffer.byteLength > maxBytes) return { ok: false, response: problem(413, `The body is larger than ${maxBytes} bytes.`) };
    raw = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return { ok: false, response: problem(400, "The body is not valid UTF-8.") };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, response: problem(400, "The body is not valid JSON.") };
  }
  const badText = findBadText(json);
  if (badText) return { ok: false, response: problem(400, `The text at ${badText || "the top"} contains a NUL character or an unpaired surrogate.`) };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: issueMessage(i) }));
    return { ok: false, response: problem(400, "The body does not have the expected shape.", issues) };
  }
  return { ok: true, data: parsed.data };
}

/** Zod's message, but a text over its limit says so in words ("longer than 5000 characters"). */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_big" && issue.origin === "string") return `longer than ${issue.maximum} characters`;
  return issue.message;
}

// NUL ends strings in C libraries and some exports; an unpaired surrogate (a \ud800 escape) is no
// character at all and becomes U+FFFD, or an error, in UTF-8 files. Neither is a text anyone types.
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (value or key) that holds a NUL or an unpaired surrogate. Walks
 *  with its own stack: a hostile body may nest arrays thousands deep. */
function findBadText(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, ""]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      if (BAD_TEXT.test(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i];
        const at = path ? `${path}.${key}` : key;
        if (BAD_TEXT.test(key)) return at;
        stack.push([v, at]);
      }
    }
  }
  return null;
}
