// Route-handler helper: the reply named in the URL, if the policy lets this user act on it.
import "server-only";
import type { Executor } from "@/db/transaction";
import { checkApiAccess } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/policy";
import { problem } from "@/lib/http/json-body";
import { findReply } from "./replies";
import { refusal } from "@/lib/http/refusal";

export type ReplyParams = { cycle: string; country: string };

export async function replyForRequest(db: Executor, { cycle, country }: ReplyParams, action: Action) {
  const code = country.toUpperCase();
  const access = await checkApiAccess(action, { kind: "cepejReply", country: code });
  if (!access.ok) return { ok: false as const, response: access.response };
  const found = await findReply(db, cycle, code);
  if (!found) return { ok: false as const, response: problem(404, refusal("noReplyIn", { country: code, cycle })) };
  return { ok: true as const, user: access.user, found };
}
