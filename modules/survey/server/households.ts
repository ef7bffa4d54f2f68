// Fieldwork: the waves, the households of a wave as each user may see them (scopeOf), the
// interviewers of a supervisor, an interview's history and review comments, and the assignment of
// households to interviewers. The interview's own moves are in interviews.ts.
import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction, lockRow, type Executor } from "@/db/transaction";
import { preparedQuery } from "@/db/statements";
import { run } from "@/db/sql";
import { interviewEvents, reviewComments, surveyHouseholds, surveyWaves, users } from "@/db/schema";
import { scopeOf, type Principal } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { INSERT_INTERVIEW_EVENT } from "./survey.sql";
import { refusal } from "@/lib/http/refusal";

export type Household = typeof surveyHouseholds.$inferSelect;
export type HouseholdState = Household["status"];

export async function listWaves(db: Executor) {
  return await db.select().from(surveyWaves).orderBy(desc(surveyWaves.year));
}
const findWaveQuery = preparedQuery((db: Executor) =>
  db
    .select()
    .from(surveyWaves)
    .where(eq(surveyWaves.year, sql.placeholder("year")))
    .prepare(),
);
export const findWave = async (db: Executor, year: number): Promise<typeof surveyWaves.$inferSelect | undefined> =>
  (await findWaveQuery(db).execute({ year }))[0];

const findHouseholdQuery = preparedQuery((db: Executor) =>
  db
    .select()
    .from(surveyHouseholds)
    .where(eq(surveyHouseholds.id, sql.placeholder("id")))
    .prepare(),
);
/** The household as stored now, its row locked until the transaction ends (db/transaction.ts,
 *  lockRow): every writer of an interview takes it first (rowLocks). */
export async function lockHousehold(tx: Executor, id: number): Promise<Household | undefined> {
  await lockRow(tx, { table: "survey_households", id });
  return await findHousehold(tx, id);
}

export async function findHousehold(db: Executor, id: number): Promise<Household | undefined> {
  return (await findHouseholdQuery(db).execute({ id }))[0];
}

/** The households of a list limited to what the user may see: the policy's scope (the lists agree
 *  with decide() on each household: a supervisor's regions, an interviewer's own interviews). */
function inScope(user: Principal): SQL[] {
  const scope = scopeOf(user);
  const where: SQL[] = [];
  // no region at all: nothing (`1 = 0`, a condition both engines read; PostgreSQL refuses a bare 0)
  if (scope.regions) where.push(scope.regions.length ? inArray(surveyHouseholds.region, scope.regions) : sql`1 = 0`);
  if (scope.interviewerId !== null) where.push(eq(surveyHouseholds.interviewerId, scope.interviewerId));
  return where;
}

/** A wave's households the user sees, filtered by region, settlement and status; the first `limit`. */
export async function householdsFor(db: Executor, user: Principal, wave: number, f: { region?: string; settlement?: string; status?: string }, limit = 300) {
  const where: SQL[] = [eq(surveyHouseholds.wave, wave), ...inScope(user)];
  if (f.region) where.push(eq(surveyHouseholds.region, f.region));
  if (f.settlement === "1" || f.settlement === "2") where.push(eq(surveyHouseholds.settlement, f.settlement));
  if (f.status) where.push(eq(surveyHouseholds.status, f.status as HouseholdState));
  const rows = await db
    .select({ h: surveyHouseholds, interviewer: users.name })
    .from(surveyHouseholds)
    .leftJoin(users, eq(users.id, surveyHouseholds.interviewerId))
    .where(and(...where))
    .orderBy(asc(surveyHouseholds.region), asc(surveyHouseholds.householdId))
    .limit(limit);
  const [{ n }] = await db
    .select({ n: count() })
    .from(surveyHouseholds)
    .where(and(...where));
  return { rows, total: n };
}

/** How many of a wave's households the user sees are in each state. */
export async function statusCounts(db: Executor, user: Principal, wave: number) {
  return await db
    .select({ status: surveyHouseholds.status, n: count() })
    .from(surveyHouseholds)
    .where(and(eq(surveyHouseholds.wave, wave), ...inScope(user)))
    .groupBy(surveyHouseholds.status)
    .orderBy(asc(surveyHouseholds.status));
}

/** The active interviewers a user may assign households to: all (administrators) or their own. */
export async function interviewersOf(db: Executor, supervisor: Principal) {
  const where = supervisor.role === "admin" ? eq(users.role, "interviewer") : and(eq(users.role, "interviewer"), eq(users.supervisorId, supervisor.id));
  return await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(where, eq(users.active, true)))
    .orderBy(users.name);
}

/** An interviewer's interviews: the rejected ones first (they wait for the interviewer), then by wave, newest first. */
export async function myAssignments(db: Executor, interviewerId: number) {
  return await db
    .select()
    .from(surveyHouseholds)
    .where(eq(surveyHouseholds.interviewerId, interviewerId))
    .orderBy(
      sql`case ${surveyHouseholds.status} when 'rejected' then 0 else 1 end`,
      desc(surveyHouseholds.wave),
      asc(surveyHouseholds.status),
      asc(surveyHouseholds.householdId),
    );
}

/** How many of an interviewer's interviews were sent back by the supervisor and wait for them. */
export async function rejectedCount(db: Executor, interviewerId: number): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(surveyHouseholds)
    .where(and(eq(surveyHouseholds.interviewerId, interviewerId), eq(surveyHouseholds.status, "rejected")));
  return n;
}

export async function reviewCommentsOf(db: Executor, householdRowId: number) {
  return await db
    .select({
      id: reviewComments.id,
      questionId: reviewComments.questionId,
      text: reviewComments.text,
      at: reviewComments.at,
      by: users.name,
      reply: reviewComments.reply,
      repliedAt: reviewComments.repliedAt,
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.householdRowId, householdRowId))
    .orderBy(asc(reviewComments.id));
}

export async function eventsOf(db: Executor, householdRowId: number) {
  return await db
    .select({ from: interviewEvents.fromState, to: interviewEvents.toState, note: interviewEvents.note, at: interviewEvents.at, by: users.name })
    .from(interviewEvents)
    .leftJoin(users, eq(users.id, interviewEvents.userId))
    .where(eq(interviewEvents.householdRowId, householdRowId))
    .orderBy(asc(interviewEvents.id));
}

/** An interview's history row, written by the service that moves it, in its transaction. */
export async function recordInterviewEvent(tx: Executor, householdRowId: number, from: string, to: string, userId: number, note: string | null) {
  await run(tx, INSERT_INTERVIEW_EVENT, householdRowId, from, to, userId, note);
}

/** Households an assignment may (re)assign: not completed, approved or under review. */
const ASSIGNABLE: HouseholdState[] = ["unassigned", "assigned", "in_progress", "rejected"];

/**
 * Assigns (or reassigns) households in bulk to one of the user's interviewers: those of the user's
 * scope that are still assignable, as stored when the transaction starts; the others are skipped.
 * Refused (404) when the interviewer or a household does not exist, (403) when none can be
 * assigned. Returns how many were assigned.
 */
export async function assignHouseholds(db: Db, user: Principal, ids: number[], interviewerId: number, ip: string | null): Promise<number> {
  return await inTransaction(db, async (tx) => {
    const interviewer = (await interviewersOf(tx, user)).find((i) => i.id === interviewerId);
    if (
      !interviewer &&
      !(
        await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, interviewerId), eq(users.role, "interviewer")))
          .limit(1)
      ).length
    )
      throw new ServiceError(404, `No interviewer ${interviewerId}.`);
    const households = await tx.select().from(surveyHouseholds).where(inArray(surveyHouseholds.id, ids));
    const missing = [...new Set(ids)].filter((id) => !households.some((h) => h.id === id));
    if (missing.length) throw new ServiceError(404, `No household ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}.`);
    const { regions } = scopeOf(user);
    let n = 0;
    for (const h of interviewer ? households : []) {
      if ((regions && !regions.includes(h.region)) || !ASSIGNABLE.includes(h.status)) continue;
      const to = h.status === "unassigned" ? "assigned" : h.status;
      await tx.update(surveyHouseholds).set({ interviewerId, status: to, updatedAt: new Date().toISOString() }).where(eq(surveyHouseholds.id, h.id));
      await recordInterviewEvent(tx, h.id, h.status, to, user.id, `assigned to ${interviewer!.name}`);
      n++;
    }
    if (!n) throw new ServiceError(403, refusal("cannotAssign"));
    await recordAudit(tx, { action: "survey.assign", object: `${n} households → user ${interviewerId}`, user }, ip);
    return n;
  });
}
