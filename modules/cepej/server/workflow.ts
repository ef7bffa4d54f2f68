// Reply workflow on the server: submit (with every check), return, validate, reopen; queries and
// "not retained" flags. Each write is a service that opens one transaction, re-reads the reply (or
// query) inside it, and writes its change, the state change (who, when, from, to, note) and its
// log-journal row together.
import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { inTransaction, isInTransaction, type Executor } from "@/db/transaction";
import { cellFlags, cycles, queries, queryMessages, replyTransitions, responses, users } from "@/db/schema";
import type { Principal } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { blocksSubmission, evaluateAll, type Issue, type ReferenceValue } from "@/modules/questionnaire/rules";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, type StoredAnswer } from "@/modules/questionnaire/server/answers";
import { checkTransition, type ReplyAction, type ReplyState } from "../workflow";
import { currentReply, findReply, onReply, type ReplyRecord } from "./replies";
import { refusal } from "@/lib/http/refusal";

/** The reply as the log-journal names it: `2022-2024/KZ`. */
export const replyName = (found: ReplyRecord) => `${found.cycle.slug}/${found.reply.countryCode}`;

/** The reply re-read inside the service's transaction (it may have changed since the caller read it). */
export async function replyNow(tx: Executor, found: ReplyRecord): Promise<ReplyRecord> {
  const now = await currentReply(tx, found.reply.id);
  if (!now) throw new ServiceError(404, refusal("noReplyIn", { country: found.reply.countryCode ?? "", cycle: found.cycle.slug }));
  return now;
}

/** The same country's reply in the cycle this one compares with, if any. */
export async function previousAnswers(db: Executor, found: ReplyRecord): Promise<{ cycle: string; answers: Map<string, StoredAnswer> } | null> {
  const prevSlug = found.cycle.previousCycle;
  if (!prevSlug || !found.reply.countryCode) return null;
  const prev = await findReply(db, prevSlug, found.reply.countryCode);
  return prev ? { cycle: prevSlug, answers: await loadAnswers(db, prev.reply.id) } : null;
}

/** Everything that still blocks submission: errors, unanswered cells, unexplained warnings. */
async function submissionBlockers(db: Executor, index: QuestionnaireIndex, found: ReplyRecord, references: Record<string, ReferenceValue>): Promise<Issue[]> {
  const answers = await loadAnswers(db, found.reply.id);
  const prev = await previousAnswers(db, found);
  return evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, {
    submit: true,
    previous: prev ? (k) => prev.answers.get(k)?.answer : undefined,
    variationThreshold: found.cycle.variationThreshold,
    references,
  }).filter(blocksSubmission);
}

async function openQueryCount(db: Executor, responseId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(queries)
    .where(and(eq(queries.responseId, responseId), eq(queries.status, "open")))
    .limit(1);
  return row?.n ?? 0;
}

/**
 * Moves the reply through the workflow. Inside one transaction: the reply's state, its open
 * queries and (to submit) its answers are read as they are now, the move is checked, recorded and
 * journalled. Refusals: 403 (role), 409 (state, open queries), 400 (reopen without a note), 422
 * (what blocks a submission, each with its question and chapter).
 */
export async function transitionReply(
  db: Executor,
  found: ReplyRecord,
  action: ReplyAction,
  user: Principal,
  note: string | null,
  ip: string | null,
  /** Other sources' figures for some cells (national reports), composed by the caller: a figure far
   *  from its reference blocks the submission until the question's comment explains it. */
  references: Record<string, ReferenceValue> = {},
): Promise<{ from: ReplyState; to: ReplyState }> {
  return inTransaction(
    db,
    async (tx) => {
      const now = await replyNow(tx, found);
      const from = now.reply.status as ReplyState;
      const check = checkTransition(action, from, user.role, { openQueries: await openQueryCount(tx, now.reply.id), note });
      if (!check.ok) throw new ServiceError(check.status, check.reason);
      if (action === "submit") {
        const index = await loadQuestionnaire(tx, now.reply.questionnaireId);
        const issues = await submissionBlockers(tx, index, now, references);
        if (issues.length) {
          const details = issues.map((i) => ({
            question: i.question,
            cell: i.cell,
            code: i.code,
            severity: i.severity,
            params: i.params,
            chapter: index.chapterOf.get(i.question),
          }));
          throw new ServiceError(422, refusal("itemsToFix", { count: issues.length }), details);
        }
      }
      await recordState(tx, now.reply.id, from, check.to, user.id, note);
      await recordAudit(tx, { action: `reply.${action}`, object: replyName(now), user }, ip);
      return { from, to: check.to };
    },
    onReply(found),
  );
}

/** Writes a state change of a reply; part of the calling service's transaction. */
export async function recordState(tx: Executor, responseId: number, from: string, to: string, userId: number | null, note: string | null) {
  if (!isInTransaction(tx)) throw new Error("a reply's state moves inside the calling service's transaction");
  await tx
    .update(responses)
    .set({ status: to as ReplyState, updatedAt: new Date().toISOString() })
    .where(eq(responses.id, responseId));
  await tx.insert(replyTransitions).values({ responseId, fromState: from, toState: to, userId, note });
}

export async function transitionsOf(db: Executor, responseId: number) {
  return await db
    .select({ from: replyTransitions.fromState, to: replyTransitions.toState, note: replyTransitions.note, at: replyTransitions.at, by: users.name })
    .from(replyTransitions)
    .leftJoin(users, eq(users.id, replyTransitions.userId))
    .where(eq(replyTransitions.responseId, responseId))
    .orderBy(asc(replyTransitions.id));
}

// ----- queries -----------------------------------------------------------------------------

type QueryThread = {
  id: number;
  questionId: string;
  status: "open" | "resolved";
  createdAt: string;
  messages: { by: string | null; role: string | null; text: string; at: string }[];
};

export async function queriesOf(db: Executor, responseId: number): Promise<QueryThread[]> {
  const threads = await db.select().from(queries).where(eq(queries.responseId, responseId)).orderBy(asc(queries.id));
  const messages = await db
    .select({ queryId: queryMessages.queryId, text: queryMessages.text, at: queryMessages.at, by: users.name, role: users.role })
    .from(queryMessages)
    .innerJoin(queries, eq(queries.id, queryMessages.queryId))
    .leftJoin(users, eq(users.id, queryMessages.userId))
    .where(eq(queries.responseId, responseId))
    .orderBy(asc(queryMessages.id));
  return threads.map((t) => ({
    id: t.id,
    questionId: t.questionId,
    status: t.status,
    createdAt: t.createdAt,
    messages: messages.filter((m) => m.queryId === t.id).map(({ by, role, text, at }) => ({ by, role, text, at })),
  }));
}

/** A reviewer opens a query on a question of the reply: the thread, its first message and the
 *  log-journal row in one transaction. Returns the query's id. */
export async function openQuery(db: Executor, found: ReplyRecord, user: Principal, questionId: string, text: string, ip: string | null): Promise<number> {
  return inTransaction(
    db,
    async (tx) => {
      const now = await replyNow(tx, found);
      if (!(await loadQuestionnaire(tx, now.reply.questionnaireId)).questions.has(questionId))
        throw new ServiceError(400, `No question ${questionId} in this questionnaire.`);
      const [{ id }] = await tx.insert(queries).values({ responseId: now.reply.id, questionId, createdBy: user.id }).returning({ id: queries.id });
      await tx.insert(queryMessages).values({ queryId: id, userId: user.id, text });
      await recordAudit(tx, { action: "query.open", object: `${replyName(now)} ${questionId} (query ${id})`, user }, ip);
      return id;
    },
    onReply(found),
  );
}

/** Answers an open query of the reply ({text}) or resolves it ({resolve}); who may resolve is the
 *  caller's check. The query is re-read inside the transaction: 404 when it is not this reply's,
 *  409 when it is resolved by now. */
export async function postToQuery(
  db: Executor,
  found: ReplyRecord,
  user: Principal,
  queryId: number,
  post: { text: string } | { resolve: true },
  ip: string | null,
) {
  await inTransaction(
    db,
    async (tx) => {
      const [query] = Number.isInteger(queryId)
        ? await tx
            .select()
            .from(queries)
            .where(and(eq(queries.id, queryId), eq(queries.responseId, found.reply.id)))
            .limit(1)
        : [];
      if (!query) throw new ServiceError(404, refusal("noSuchQuery"));
      if (query.status !== "open") throw new ServiceError(409, refusal("queryResolved"));
      if ("resolve" in post) {
        await tx.update(queries).set({ status: "resolved", resolvedAt: new Date().toISOString() }).where(eq(queries.id, queryId));
      } else {
        await tx.insert(queryMessages).values({ queryId, userId: user.id, text: post.text });
      }
      await recordAudit(
        tx,
        { action: "resolve" in post ? "query.resolve" : "query.answer", object: `${replyName(found)} ${query.questionId} (query ${queryId})`, user },
        ip,
      );
    },
    onReply(found),
  );
}

// ----- "not retained for publication" --------------------------------------------------------

export async function flagsOf(db: Executor, responseId: number) {
  return await db.select({ cell: cellFlags.cell, reason: cellFlags.reason, at: cellFlags.at }).from(cellFlags).where(eq(cellFlags.responseId, responseId));
}

/** A reviewer marks a value "not retained for publication" (reason null removes the mark), with
 *  its log-journal row, in one transaction. */
export async function setFlag(db: Executor, found: ReplyRecord, user: Principal, cell: string, reason: string | null, ip: string | null) {
  await inTransaction(
    db,
    async (tx) => {
      const now = await replyNow(tx, found);
      if (!(await loadQuestionnaire(tx, now.reply.questionnaireId)).cells.has(cell)) throw new ServiceError(400, `No cell ${cell} in this questionnaire.`);
      const responseId = now.reply.id;
      if (!reason) await tx.delete(cellFlags).where(and(eq(cellFlags.responseId, responseId), eq(cellFlags.cell, cell)));
      else
        await tx
          .insert(cellFlags)
          .values({ responseId, cell, reason, userId: user.id })
          .onConflictDoUpdate({ target: [cellFlags.responseId, cellFlags.cell], set: { reason, userId: user.id } });
      await recordAudit(tx, { action: reason ? "reply.flag" : "reply.unflag", object: `${replyName(now)} ${cell}`, user }, ip);
    },
    onReply(found),
  );
}

export async function cycleOf(db: Executor, slug: string) {
  const [cycle] = await db.select().from(cycles).where(eq(cycles.slug, slug)).limit(1);
  return cycle;
}
