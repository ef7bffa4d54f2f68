// Route helper: the interview named in the URL, if the policy lets this user act on it.
import "server-only";
import type { Executor } from "@/db/transaction";
import { checkApiAccess } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/policy";
import { problem } from "@/lib/http/json-body";
import { findHousehold } from "./households";
import { refusal } from "@/lib/http/refusal";

export async function interviewForRequest(db: Executor, rawId: string, action: Action) {
  const id = Number(rawId);
  const h = Number.isInteger(id) ? await findHousehold(db, id) : undefined;
  const access = await checkApiAccess(action, { kind: "interview", region: h?.region ?? "-", interviewerId: h?.interviewerId ?? null });
  if (!access.ok) return { ok: false as const, response: access.response };
  if (!h) return { ok: false as const, response: problem(404, refusal("noSuchInterview")) };
  return { ok: true as const, user: access.user, household: h };
}
