// The quality view's rows: a wave's assigned households in the user's regions (optionally one
// region), with their rejections, paradata durations and the answers the indicators read.
import "server-only";
import { and, count, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { answers, interviewEvents, surveyHouseholds, users } from "@/db/schema";
import { scopeOf, type Principal } from "@/lib/auth/policy";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { walkQuestions } from "@/modules/questionnaire/walk";
import { countDifficult, difficultToAnswerQuestions, isShort, qualityByInterviewer, type QualityInterview } from "../quality";
import { durationsOf } from "./paradata";

const CHUNK = 500;

export async function fieldworkQuality(db: Executor, user: Principal, wave: number, f: { region?: string; thresholdSeconds: number }) {
  const scope = scopeOf(user);
  const where: SQL[] = [eq(surveyHouseholds.wave, wave), isNotNull(surveyHouseholds.interviewerId)];
  if (scope.regions) where.push(inArray(surveyHouseholds.region, scope.regions.length ? scope.regions : ["-"]));
  if (f.region) where.push(eq(surveyHouseholds.region, f.region));
  const households = (
    await db
      .select({ h: surveyHouseholds, name: users.name })
      .from(surveyHouseholds)
      .innerJoin(users, eq(users.id, surveyHouseholds.interviewerId))
      .where(and(...where))
  ).filter(({ h }) => h.status !== "unassigned");
  const ids = households.map(({ h }) => h.id);
  const dk = difficultToAnswerQuestions(Array.from(walkQuestions((await loadQuestionnaire(db, "udn")).questionnaire), (x) => x.question));
  const cells = ["result", ...dk.keys()];
  const rejections = new Map<number, number>();
  const answered = new Map<number, Map<string, string | null>>();
  const responseToRow = new Map(households.filter(({ h }) => h.responseId !== null).map(({ h }) => [h.responseId!, h.id]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    for (const r of await db
      // count(): a number on both engines (PostgreSQL's count is a bigint, read as a string unless mapped)
      .select({ id: interviewEvents.householdRowId, n: count() })
      .from(interviewEvents)
      .where(and(inArray(interviewEvents.householdRowId, part), eq(interviewEvents.toState, "rejected")))
      .groupBy(interviewEvents.householdRowId))
      rejections.set(r.id, r.n);
  }
  const responses = [...responseToRow.keys()];
  for (let i = 0; i < responses.length; i += CHUNK) {
    for (const a of await db
      .select({ responseId: answers.responseId, cell: answers.cell, text: answers.text })
      .from(answers)
      .where(and(inArray(answers.responseId, responses.slice(i, i + CHUNK)), inArray(answers.cell, cells)))) {
      const row = responseToRow.get(a.responseId)!;
      let m = answered.get(row);
      if (!m) answered.set(row, (m = new Map()));
      m.set(a.cell, a.text);
    }
  }
  const durations = await durationsOf(db, ids);
  const rows: QualityInterview[] = households.map(({ h, name }) => {
    const a = answered.get(h.id) ?? new Map<string, string | null>();
    return {
      interviewerId: h.interviewerId!,
      interviewerName: name,
      status: h.status as QualityInterview["status"],
      rejections: rejections.get(h.id) ?? 0,
      durationSeconds: durations.get(h.id) ?? null,
      result: a.get("result") ?? null,
      ...countDifficult(a, dk),
    };
  });
  // the handed-in interviews under the threshold, shortest first, for the supervisor to open
  const flagged = households
    .map(({ h, name }, i) => ({ id: h.id, householdId: h.householdId, interviewer: name, status: h.status, durationSeconds: rows[i].durationSeconds }))
    .filter((x): x is typeof x & { durationSeconds: number } => isShort(x, f.thresholdSeconds))
    .sort((a, b) => a.durationSeconds - b.durationSeconds);
  return { interviewers: qualityByInterviewer(rows, f.thresholdSeconds), flagged };
}
