// Fieldwork: households of a wave, assignment to interviewers, the interview's life
// (assigned → in progress → completed → rejected / approved), review comments per question.
import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { prepared, preparedQuery } from "@/db/statements";
import { interviewEvents, reviewComments, surveyHouseholds, surveyWaves, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { addInterviewTallies } from "./tallies";

export type HouseholdState = (typeof surveyHouseholds.$inferSelect)["status"];

export function listWaves() {
  return getDb().select().from(surveyWaves).orderBy(desc(surveyWaves.year)).all();
}
const findWaveQuery = preparedQuery((db: Db) => db.select().from(surveyWaves).where(eq(surveyWaves.year, sql.placeholder("year"))).prepare());
export const findWave = (year: number) => findWaveQuery(getDb()).get({ year });

/** Households a supervisor sees: their regions only, filtered by region, settlement and status. */
export function householdsFor(user: CurrentUser, wave: number, f: { region?: string; settlement?: string; status?: string }, limit = 300) {
  const regions = user.role === "admin" ? null : user.regions;
  const where: SQL[] = [eq(surveyHouseholds.wave, wave)];
  if (regions) where.push(inArray(surveyHouseholds.region, regions.length ? regions : ["-"]));
  if (f.region) where.push(eq(surveyHouseholds.region, f.region));
  if (f.settlement === "1" || f.settlement === "2") where.push(eq(surveyHouseholds.settlement, f.settlement));
  if (f.status) where.push(eq(surveyHouseholds.status, f.status as HouseholdState));
  const db = getDb();
  const rows = db
    .select({ h: surveyHouseholds, interviewer: users.name })
    .from(surveyHouseholds).leftJoin(users, eq(users.id, surveyHouseholds.interviewerId))
    .where(and(...where)).orderBy(asc(surveyHouseholds.region), asc(surveyHouseholds.householdId)).limit(limit).all();
  const { n } = db.select({ n: sql<number>`count(*)` }).from(surveyHouseholds).where(and(...where)).get()!;
  return { rows, total: n };
}

export function interviewersOf(supervisor: CurrentUser) {
  const db = getDb();
  const where = supervisor.role === "admin" ? eq(users.role, "interviewer") : and(eq(users.role, "interviewer"), eq(users.supervisorId, supervisor.id));
  return db.select({ id: users.id, name: users.name }).from(users).where(and(where, eq(users.active, true))).orderBy(users.name).all();
}

// The statements of every interview move, prepared once (db/statements.ts): they run on every
// completion, approval and first save.
const EVENT = "insert into interview_events (household_row_id, from_state, to_state, user_id, note) values (?, ?, ?, ?, ?)";
const NEW_SHEET = "insert into responses (questionnaire_id, status) values ('udn', 'in_progress') returning id";
const SET_SHEET = "update survey_households set response_id = ?, status = ? where id = ?";
const MOVE = "update survey_households set status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ? and status = ?";

function event(householdRowId: number, from: string, to: string, userId: number, note: string | null) {
  prepared(getDb().$client, EVENT).run(householdRowId, from, to, userId, note);
}

/** Assigns (or reassigns) households in bulk; only households of the supervisor's regions that are
 *  not yet completed or approved. Returns how many were assigned. */
export function assign(user: CurrentUser, ids: number[], interviewerId: number): number {
  const db = getDb();
  const interviewer = interviewersOf(user).find((i) => i.id === interviewerId);
  if (!interviewer) return 0;
  return db.transaction(() => {
    let n = 0;
    for (const h of db.select().from(surveyHouseholds).where(inArray(surveyHouseholds.id, ids)).all()) {
      if (user.role !== "admin" && !user.regions.includes(h.region)) continue;
      if (!["unassigned", "assigned", "rejected"].includes(h.status) && !(h.status === "in_progress")) continue;
      const to = h.status === "unassigned" ? "assigned" : h.status;
      db.update(surveyHouseholds).set({ interviewerId, status: to, updatedAt: new Date().toISOString() }).where(eq(surveyHouseholds.id, h.id)).run();
      event(h.id, h.status, to, user.id, `assigned to ${interviewer.name}`);
      n++;
    }
    return n;
  });
}

const findHouseholdQuery = preparedQuery((db: Db) => db.select().from(surveyHouseholds).where(eq(surveyHouseholds.id, sql.placeholder("id"))).prepare());
export function findHousehold(id: number) {
  return findHouseholdQuery(getDb()).get({ id });
}

export function myAssignments(interviewerId: number) {
  return getDb().select().from(surveyHouseholds).where(eq(surveyHouseholds.interviewerId, interviewerId))
    .orderBy(desc(surveyHouseholds.wave), asc(surveyHouseholds.status), asc(surveyHouseholds.householdId)).all();
}

/** The interview's answer sheet, created when the interviewer first opens it. */
export function ensureResponse(h: typeof surveyHouseholds.$inferSelect, userId: number): number {
  if (h.responseId) return h.responseId;
  const sqlite = getDb().$client;
  return sqlite.transaction(() => {
    const { id } = prepared(sqlite, NEW_SHEET).get() as { id: number };
    prepared(sqlite, SET_SHEET).run(id, h.status === "assigned" ? "in_progress" : h.status, h.id);
    if (h.status === "assigned") event(h.id, "assigned", "in_progress", userId, null);
    return id;
  })();
}

export type InterviewAction = "complete" | "approve" | "reject";
/** States in which the interviewer may still change the answers (and complete the interview). */
export const isEditable = (status: HouseholdState) => RULES.complete.from.includes(status);

const RULES: Record<InterviewAction, { from: HouseholdState[]; to: HouseholdState }> = {
  complete: { from: ["assigned", "in_progress", "rejected"], to: "completed" },
  approve: { from: ["completed"], to: "approved" },
  reject: { from: ["completed"], to: "rejected" },
};

export function moveInterview(h: typeof surveyHouseholds.$inferSelect, action: InterviewAction, userId: number, note: string | null): { ok: true; to: HouseholdState } | { ok: false; reason: string } {
  const rule = RULES[action];
  if (!rule.from.includes(h.status)) return { ok: false, reason: `An interview that is ${h.status.replace("_", " ")} cannot be ${action === "complete" ? "completed" : `${action}d`}.` };
  const sqlite = getDb().$client;
  // One transaction with the tallies; the move applies only if the status is still the one read
  // (two supervisors approving at once must not count the interview twice).
  return sqlite.transaction((): { ok: true; to: HouseholdState } | { ok: false; reason: string } => {
    if (h.status === "approved") addInterviewTallies(sqlite, h.id, -1);
    const moved = prepared(sqlite, MOVE).run(rule.to, h.id, h.status);
    if (moved.changes !== 1) {
      if (h.status === "approved") addInterviewTallies(sqlite, h.id, 1);
      return { ok: false, reason: "The interview was changed meanwhile: reload it." };
    }
    event(h.id, h.status, rule.to, userId, note);
    if (rule.to === "approved") addInterviewTallies(sqlite, h.id, 1);
    return { ok: true, to: rule.to };
  }).immediate();
}

export function addReviewComment(householdRowId: number, questionId: string, text: string, userId: number) {
  getDb().insert(reviewComments).values({ householdRowId, questionId, text, userId }).run();
}

export function reviewCommentsOf(householdRowId: number) {
  return getDb().select({ questionId: reviewComments.questionId, text: reviewComments.text, at: reviewComments.at, by: users.name })
    .from(reviewComments).leftJoin(users, eq(users.id, reviewComments.userId)).where(eq(reviewComments.householdRowId, householdRowId)).orderBy(asc(reviewComments.id)).all();
}

export function eventsOf(householdRowId: number) {
  return getDb().select({ from: interviewEvents.fromState, to: interviewEvents.toState, note: interviewEvents.note, at: interviewEvents.at, by: users.name })
    .from(interviewEvents).leftJoin(users, eq(users.id, interviewEvents.userId)).where(eq(interviewEvents.householdRowId, householdRowId)).orderBy(asc(interviewEvents.id)).all();
}
