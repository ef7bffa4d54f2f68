// Route helpers for the survey: read a CSV body, find the wave named in the URL, check who may see
// results, and answer a refused upload as the CSV parsers' errors are answered.
import "server-only";
import type { Executor } from "@/db/transaction";
import { currentUser, type CurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { isServiceError } from "@/lib/http/service-error";
import { findWave } from "./households";

const MAX_CSV_BYTES = BODY_LIMITS.csvUpload;

export async function readCsvBody(request: Request): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^text\/csv\b/i.test(type)) return { ok: false, response: problem(415, "Send the file as text/csv.") };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CSV_BYTES)
    return { ok: false, response: problem(413, `The file is larger than ${MAX_CSV_BYTES} bytes.`) };
  try {
    const buffer = await request.arrayBuffer();
    if (buffer.byteLength > MAX_CSV_BYTES) return { ok: false, response: problem(413, `The file is larger than ${MAX_CSV_BYTES} bytes.`) };
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(buffer) };
  } catch {
    return { ok: false, response: problem(400, "The file is not valid UTF-8.") };
  }
}

/** The wave of a `{year}` route parameter, if it is a year the database has. */
export async function waveParam(db: Executor, raw: string) {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  const wave = Number.isInteger(year) ? await findWave(db, year) : undefined;
  return { year, wave };
}

/** Results are for administrators, and for everyone once the wave is published. */
export async function canSeeResults(wave: { publishedAt: string | null }): Promise<{ ok: true; user: CurrentUser | null } | { ok: false; response: Response }> {
  const user = await currentUser();
  if (wave.publishedAt || user?.role === "admin") return { ok: true, user };
  return { ok: false, response: problem(user ? 403 : 401, "The results of this wave are not published yet.") };
}

/** A service's 400 on an uploaded file, as {error, errors:[{row, column, reason}]} like the parse
 *  errors of the same file; any other error goes on to the route wrapper. */
export function uploadRefusal(error: unknown): Response {
  if (isServiceError(error) && error.status === 400) return Response.json({ error: error.message, errors: error.details }, { status: 400 });
  throw error;
}
