// Submitting finished interviews: the answers, the rules check and the move to "completed" in one
// transaction — for one interview (POST …/interviews/{id}/transitions with `changes`) or for a
// tablet's queue of them (POST /api/survey/interviews/submit). Before this, a finished interview
// took two requests and five commits (autosave, then complete); see BENCHMARKS.md, part 2.
import "server-only";
import { getDb } from "@/db/client";
import { decide } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/server";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { evaluateAll } from "@/modules/questionnaire/rules";
import { loadAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import type { AnswerChange, Conflict, RejectedCell } from "@/modules/questionnaire/schemas";
import { ensureResponse, findHousehold, findWave, isEditable, moveInterview } from "./households";

type Household = NonNullable<ReturnType<typeof findHousehold>>;

export type SubmitOutcome =
  | { ok: true; status: "completed"; saved: number }
  | { ok: false; status: number; error: string; rejected?: RejectedCell[]; conflicts?: Conflict[]; errors?: { question: string; cell?: string; code: string; params?: unknown }[] };


/** Saves `changes` (if any) and completes the interview. Valid changes are kept even when the
 *  interview cannot be completed yet (errors remain, or some cells conflict): nothing typed is lost.
 *  Must run inside a transaction, on the household as read inside it; the caller has checked access. */
function submitOne(index: QuestionnaireIndex, h: Household, user: CurrentUser, changes: AnswerChange[], ip: string | null): SubmitOutcome {
  if (!isEditable(h.status)) return { ok: false, status: 409, error: `The interview is ${h.status.replace("_", " ")}: it cannot be changed or completed.` };
  const wave = findWave(h.wave)!;
  const context = { fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } };
  let saved = 0;
  let responseId = h.responseId;
  if (changes.length) {
    const rejected = validateChanges(index, changes, context);
    if (rejected.length) return { ok: false, status: 400, error: "Some values cannot be saved; nothing was saved.", rejected };
    responseId = ensureResponse(h, user.id);
    const result = saveAnswers(getDb(), responseId, user.id, changes);
    saved = result.saved.length;
    if (result.conflicts.length) return { ok: false, status: 409, error: "Some cells were changed by someone else; the others were saved.", conflicts: result.conflicts };
  }
  const answers = responseId ? loadAnswers(getDb(), responseId) : new Map();
  const errors = evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, { submit: true, context }).filter((i) => i.severity === "error");
  if (errors.length) {
    return { ok: false, status: 422, error: `${errors.length} question(s) still need an answer or a correction.`, errors: errors.map((e) => ({ question: e.question, cell: e.cell, code: e.code, params: e.params })) };
  }
  // ensureResponse may have moved it from "assigned" to "in progress": move from the stored state.
  const moved = moveInterview(findHousehold(h.id)!, "complete", user.id, null);
  if (!moved.ok) return { ok: false, status: 409, error: moved.reason };
  recordAudit(getDb(), { action: "interview.complete", object: `${h.wave}/${h.householdId}`, user }, ip);
  return { ok: true, status: "completed", saved };
}

/** One interview: its changes and its completion in one transaction (one commit). */
export function submitInterview(index: QuestionnaireIndex, h: Household, user: CurrentUser, changes: AnswerChange[], ip: string | null): SubmitOutcome {
  // Read again inside the transaction: the caller's copy may predate a completion or an approval
  // made by another request meanwhile (an approved interview's answers are in the results' tallies).
  return getDb().$client.transaction(() => submitOne(index, findHousehold(h.id)!, user, changes, ip)).immediate();
}

export type BatchItem = { id: number; changes?: AnswerChange[] };
export type BatchResult = { id: number } & SubmitOutcome;

/** A queue of interviews, each accepted or refused on its own (a refused one does not hold the
 *  others back), all written in one transaction: one commit for the whole queue. */
export function submitInterviews(index: QuestionnaireIndex, items: BatchItem[], user: CurrentUser, ip: string | null): BatchResult[] {
  const sqlite = getDb().$client;
  return sqlite.transaction(() =>
    items.map((item): BatchResult => {
      const h = findHousehold(item.id);
      if (!h) return { id: item.id, ok: false, status: 404, error: "No such interview." };
      const decision = decide(user, "write", { kind: "interview", region: h.region, interviewerId: h.interviewerId });
      if (!decision.allowed) return { id: item.id, ok: false, status: 403, error: decision.reason };
      // Each interview in its own savepoint: a failure rolls back that interview alone.
      try {
        return { id: item.id, ...sqlite.transaction(() => submitOne(index, h, user, item.changes ?? [], ip))() };
      } catch (error) {
        console.error("submit: interview", item.id, error);
        return { id: item.id, ok: false, status: 500, error: "The interview could not be saved." };
      }
    }),
  ).immediate();
}
