// Reply workflow on the server: submit (with every check), return, validate, reopen; queries and
// "not retained" flags. Each state change is recorded with who, when, from, to and a note.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cellFlags, cycles, queries, queryMessages, replyTransitions, responses, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { blocksSubmission, evaluateAll, type Issue } from "@/modules/questionnaire/rules";
import { loadAnswers, type StoredAnswer } from "@/modules/questionnaire/server/answers";
import { checkTransition, type ReplyAction, type ReplyState } from "../workflow";
import { findReply } from "./replies";

export type ReplyRecord = NonNullable<ReturnType<typeof findReply>>;

/** The same country's reply in the cycle this one compares with, if any. */
export function previousAnswers(found: ReplyRecord): { cycle: string; answers: Map<string, StoredAnswer> } | null {
  const prevSlug = found.cycle.previousCycle;
  if (!prevSlug || !found.reply.countryCode) return null;
  const prev = findReply(prevSlug, found.reply.countryCode);
  return prev ? { cycle: prevSlug, answers: loadAnswers(getDb(), prev.reply.id) } : null;
}

/** Everything that still blocks submission: errors, unanswered cells, unexplained warnings. */
export function submissionBlockers(index: QuestionnaireIndex, found: ReplyRecord): Issue[] {
  const answers = loadAnswers(getDb(), found.reply.id);
  const prev = previousAnswers(found);
  return evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, {
    submit: true,
    previous: prev ? (k) => prev.answers.get(k)?.answer : undefined,
    variationThreshold: found.cycle.variationThreshold,
  }).filter(blocksSubmission);
}

export function openQueryCount(responseId: number): number {
  return (getDb().$client.prepare("select count(*) as n from queries where response_id = ? and status = 'open'").get(responseId) as { n: number }).n;
}

export type TransitionResult =
  | { ok: true; from: ReplyState; to: ReplyState }
  | { ok: false; status: number; reason: string; issues?: Issue[] };

export function transitionReply(index: QuestionnaireIndex, found: ReplyRecord, action: ReplyAction, user: CurrentUser, note: string | null): TransitionResult {
  const from = found.reply.status as ReplyState;
  const check = checkTransition(action, from, user.role, { openQueries: openQueryCount(found.reply.id), note });
  if (!check.ok) return check;
  if (action === "submit") {
    const issues = submissionBlockers(index, found);
    if (issues.length) return { ok: false, status: 422, reason: `${issues.length} item(s) must be fixed or explained before submitting.`, issues };
  }
  recordState(found.reply.id, from, check.to, user.id, note);
  return { ok: true, from, to: check.to };
}

export function recordState(responseId: number, from: string, to: string, userId: number | null, note: string | null) {
  const db = getDb();
  db.transaction((tx) => {
    tx.update(responses).set({ status: to as ReplyState, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(responses.id, responseId)).run();
    tx.insert(replyTransitions).values({ responseId, fromState: from, toState: to, userId, note }).run();
  });
}

export function transitionsOf(responseId: number) {
  return getDb()
    .select({ from: replyTransitions.fromState, to: replyTransitions.toState, note: replyTransitions.note, at: replyTransitions.at, by: users.name })
    .from(replyTransitions)
    .leftJoin(users, eq(users.id, replyTransitions.userId))
    .where(eq(replyTransitions.responseId, responseId))
    .orderBy(asc(replyTransitions.id))
    .all();
}

// ----- queries -----------------------------------------------------------------------------

export type QueryThread = { id: number; questionId: string; status: "open" | "resolved"; createdAt: string; messages: { by: string | null; role: string | null; text: string; at: string }[] };

export function queriesOf(responseId: number): QueryThread[] {
  const db = getDb();
  const threads = db.select().from(queries).where(eq(queries.responseId, responseId)).orderBy(asc(queries.id)).all();
  const messages = db
    .select({ queryId: queryMessages.queryId, text: queryMessages.text, at: queryMessages.at, by: users.name, role: users.role })
    .from(queryMessages)
    .innerJoin(queries, eq(queries.id, queryMessages.queryId))
    .leftJoin(users, eq(users.id, queryMessages.userId))
    .where(eq(queries.responseId, responseId))
    .orderBy(asc(queryMessages.id))
    .all();
  return threads.map((t) => ({
    id: t.id,
    questionId: t.questionId,
    status: t.status,
    createdAt: t.createdAt,
    messages: messages.filter((m) => m.queryId === t.id).map(({ by, role, text, at }) => ({ by, role, text, at })),
  }));
}

export function openQuery(responseId: number, questionId: string, text: string, userId: number): number {
  return getDb().transaction((tx) => {
    const { id } = tx.insert(queries).values({ responseId, questionId, createdBy: userId }).returning({ id: queries.id }).get();
    tx.insert(queryMessages).values({ queryId: id, userId, text }).run();
    return id;
  });
}

export function findQuery(responseId: number, queryId: number) {
  return getDb().select().from(queries).where(and(eq(queries.id, queryId), eq(queries.responseId, responseId))).get();
}

export function answerQuery(queryId: number, text: string, userId: number) {
  getDb().insert(queryMessages).values({ queryId, userId, text }).run();
}

export function resolveQuery(queryId: number) {
  getDb().update(queries).set({ status: "resolved", resolvedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` }).where(eq(queries.id, queryId)).run();
}

// ----- "not retained for publication" --------------------------------------------------------

export function flagsOf(responseId: number) {
  return getDb().select({ cell: cellFlags.cell, reason: cellFlags.reason, at: cellFlags.at }).from(cellFlags).where(eq(cellFlags.responseId, responseId)).all();
}

export function setFlag(responseId: number, cell: string, reason: string | null, userId: number) {
  const db = getDb();
  if (!reason) db.delete(cellFlags).where(and(eq(cellFlags.responseId, responseId), eq(cellFlags.cell, cell))).run();
  else db.insert(cellFlags).values({ responseId, cell, reason, userId }).onConflictDoUpdate({ target: [cellFlags.responseId, cellFlags.cell], set: { reason, userId } }).run();
}

export function cycleOf(slug: string) {
  return getDb().select().from(cycles).where(eq(cycles.slug, slug)).get();
}
