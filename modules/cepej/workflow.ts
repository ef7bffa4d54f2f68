// The life of a CEPEJ reply, as a pure state machine:
//   not started → in progress → submitted → returned → (in progress) → submitted → validated
// and an administrator may reopen a validated reply with a reason.
import type { Role } from "@/db/roles";
import { refusal, type Refusal } from "@/lib/http/refusal";

export type ReplyState = "not_started" | "in_progress" | "submitted" | "returned" | "validated";
export type ReplyAction = "submit" | "return" | "validate" | "reopen";

type Rule = { from: ReplyState[]; to: ReplyState; roles: Role[]; needsNote?: boolean };

export const TRANSITIONS: Record<ReplyAction, Rule> = {
  submit: { from: ["not_started", "in_progress", "returned"], to: "submitted", roles: ["correspondent", "admin"] },
  return: { from: ["submitted"], to: "returned", roles: ["admin"] },
  validate: { from: ["submitted"], to: "validated", roles: ["admin"] },
  reopen: { from: ["validated"], to: "in_progress", roles: ["admin"], needsNote: true },
};

export type TransitionCheck = { ok: true; to: ReplyState } | { ok: false; status: 403 | 409 | 400; reason: Refusal };

export function checkTransition(action: ReplyAction, from: ReplyState, role: Role, context: { openQueries: number; note?: string | null }): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, status: 403, reason: refusal("replyActionRole", { action }) };
  if (!rule.from.includes(from)) return { ok: false, status: 409, reason: refusal("replyStateRefused", { state: from, action }) };
  if (rule.needsNote && !context.note?.trim()) return { ok: false, status: 400, reason: refusal("reopenNeedsNote") };
  if (action === "validate" && context.openQueries > 0) {
    return {
      ok: false,
      status: 409,
      reason: refusal("openQueries", { count: context.openQueries }),
    };
  }
  return { ok: true, to: rule.to };
}

/** The state a reply moves to when its answers change. */
export function stateAfterEdit(state: ReplyState): ReplyState {
  return state === "not_started" || state === "returned" ? "in_progress" : state;
}

/** Why a reply cannot be changed: the API's English reason, and a code (with the date) for the pages' catalogues. */
export type ReadOnlyCode = "validated" | "submitted" | "notYetOpen" | "closed";
export type EditCheck = { ok: true } | { ok: false; reason: Refusal; code?: ReadOnlyCode; date?: string };

/**
 * May this role change the reply's answers now? Correspondents only while the campaign is open
 * (or until their country's extended deadline) and the reply is not submitted or validated;
 * administrators while it is not validated (a validated reply is locked until reopened).
 */
export function canEdit(state: ReplyState, role: Role, campaign: { opensOn: string; closesOn: string; deadline?: string | null }, today: string): EditCheck {
  if (state === "validated") return { ok: false, reason: refusal("replyValidated"), code: "validated" };
  if (role === "admin") return { ok: true };
  if (state === "submitted") return { ok: false, reason: refusal("replySubmitted"), code: "submitted" };
  if (today < campaign.opensOn)
    return { ok: false, reason: refusal("campaignNotOpen", { date: campaign.opensOn }), code: "notYetOpen", date: campaign.opensOn };
  const closes = campaign.deadline && campaign.deadline > campaign.closesOn ? campaign.deadline : campaign.closesOn;
  if (today > closes) return { ok: false, reason: refusal("campaignClosed", { date: closes }), code: "closed", date: closes };
  return { ok: true };
}
