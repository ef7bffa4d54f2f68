// The life of a CEPEJ reply, as a pure state machine:
//   not started → in progress → submitted → returned → (in progress) → submitted → validated
// and an administrator may reopen a validated reply with a reason.
import type { Role } from "@/db/roles";

export type ReplyState = "not_started" | "in_progress" | "submitted" | "returned" | "validated";
export type ReplyAction = "submit" | "return" | "validate" | "reopen";

type Rule = { from: ReplyState[]; to: ReplyState; roles: Role[]; needsNote?: boolean };

export const TRANSITIONS: Record<ReplyAction, Rule> = {
  submit: { from: ["not_started", "in_progress", "returned"], to: "submitted", roles: ["correspondent", "admin"] },
  return: { from: ["submitted"], to: "returned", roles: ["admin"] },
  validate: { from: ["submitted"], to: "validated", roles: ["admin"] },
  reopen: { from: ["validated"], to: "in_progress", roles: ["admin"], needsNote: true },
};

export type TransitionCheck = { ok: true; to: ReplyState } | { ok: false; status: 403 | 409 | 400; reason: string };

export function checkTransition(action: ReplyAction, from: ReplyState, role: Role, context: { openQueries: number; note?: string | null }): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, status: 403, reason: `Only ${rule.roles.join(" or ")} can ${action} a reply.` };
  if (!rule.from.includes(from)) return { ok: false, status: 409, reason: `A reply that is ${label(from)} cannot be ${past(action)}.` };
  if (rule.needsNote && !context.note?.trim()) return { ok: false, status: 400, reason: `Give a reason to ${action} the reply.` };
  if (action === "validate" && context.openQueries > 0) {
    return {
      ok: false,
      status: 409,
      reason: `${context.openQueries} quer${context.openQueries === 1 ? "y is" : "ies are"} still open: resolve them before validating.`,
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
export type EditCheck = { ok: true } | { ok: false; reason: string; code?: ReadOnlyCode; date?: string };

/**
 * May this role change the reply's answers now? Correspondents only while the campaign is open
 * (or until their country's extended deadline) and the reply is not submitted or validated;
 * administrators while it is not validated (a validated reply is locked until reopened).
 */
export function canEdit(state: ReplyState, role: Role, campaign: { opensOn: string; closesOn: string; deadline?: string | null }, today: string): EditCheck {
  if (state === "validated") return { ok: false, reason: "The reply has been validated and is locked.", code: "validated" };
  if (role === "admin") return { ok: true };
  if (state === "submitted")
    return { ok: false, reason: "The reply has been submitted; it can change again only if the reviewer returns it.", code: "submitted" };
  if (today < campaign.opensOn) return { ok: false, reason: `The campaign opens on ${campaign.opensOn}.`, code: "notYetOpen", date: campaign.opensOn };
  const closes = campaign.deadline && campaign.deadline > campaign.closesOn ? campaign.deadline : campaign.closesOn;
  if (today > closes) return { ok: false, reason: `The campaign closed on ${closes}.`, code: "closed", date: closes };
  return { ok: true };
}

const label = (s: ReplyState) => s.replace("_", " ");
const past = (a: ReplyAction) => ({ submit: "submitted", return: "returned", validate: "validated", reopen: "reopened" })[a];
