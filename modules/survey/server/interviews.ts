// The interview's life (assigned → in progress → completed → rejected / approved), one service per
// verb: the interviewer's autosave, the completion (with the last changes), the supervisor's
// approval and rejection, and a tablet's queue of completions. Each opens one transaction, reads the
// household again inside it (the caller's copy, read for the access check, may predate a move made
// meanwhile by another request) and asks the policy again about that copy, checks the move, writes
// the answers with their history, moves the state with its event (and the results' tallies), and
// writes its log-journal row: all of it is committed together, or nothing.
import "server-only";
import type { Db } from "@/db/open";
import { inTransaction, type Executor } from "@/db/transaction";
import { get, run } from "@/db/sql";
import { eq } from "drizzle-orm";
import { appliedQueueItems, reviewComments, surveyHouseholds } from "@/db/schema";
import { decide, type Action, type Principal } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { evaluateAll } from "@/modules/questionnaire/rules";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import type { AnswerChange, Conflict, RejectedCell, SaveAnswersResponse, SavedCell } from "@/modules/questionnaire/schemas";
import type { QueueItem, ReviewComment } from "../schemas";
import { findHousehold, findWave, lockHousehold, recordInterviewEvent, type Household, type HouseholdState } from "./households";
import { INSERT_INTERVIEW_SHEET, MOVE_INTERVIEW, REPLY_TO_COMMENT, SET_INTERVIEW_SHEET } from "./survey.sql";
import { addInterviewTallies } from "./tallies";
import { refusal, refusalBody, type Refusal as Reason } from "@/lib/http/refusal";
import { recordShownLanguage, storeParadata } from "./paradata";
import type { InterviewLanguage, ParadataSession } from "../paradata";

type Move = "complete" | "approve" | "reject";

// No move leaves "approved": the results' tallies count approved interviews (a move out of it would
// have to remove the interview's contribution first, as the import does when it replaces one).
const RULES: Record<Move, { from: HouseholdState[]; to: HouseholdState }> = {
  complete: { from: ["assigned", "in_progress", "rejected"], to: "completed" },
  approve: { from: ["completed"], to: "approved" },
  reject: { from: ["completed"], to: "rejected" },
};

/** States in which the interviewer may still change the answers (and complete the interview). */
export const isEditable = (status: HouseholdState) => RULES.complete.from.includes(status);

/** Every writer below locks its interview's household first (reread). */
const INTERVIEW_LOCKED = { rowLocks: true } as const;

const objectOf = (h: Household) => `${h.wave}/${h.householdId}`;

type Refusal = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 422;
  error: string | Reason;
  rejected?: RejectedCell[];
  conflicts?: Conflict[];
  errors?: { question: string; cell?: string; code: string; params?: unknown }[];
};
type CompleteOutcome = { ok: true; status: "completed"; saved: number } | Refusal;
/** A queue item that only saves answers (an interview still in progress on the device): the versions, for its next changes. */
type SaveOutcome = { ok: true; status: "saved"; saved: number; versions: SavedCell[] } | Refusal;

const refusalError = (r: Refusal) => new ServiceError(r.status, r.error, r.rejected ?? r.conflicts ?? r.errors);

/** The interview as stored now, locked until the transaction ends, if the user may still do
 *  `action` on it. Its writers therefore run with `rowLocks` (db/transaction.ts): on PostgreSQL
 *  the writers of one interview wait for each other, those of different interviews do not. */
async function reread(tx: Executor, id: number, user: Principal, action: Action): Promise<{ ok: true; household: Household } | Refusal> {
  const household = await lockHousehold(tx, id);
  if (!household) return { ok: false, status: 404, error: refusal("noSuchInterview") };
  const decision = decide(user, action, { kind: "interview", region: household.region, interviewerId: household.interviewerId });
  if (!decision.allowed) return { ok: false, status: 403, error: decision.reason };
  return { ok: true, household };
}

async function rereadOrThrow(tx: Executor, id: number, user: Principal, action: Action): Promise<Household> {
  const r = await reread(tx, id, user, action);
  if (!r.ok) throw refusalError(r);
  return r.household;
}

const fieldworkOf = async (db: Executor, wave: number) => {
  const w = (await findWave(db, wave))!;
  return { fieldwork: { start: w.fieldworkStart, end: w.fieldworkEnd } };
};

/** The interview's answer sheet, created on the first save (which moves it from assigned to in progress). */
async function ensureSheet(tx: Executor, h: Household, userId: number): Promise<Household & { responseId: number }> {
  if (h.responseId) return { ...h, responseId: h.responseId };
  const { id } = (await get<{ id: number }>(tx, INSERT_INTERVIEW_SHEET))!;
  const status = h.status === "assigned" ? "in_progress" : h.status;
  await run(tx, SET_INTERVIEW_SHEET, id, status, h.id);
  if (status !== h.status) await recordInterviewEvent(tx, h.id, h.status, status, userId, null);
  return { ...h, responseId: id, status };
}

/** Moves the interview, as read in this transaction, with its event; an approval adds the
 *  interview to the results' tallies. 409 when its state does not allow the move. */
async function move(tx: Executor, h: Household, action: Move, userId: number, note: string | null): Promise<HouseholdState> {
  const rule = RULES[action];
  if (!rule.from.includes(h.status)) {
    throw new ServiceError(409, refusal("interviewStateRefused", { state: h.status, action }));
  }
  // The household was read in this transaction (BEGIN IMMEDIATE on SQLite, SERIALIZABLE on PostgreSQL): the state
  // guard of the statement cannot miss; if it did, the transaction is rolled back.
  if ((await run(tx, MOVE_INTERVIEW, rule.to, new Date().toISOString(), h.id, h.status)) !== 1) throw new Error(`interview ${h.id} was not ${h.status}`);
  await recordInterviewEvent(tx, h.id, h.status, rule.to, userId, note);
  if (rule.to === "approved") await addInterviewTallies(tx, h.id, 1);
  return rule.to;
}

/** Refuses (409) an interview whose state allows no change, before the caller reads the request's
 *  body; the services check the state again inside their transaction. */
export function checkEditable(interview: Household): void {
  if (!isEditable(interview.status)) throw new ServiceError(409, refusal("interviewLocked", { state: interview.status }));
}

/**
 * The autosave: validated changes written with their history into the interview's sheet (created
 * on the first save), and an "interview.save" row. The values are checked before the transaction:
 * they depend on the questionnaire and the wave's fieldwork only, which no request changes, and the
 * write lock is then held for the writes alone. 409 with the conflicting cells is the result's
 * (`conflicts`), for the caller to answer; the other cells are saved.
 */
export async function saveInterviewAnswers(
  db: Db,
  interview: Household,
  user: Principal,
  changes: AnswerChange[],
  ip: string | null,
  paradata?: ParadataSession,
): Promise<SaveAnswersResponse> {
  const rejected = validateChanges(await loadQuestionnaire(db, "udn"), changes, await fieldworkOf(db, interview.wave));
  if (rejected.length) throw new ServiceError(400, refusal("valuesRefused"), rejected);
  return await inTransaction(
    db,
    async (tx) => {
      const h = await rereadOrThrow(tx, interview.id, user, "write");
      if (!isEditable(h.status)) throw new ServiceError(409, refusal("interviewCompletedMeanwhile"));
      const result = await saveAnswers(tx, (await ensureSheet(tx, h, user.id)).responseId, user.id, changes);
      if (paradata) await storeParadata(tx, h.id, paradata);
      await recordAudit(tx, { action: "interview.save", object: `${objectOf(h)} (${result.saved.length} cells)`, user }, ip);
      return result;
    },
    INTERVIEW_LOCKED,
  );
}

/**
 * Saves `changes` (if any) and completes the interview, inside the caller's transaction. Valid
 * changes are kept even when the interview cannot be completed yet (errors remain, or some cells
 * conflict): nothing typed is lost, and the save has its "interview.save" row. Refusals are
 * returned, not thrown, so that the caller commits what was saved.
 */
async function completeOne(
  tx: Executor,
  index: QuestionnaireIndex,
  id: number,
  user: Principal,
  changes: AnswerChange[],
  ip: string | null,
  paradata?: ParadataSession,
  replies: QueuedReply[] = [],
): Promise<CompleteOutcome> {
  const r = await reread(tx, id, user, "write");
  if (!r.ok) return r;
  let h: Household = r.household;
  if (!isEditable(h.status)) return { ok: false, status: 409, error: refusal("interviewNotCompletable", { state: h.status }) };
  const context = await fieldworkOf(tx, h.wave);
  const rejected = changes.length ? validateChanges(index, changes, context) : [];
  if (rejected.length) return { ok: false, status: 400, error: refusal("valuesRefused"), rejected };
  const replied = await applyReplies(tx, h, user, replies, ip);
  if (replied) return replied;
  if (paradata) await storeParadata(tx, h.id, paradata);
  let saved = 0;
  const keep = async (kept: Refusal): Promise<Refusal> => {
    await recordAudit(tx, { action: "interview.save", object: `${objectOf(h)} (${saved} cells)`, user }, ip);
    return kept;
  };
  if (changes.length) {
    h = await ensureSheet(tx, h, user.id);
    const result = await saveAnswers(tx, h.responseId!, user.id, changes);
    saved = result.saved.length;
    if (result.conflicts.length) return await keep({ ok: false, status: 409, error: refusal("cellsChangedElsewhere"), conflicts: result.conflicts });
  }
  const answers = h.responseId ? await loadAnswers(tx, h.responseId) : new Map();
  const errors = evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, { submit: true, context }).filter((i) => i.severity === "error");
  if (errors.length) {
    const blocked: Refusal = {
      ok: false,
      status: 422,
      error: refusal("interviewErrorsLeft", { count: errors.length }),
      errors: errors.map((e) => ({ question: e.question, cell: e.cell, code: e.code, params: e.params })),
    };
    return changes.length ? await keep(blocked) : blocked;
  }
  await move(tx, h, "complete", user.id, null);
  await recordShownLanguage(tx, h.id, paradata);
  await recordAudit(tx, { action: "interview.complete", object: objectOf(h), user }, ip);
  return { ok: true, status: "completed", saved };
}

/** One interview: its last changes and its completion in one transaction. A refusal is thrown
 *  once the transaction has committed the changes it keeps. */
export async function completeInterview(
  db: Db,
  interview: Household,
  user: Principal,
  changes: AnswerChange[],
  ip: string | null,
  paradata?: ParadataSession,
): Promise<{ status: "completed"; saved: number }> {
  const index = await loadQuestionnaire(db, "udn");
  const outcome = await inTransaction(db, (tx) => completeOne(tx, index, interview.id, user, changes, ip, paradata), INTERVIEW_LOCKED);
  if (!outcome.ok) throw refusalError(outcome);
  return { status: outcome.status, saved: outcome.saved };
}

type QueuedReply = NonNullable<QueueItem["replies"]>[number];

/** The replies an offline device queued with an interview (editable, read in this transaction):
 *  written as the reply route writes them. A comment not on this interview refuses the item before
 *  anything is written (400). */
async function applyReplies(tx: Executor, h: Household, user: Principal, replies: QueuedReply[], ip: string | null): Promise<Refusal | null> {
  if (!replies.length) return null;
  const ours = new Set((await tx.select({ id: reviewComments.id }).from(reviewComments).where(eq(reviewComments.householdRowId, h.id))).map((c) => c.id));
  const unknown = replies.filter((r) => !ours.has(r.comment));
  if (unknown.length) return { ok: false, status: 400, error: `No such comment on this interview: ${unknown.map((r) => r.comment).join(", ")}.` };
  const at = new Date().toISOString();
  for (const r of replies) {
    await tx.update(reviewComments).set({ reply: r.text, replyUserId: user.id, repliedAt: at }).where(eq(reviewComments.id, r.comment));
    await recordAudit(tx, { action: "interview.comment_reply", object: `${objectOf(h)} comment ${r.comment}`, user }, ip);
  }
  return null;
}

type QueueResult = { id: number; clientId?: string; duplicate?: true } & (CompleteOutcome | SaveOutcome | { ok: false; status: 500; error: Reason });

/** Saves an in-progress interview's changes without completing it (an offline device's answers). */
async function saveOne(
  tx: Executor,
  index: QuestionnaireIndex,
  id: number,
  user: Principal,
  changes: AnswerChange[],
  ip: string | null,
  paradata?: ParadataSession,
  replies: QueuedReply[] = [],
): Promise<SaveOutcome> {
  const r = await reread(tx, id, user, "write");
  if (!r.ok) return r;
  const h = r.household;
  if (!isEditable(h.status)) return { ok: false, status: 409, error: refusal("interviewLocked", { state: h.status }) };
  const rejected = changes.length ? validateChanges(index, changes, await fieldworkOf(tx, h.wave)) : [];
  if (rejected.length) return { ok: false, status: 400, error: refusal("valuesRefused"), rejected };
  const replied = await applyReplies(tx, h, user, replies, ip);
  if (replied) return replied;
  if (paradata) await storeParadata(tx, h.id, paradata);
  if (!changes.length) return { ok: true, status: "saved", saved: 0, versions: [] };
  const result = await saveAnswers(tx, (await ensureSheet(tx, h, user.id)).responseId, user.id, changes);
  await recordAudit(tx, { action: "interview.save", object: `${objectOf(h)} (${result.saved.length} cells)`, user }, ip);
  if (result.conflicts.length) return { ok: false, status: 409, error: refusal("cellsChangedElsewhere"), conflicts: result.conflicts };
  return { ok: true, status: "saved", saved: result.saved.length, versions: result.saved };
}

/**
 * One queue item, exactly once: an item whose client id was applied before gets the outcome stored
 * then (marked duplicate) and writes nothing; otherwise its outcome is stored with that id in the
 * caller's transaction (savepoint), together with the writes and the log-journal rows, so either
 * all of it is committed or none of it, and a retry finds the id. An id of another user's item is refused.
 */
async function applyOnce(tx: Executor, index: QuestionnaireIndex, item: QueueItem, user: Principal, ip: string | null): Promise<QueueResult> {
  const apply = () =>
    item.complete === false
      ? saveOne(tx, index, item.id, user, item.changes ?? [], ip, item.paradata, item.replies)
      : completeOne(tx, index, item.id, user, item.changes ?? [], ip, item.paradata, item.replies);
  if (!item.clientId) return { id: item.id, ...(await apply()) };
  const [seen] = await tx.select().from(appliedQueueItems).where(eq(appliedQueueItems.clientId, item.clientId)).limit(1);
  if (seen) {
    if (seen.userId !== user.id || seen.householdRowId !== item.id)
      return { id: item.id, clientId: item.clientId, ok: false, status: 409, error: refusal("queueClientIdTaken") };
    return { ...(JSON.parse(seen.outcome) as QueueResult), duplicate: true };
  }
  const result: QueueResult = { id: item.id, clientId: item.clientId, ...(await apply()) };
  // A refusal for want of access or of an interview writes nothing: not recorded, so that a retry after the cause is gone applies.
  if (result.ok || result.status === 400 || result.status === 409 || result.status === 422) {
    if (await findHousehold(tx, item.id))
      await tx.insert(appliedQueueItems).values({ clientId: item.clientId, userId: user.id, householdRowId: item.id, outcome: JSON.stringify(result) });
  }
  return result;
}

/** A tablet's queue: each interview saved (and completed, unless the item says complete: false), or
 *  refused, on its own (a refused one does not hold the others back); one transaction, one commit,
 *  for the whole queue. Items with a client id apply at most once across requests (applyOnce). */
export async function submitInterviews(db: Db, items: QueueItem[], user: Principal, ip: string | null): Promise<QueueResultJson[]> {
  const index = await loadQuestionnaire(db, "udn");
  return (await queueResults(db, index, items, user, ip)).map((r) => (r.ok ? r : { ...r, ...refusalBody(r.error) }));
}

/** A refusal as the API answers it: `error` in English beside its catalogue `code` and `params`. */
type QueueResultJson = Extract<QueueResult, { ok: true }> | Worded<Exclude<QueueResult, { ok: true }>>;
type Worded<T> = T extends unknown ? Omit<T, "error"> & ReturnType<typeof refusalBody> : never;

async function queueResults(db: Db, index: QuestionnaireIndex, items: QueueItem[], user: Principal, ip: string | null): Promise<QueueResult[]> {
  return await inTransaction(
    db,
    async (tx) => {
      const results: QueueResult[] = [];
      // Each interview in its own savepoint (inTransaction nested): a failure rolls back that interview alone.
      for (const item of items) {
        try {
          results.push(await inTransaction(tx, (one) => applyOnce(one, index, item, user, ip)));
        } catch (error) {
          console.error("submit: interview", item.id, error);
          results.push({ id: item.id, ...(item.clientId ? { clientId: item.clientId } : {}), ok: false, status: 500, error: refusal("interviewNotSaved") });
        }
      }
      return results;
    },
    INTERVIEW_LOCKED,
  );
}

/** The supervisor approves a completed interview: it counts in the results from now on. */
export async function approveInterview(db: Db, interview: Household, user: Principal, ip: string | null): Promise<{ status: HouseholdState }> {
  return await inTransaction(
    db,
    async (tx) => {
      const h = await rereadOrThrow(tx, interview.id, user, "review");
      const to = await move(tx, h, "approve", user.id, null);
      await recordAudit(tx, { action: "interview.approve", object: objectOf(h), user }, ip);
      return { status: to };
    },
    INTERVIEW_LOCKED,
  );
}

/** The supervisor sends a completed interview back to the interviewer, with comments on questions. */
export async function rejectInterview(
  db: Db,
  interview: Household,
  user: Principal,
  comments: ReviewComment[],
  ip: string | null,
): Promise<{ status: HouseholdState }> {
  const index = await loadQuestionnaire(db, "udn");
  const unknown = comments.filter((c) => !index.questions.has(c.question));
  if (unknown.length) throw new ServiceError(400, `Unknown question(s): ${unknown.map((c) => c.question).join(", ")}`);
  return await inTransaction(
    db,
    async (tx) => {
      const h = await rereadOrThrow(tx, interview.id, user, "review");
      const to = await move(tx, h, "reject", user.id, `${comments.length} comment(s)`);
      await tx.insert(reviewComments).values(comments.map((c) => ({ householdRowId: h.id, questionId: c.question, text: c.text, userId: user.id })));
      await recordAudit(tx, { action: "interview.reject", object: objectOf(h), user }, ip);
      return { status: to };
    },
    INTERVIEW_LOCKED,
  );
}

/** The interviewer replies to a supervisor's comment on their interview (one reply per comment,
 *  changeable while the interview may be changed). */
export async function replyToComment(
  db: Db,
  interview: Household,
  user: Principal,
  commentId: number,
  text: string,
  ip: string | null,
): Promise<{ id: number }> {
  return await inTransaction(
    db,
    async (tx) => {
      const h = await rereadOrThrow(tx, interview.id, user, "write");
      if (!isEditable(h.status)) throw new ServiceError(409, refusal("interviewCommentsClosed", { state: h.status }));
      if ((await run(tx, REPLY_TO_COMMENT, text, user.id, new Date().toISOString(), commentId, h.id)) !== 1)
        throw new ServiceError(404, "No such comment on this interview.");
      await recordAudit(tx, { action: "interview.comment_reply", object: `${objectOf(h)} comment ${commentId}`, user }, ip);
      return { id: commentId };
    },
    INTERVIEW_LOCKED,
  );
}

/** The respondent's language of the interview (the questionnaire is shown in it), chosen by the interviewer. */
export async function setInterviewLanguage(
  db: Db,
  interview: Household,
  user: Principal,
  language: InterviewLanguage,
  ip: string | null,
): Promise<{ language: InterviewLanguage }> {
  return await inTransaction(
    db,
    async (tx) => {
      const h = await rereadOrThrow(tx, interview.id, user, "write");
      if (!isEditable(h.status)) throw new ServiceError(409, refusal("interviewLocked", { state: h.status }));
      await tx.update(surveyHouseholds).set({ interviewLanguage: language }).where(eq(surveyHouseholds.id, h.id));
      await recordAudit(tx, { action: "interview.language", object: `${objectOf(h)} (${language})`, user }, ip);
      return { language };
    },
    INTERVIEW_LOCKED,
  );
}
