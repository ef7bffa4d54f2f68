// Route-handler helper: the filing named in the URL, if the policy lets this user act on it.
import "server-only";
import type { Executor } from "@/db/transaction";
import { checkApiAccess } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/policy";
import { problem } from "@/lib/http/json-body";
import { findFiling } from "./filings";
import { refusal } from "@/lib/http/refusal";

export async function filingForRequest(db: Executor, idText: string, action: Action) {
  const id = Number(idText);
  const found = Number.isInteger(id) ? await findFiling(db, id) : undefined;
  // Check access before revealing whether the id exists; an unknown id is a 404 only for those
  // who could see it (administrators).
  const access = await checkApiAccess(action, { kind: "reportingBody", bodyId: found?.filing.bodyId ?? -1 });
  if (!access.ok) return { ok: false as const, response: access.response };
  if (!found) return { ok: false as const, response: problem(404, refusal("noSuchReport")) };
  return { ok: true as const, user: access.user, found };
}
