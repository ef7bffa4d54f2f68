// next-auth's routes (/api/auth/*), behind a guard for what next-auth itself answers with a 500:
// a callbackUrl it cannot parse (given twice, CR/LF, "javascript:", any non-URL) in the query, the
// form or its cookie, and an `error` code it echoes unencoded into a Location header. Each is
// replaced by a safe same-site value (safeCallbackPath) before next-auth sees the request, and a
// refusal of next-auth's that is not a JSON reason gets one.
import "server-only";
import { NextRequest } from "next/server";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { problem } from "@/lib/http/json-body";
import { singleValue } from "@/lib/http/query";
import { handlers } from "./auth";
import { safeCallbackPath } from "./callback-url";

/** The sign-in and sign-out forms are a few hundred bytes; the server's gate refuses a larger
 *  declared body first, this also a chunked one. */
const MAX_BODY_BYTES = BODY_LIMITS.anonymousForm;
const CALLBACK_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);
const ERROR_CODE = /^[A-Za-z]{1,64}$/;

type Handler = (request: NextRequest) => Promise<Response>;

function safeCookies(header: string, hosts: string[]): string {
  return header
    .split(/;\s*/)
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0 || !CALLBACK_COOKIES.has(pair.slice(0, at).trim())) return pair;
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(at + 1));
      } catch {
        value = "";
      }
      return `${pair.slice(0, at)}=${encodeURIComponent(safeCallbackPath(value, hosts))}`;
    })
    .join("; ");
}

/** The body as text, or null once it passes the limit (the rest is not read). */
async function smallBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The request with every callbackUrl made safe, or the refusal of its body. */
async function guarded(request: NextRequest): Promise<NextRequest | Response> {
  const hosts = [request.nextUrl.host, request.headers.get("host") ?? ""];
  const url = new URL(request.url);
  const query = url.searchParams;
  if (query.has("callbackUrl")) query.set("callbackUrl", safeCallbackPath(singleValue(query.getAll("callbackUrl")), hosts));
  if (query.has("error") && !ERROR_CODE.test(singleValue(query.getAll("error")) ?? "")) query.delete("error");
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) headers.set("cookie", safeCookies(cookie, hosts));
  let body: string | undefined;
  if (request.method === "POST") {
    const text = await smallBody(request);
    if (text === null) return problem(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    const type = headers.get("content-type") ?? "";
    if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
      const form = new URLSearchParams(text);
      if (form.has("callbackUrl")) form.set("callbackUrl", safeCallbackPath(singleValue(form.getAll("callbackUrl")), hosts));
      body = form.toString();
    } else if (/^application\/json\b/i.test(type)) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return problem(400, "The body is not valid JSON.");
      }
      if (json && typeof json === "object" && "callbackUrl" in json) (json as { callbackUrl: unknown }).callbackUrl = safeCallbackPath(json.callbackUrl, hosts);
      body = JSON.stringify(json);
    } else body = text;
    headers.delete("content-length");
  }
  return new NextRequest(url, { method: request.method, headers, body });
}

/** next-auth refuses some requests with a bare string or null (an unknown action, a failed CSRF
 *  check on the session): the API's refusals carry {"error": reason}. */
async function withReason(response: Response): Promise<Response> {
  if (response.status < 400 || response.status >= 500) return response;
  const text = await response.clone().text();
  try {
    if (typeof JSON.parse(text)?.error === "string") return response;
  } catch {}
  return problem(response.status, "The sign-in service cannot handle this request.");
}

const guard =
  (handler: Handler): Handler =>
  async (request) => {
    const safe = await guarded(request);
    return safe instanceof Response ? safe : withReason(await handler(safe));
  };

export const GET = guard(handlers.GET);
export const POST = guard(handlers.POST);
