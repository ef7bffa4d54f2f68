// Route-handler helper: the reply named in the URL, if the policy lets this user act on it.
import "server-only";
import { checkApiAccess } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/policy";
import { problem } from "@/lib/http/json-body";
import { canEdit, type ReplyState } from "../workflow";
import { findReply } from "./replies";

export type ReplyParams = Promise<{ cycle: string; country: string }>;

export async function replyForRequest(params: ReplyParams, action: Action) {
  const { cycle, country } = await params;
  const code = country.toUpperCase();
  const access = await checkApiAccess(action, { kind: "cepejReply", country: code });
  if (!access.ok) return { ok: false as const, response: access.response };
  const found = findReply(cycle, code);
  if (!found) return { ok: false as const, response: problem(404, `No reply of ${code} in cycle ${cycle}.`) };
  return { ok: true as const, user: access.user, found };
}

export const today = () => new Date().toISOString().slice(0, 10);

/** Whether this user may change the reply's answers now, with the reason when not. */
export function editCheck(found: NonNullable<ReturnType<typeof findReply>>, role: Parameters<typeof canEdit>[1]) {
  return canEdit(found.reply.status as ReplyState, role, { opensOn: found.cycle.opensOn, closesOn: found.cycle.closesOn, deadline: found.reply.deadline }, today());
}
