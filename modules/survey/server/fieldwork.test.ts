// On a seeded database: the fieldwork services of issue 17 — paradata merged per session with the
// answer saves, the completion and the queue; replies to review comments; the interviewer's list
// with the rejected interviews first; imports that never change the sample; the quality view.
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { testSql, principalOf } from "@/testing/sql";
import type { Db } from "@/db/open";
import type { Principal } from "@/lib/auth/policy";
import type { AnswerChange } from "@/modules/questionnaire/schemas";
import type { ParadataSession } from "../paradata";

const demo = await demoDatabase("fieldwork-test");
const { ServiceError } = await import("@/lib/http/service-error");
const { findHousehold, myAssignments, rejectedCount, reviewCommentsOf } = await import("./households");
const { completeInterview, rejectInterview, replyToComment, saveInterviewAnswers, setInterviewLanguage, submitInterviews, approveInterview } =
  await import("./interviews");
const { importInterviews } = await import("./waves");
const { paradataCsv, readParadata } = await import("./paradata");
const { fieldworkQuality } = await import("./quality");
const { summariseParadata } = await import("../paradata");
const { interviewToRow, microdataHeader, parseMicrodataCsv } = await import("../microdata");
const { microdataLines } = await import("./microdata-export");
const { BOM, csvLine } = await import("@/lib/csv/csv");

const db: Db = demo.db;
const q = testSql(db);
let admin: Principal, supervisor: Principal, interviewer: Principal;
let free: number[];

const principal = (email: string) => principalOf(demo.db, email);

beforeAll(async () => {
  admin = await principal("admin@example.org");
  supervisor = await principal("supervisor@example.org");
  interviewer = await principal("interviewer@example.org");
  free = (
    await q.all<{ id: number }>("select id from survey_households where wave = 2026 and region in ('AST', 'ALA') and status = 'unassigned' order by id")
  ).map((r) => r.id);
}, 120_000);
afterAll(() => demo.remove());

async function assigned(): Promise<number> {
  const id = free.shift()!;
  await q.run("update survey_households set interviewer_id = ?, status = 'assigned' where id = ?", interviewer.id, id);
  return id;
}
const h = async (id: number) => (await findHousehold(db, id))!;
const today = new Date().toISOString().slice(0, 10);
const v = (text: string) => ({ num: null, text, status: null });
const full: AnswerChange[] = Object.entries({
  result: v("1"),
  interview_date: v(today),
  sex: v("2"),
  age: { num: 37, text: null, status: null },
  education: v("4"),
  employment: v("1"),
  safe_day: v("9"),
  safe_night: v("1"),
  crime_trend: v("9"),
  trust_prosecutor: v("1"),
  trust_police: v("2"),
  trust_anticorruption: v("9"),
  trust_econ_investigation: v("2"),
  trust_courts: v("1"),
  trust_fire: v("1"),
  victim_theft: v("2"),
  victim_fraud: v("2"),
  victim_robbery: v("2"),
  victim_assault: v("2"),
  victim_vehicle: v("2"),
  victim_burglary: v("2"),
  victim_road: v("2"),
}).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));

const session = (id: string, x: Partial<ParadataSession> = {}): ParadataSession => ({
  session: id,
  startedAt: "2026-11-20T10:00:00.000Z",
  endedAt: "2026-11-20T10:10:00.000Z",
  activeSeconds: 600,
  seconds: { result: 20, sex: 5 },
  changes: { result: 1, sex: 2 },
  userAgent: "Mozilla/5.0 (Linux; Android 14; Tablet)",
  language: "ru",
  ...x,
});

async function refusal(run: () => Promise<unknown>): Promise<{ status: number; message: string; details: unknown }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError) return { status: error.status, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("the service did not refuse");
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe("paradata", () => {
  it("a session's repeated saves replace its totals; another session adds to them; the language is recorded", async () => {
    const id = await assigned();
    await saveInterviewAnswers(
      db,
      await h(id),
      interviewer,
      full.slice(0, 1),
      null,
      session("session-aaaa", { seconds: { result: 10 }, changes: { result: 1 } }),
    );
    await saveInterviewAnswers(db, await h(id), interviewer, full.slice(1, 2), null, session("session-aaaa"));
    // the same save again (a retry): nothing counts twice
    await saveInterviewAnswers(
      db,
      await h(id),
      interviewer,
      full.slice(1, 2).map((c) => ({ ...c, baseVersion: 1 })),
      null,
      session("session-aaaa"),
    );
    expect(Object.keys(await readParadata(db, id))).toEqual(["session-aaaa"]);
    // the language is recorded at completion (or chosen explicitly), not by a save
    expect((await h(id)).interviewLanguage).toBeNull();
    await completeInterview(
      db,
      await h(id),
      interviewer,
      full.slice(2),
      null,
      session("session-bbbb", { startedAt: "2026-11-21T09:00:00.000Z", endedAt: "2026-11-21T09:05:00.000Z", activeSeconds: 300, language: "kk" }),
    );
    const s = summariseParadata(await readParadata(db, id))!;
    expect(s).toMatchObject({
      startedAt: "2026-11-20T10:00:00.000Z",
      endedAt: "2026-11-21T09:05:00.000Z",
      durationSeconds: 900,
      seconds: { result: 40, sex: 10 },
      changes: { result: 2, sex: 4 },
      language: "kk",
      sessions: 2,
    });
    expect((await h(id)).interviewLanguage).toBe("kk");
    const csv = await paradataCsv(db, 2026, supervisor);
    const { householdId } = await h(id);
    const line = csv.split("\r\n").find((l) => l.startsWith(householdId))!;
    expect(line).toContain(",completed,");
    expect(line).toContain(",kk,2026-11-20T10:00:00.000Z,2026-11-21T09:05:00.000Z,900,2,");
    expect(line).toContain("result=40; sex=10");
    expect(csv.split("\r\n")[0]).toBe(
      "\ufeffhousehold_id,region,status,interviewer_id,interview_language,started_at,ended_at,duration_seconds,sessions,user_agent,seconds_per_question,changes_per_question",
    );
    // a supervisor of other regions sees none of it
    expect(await paradataCsv(db, 2026, { ...supervisor, regions: ["KAR"] })).not.toContain(householdId);
  });

  it("the queue carries paradata per interview, idempotent by session", async () => {
    const id = await assigned();
    const item = { id, changes: full, paradata: session("queue-session-1", { language: "en" }) };
    expect((await submitInterviews(db, [item], interviewer, null))[0]).toMatchObject({ ok: true });
    expect(summariseParadata(await readParadata(db, id))).toMatchObject({ durationSeconds: 600, sessions: 1, language: "en" });
    expect((await h(id)).interviewLanguage).toBe("en");
  });
});

describe("rejected interviews and replies", () => {
  it("come first in the interviewer's list; the reply is stored with its log-journal row; the supervisor reads it", async () => {
    const id = await assigned();
    await completeInterview(db, await h(id), interviewer, full, null);
    await rejectInterview(db, await h(id), supervisor, [{ question: "age", text: "Check the age" }], null);
    expect((await myAssignments(db, interviewer.id))[0].id).toBe(id);
    expect(await rejectedCount(db, interviewer.id)).toBeGreaterThanOrEqual(1);
    const [comment] = await reviewCommentsOf(db, id);
    // only the interviewer of the interview, and only a comment of this interview
    expect((await refusal(async () => replyToComment(db, await h(id), supervisor, comment.id, "x", null))).status).toBe(403);
    const other = await assigned();
    expect((await refusal(async () => replyToComment(db, await h(other), interviewer, comment.id, "x", null))).status).toBe(404);
    await replyToComment(db, await h(id), interviewer, comment.id, "Age confirmed with the passport", null);
    expect((await reviewCommentsOf(db, id))[0]).toMatchObject({ reply: "Age confirmed with the passport", text: "Check the age" });
    expect(await q.get('select action, user_id as "userId" from audit_log order by id desc limit 1')).toEqual({
      action: "interview.comment_reply",
      userId: interviewer.id,
    });
    await completeInterview(db, await h(id), interviewer, [], null);
    // completed: no more replies
    expect((await refusal(async () => replyToComment(db, await h(id), interviewer, comment.id, "later", null))).status).toBe(409);
    await approveInterview(db, await h(id), supervisor, null);
    expect((await h(id)).status).toBe("approved");
  });

  it("the language is the interviewer's to choose while the interview may change", async () => {
    const id = await assigned();
    await setInterviewLanguage(db, await h(id), interviewer, "ru", null);
    expect((await h(id)).interviewLanguage).toBe("ru");
    // chosen explicitly: the completion's session language does not replace it
    await completeInterview(db, await h(id), interviewer, full, null, session("session-cccc", { language: "kk" }));
    expect((await h(id)).interviewLanguage).toBe("ru");
    expect((await refusal(async () => setInterviewLanguage(db, await h(id), supervisor, "en", null))).status).toBe(403);
    expect((await refusal(async () => setInterviewLanguage(db, await h(id), interviewer, "en", null))).status).toBe(409);
  });
});

describe("import keeps the sample", () => {
  const sampled = async () =>
    (await q.get<{
      id: number;
      household_id: string;
      region: string;
      settlement: "1" | "2";
      weight: number;
    }>("select * from survey_households where wave = 2026 and status = 'unassigned' order by id desc limit 1"))!;
  const interview = (hh: { household_id: string; region: string; settlement: string; weight: number }, language?: "kk" | "ru" | "en") => {
    const file = BOM + csvLine(microdataHeader()) + csvLine(interviewToRow(hh, Object.fromEntries(full.map((c) => [c.cell, c.value!])), language ?? null));
    const parsed = parseMicrodataCsv(file, { fieldwork: { start: "2000-01-01", end: "2100-01-01" } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.interviews;
  };

  it("refuses rows that would change a sampled household, and households not in the sample; each a row of the report", async () => {
    const s = await sampled();
    const changed = interview({
      household_id: s.household_id,
      region: s.region === "AST" ? "ALA" : "AST",
      settlement: s.settlement === "1" ? "2" : "1",
      weight: s.weight * 2,
    });
    const r = await refusal(() =>
      importInterviews(db, 2026, [...changed, ...interview({ household_id: "NOT-IN-SAMPLE-1", region: "AST", settlement: "1", weight: 10 })], admin, null),
    );
    expect(r.status).toBe(400);
    expect((r.details as { row: number; column: string }[]).map((e) => [e.row, e.column])).toEqual([
      [2, "region"],
      [2, "settlement"],
      [2, "weight"],
      [2, "household_id"],
    ]);
    const after = await q.get("select region, settlement, weight, status from survey_households where id = ?", s.id);
    expect(after).toEqual({ region: s.region, settlement: s.settlement, weight: s.weight, status: "unassigned" });
    expect(await q.get("select cast(count(*) as integer) as n from survey_households where household_id = 'NOT-IN-SAMPLE-1'")).toEqual({ n: 0 });
  });

  it("imports a sampled household as it is in the sample, with its language; adds new households only when allowed", async () => {
    const s = await sampled();
    expect(await importInterviews(db, 2026, interview(s, "kk"), admin, null)).toBe(1);
    expect(await q.get("select region, settlement, weight, status, interview_language as l from survey_households where id = ?", s.id)).toEqual({
      region: s.region,
      settlement: s.settlement,
      weight: s.weight,
      status: "approved",
      l: "kk",
    });
    const line = (await collect(microdataLines(db, 2026))).find((l) => l.startsWith(s.household_id))!;
    expect(line.trimEnd().endsWith(",kk")).toBe(true);
    const added = interview({ household_id: "NEW-HH-1", region: "AST", settlement: "1", weight: 10 });
    expect((await refusal(() => importInterviews(db, 2026, added, admin, null))).status).toBe(400);
    expect(await importInterviews(db, 2026, added, admin, null, { addHouseholds: true })).toBe(1);
    expect(await q.get("select status from survey_households where household_id = 'NEW-HH-1'")).toEqual({ status: "approved" });
  });
});

describe("quality view", () => {
  it("counts the interviewer's interviews of the wave in the supervisor's regions", async () => {
    const { interviewers, flagged } = await fieldworkQuality(db, supervisor, 2026, { thresholdSeconds: 700 });
    const [row] = interviewers.filter((r) => r.id === interviewer.id);
    expect(flagged.length).toBe(row.short);
    expect(flagged.every((f) => f.durationSeconds < 700)).toBe(true);
    expect(row.assigned).toBeGreaterThanOrEqual(5);
    expect(row.completed).toBeGreaterThanOrEqual(3);
    expect(row.rejected).toBeGreaterThanOrEqual(1);
    expect(row.approved).toBeGreaterThanOrEqual(1);
    expect(row.medianDurationSeconds).not.toBeNull();
    expect(row.short).toBeGreaterThanOrEqual(1);
    // 3 of the 9 questions offering "difficult to answer" (safety 2, crime trend, trust 6) were answered with it in each
    expect(row.itemNonResponse).toBeCloseTo(3 / 9, 5);
    expect(row.refusalRate).toBe(0);
    expect(await fieldworkQuality(db, supervisor, 2026, { region: "KAR", thresholdSeconds: 700 })).toEqual({ interviewers: [], flagged: [] });
  });
});
