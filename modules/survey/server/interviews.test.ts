// On a seeded database: the interview services (interviews.ts) decide on the state as stored inside
// their transaction, not on the caller's copy; every one that writes writes its log-journal row in
// the same transaction; a tablet's queue applies or refuses each interview on its own. And the other
// survey writes (assignment, waves) refuse on what they re-read, with their row in their transaction.
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { failWrites, testSql, principalOf } from "@/testing/sql";
import type { Db } from "@/db/open";
import type { Principal } from "@/lib/auth/policy";
import type { AnswerChange } from "@/modules/questionnaire/schemas";

const demo = await demoDatabase("interviews-test");
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { findHousehold, assignHouseholds } = await import("./households");
const { approveInterview, completeInterview, rejectInterview, saveInterviewAnswers, submitInterviews } = await import("./interviews");
const { createWave, publishWave } = await import("./waves");
const { rebuildTallies } = await import("./tallies");
const { inTransaction, transactionRetries } = await import("@/db/transaction");

const db: Db = getDb();
const q = testSql(db);
let admin: Principal, supervisor: Principal, interviewer: Principal;
/** Unassigned households of wave 2026 in the supervisor's regions, handed out by the tests. */
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

/** A household of 2026 assigned to the interviewer (set up directly). */
async function assigned(): Promise<number> {
  const id = free.shift()!;
  await q.run("update survey_households set interviewer_id = ?, status = 'assigned' where id = ?", interviewer.id, id);
  return id;
}

const today = new Date().toISOString().slice(0, 10);
const v = (text: string) => ({ num: null, text, status: null });
/** A complete interview valid under the UDN rules (as e2e/survey.spec.ts sends it). */
const full: AnswerChange[] = Object.entries({
  result: v("1"),
  interview_date: v(today),
  sex: v("2"),
  age: { num: 37, text: null, status: null },
  education: v("4"),
  employment: v("1"),
  safe_day: v("2"),
  safe_night: v("3"),
  unsafe_reasons: v('["1","4"]'),
  crime_trend: v("2"),
  trust_prosecutor: v("1"),
  trust_police: v("2"),
  trust_anticorruption: v("3"),
  trust_econ_investigation: v("2"),
  trust_courts: v("1"),
  trust_fire: v("1"),
  distrust_reasons: v('["1","4"]'),
  victim_theft: v("1"),
  reported_theft: v("2"),
  victim_fraud: v("2"),
  victim_robbery: v("2"),
  victim_assault: v("2"),
  victim_vehicle: v("2"),
  victim_burglary: v("2"),
  victim_road: v("2"),
  not_reported_reason: v('["1"]'),
}).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
const partial = full.filter((c) => c.cell === "result" || c.cell === "sex");

/** A completed interview of the interviewer, through the service. */
async function completed(): Promise<number> {
  const id = await assigned();
  await completeInterview(db, (await findHousehold(db, id))!, interviewer, full, null);
  return id;
}

/** The refusal a service threw: its status and message. */
async function refusal(run: () => Promise<unknown>): Promise<{ status: number; message: string; details: unknown }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError) return { status: error.status, message: error.message, details: error.details };
    throw error;
  }
  throw new Error("the service did not refuse");
}

const setStatus = (id: number, status: string) => q.run("update survey_households set status = ? where id = ?", status, id);

/** Everything a service could have written about a household, and the global log-journal and tallies. */
async function snapshot(id: number) {
  const h = (await q.get<{ response_id: number | null }>("select * from survey_households where id = ?", id))!;
  return {
    household: h,
    events: await q.all("select * from interview_events where household_row_id = ? order by id", id),
    comments: await q.all("select * from review_comments where household_row_id = ? order by id", id),
    answers: h.response_id ? await q.all("select * from answers where response_id = ? order by cell", h.response_id) : [],
    history: h.response_id ? await q.all("select * from answer_history where response_id = ? order by id", h.response_id) : [],
    responses: await q.all("select cast(count(*) as integer) as n from responses"),
    audit: await q.all("select cast(count(*) as integer) as n from audit_log"),
    tallies: await q.all("select cast(sum(n) as integer) as n, sum(weight) as w from survey_tallies where wave = 2026"),
  };
}

const lastAudit = async () =>
  (await q.get<{ action: string; object: string; userId: number }>('select action, object, user_id as "userId" from audit_log order by id desc limit 1'))!;
const auditRows = async (action: string, object: string) =>
  (await q.value<number>("select cast(count(*) as integer) as n from audit_log where action = ? and object like ?", action, `${object}%`))!;
const objectOf = async (id: number) => `2026/${(await findHousehold(db, id))!.householdId}`;

/** Makes every insert into `table` (for which `when` holds) fail with "injected failure" while `run`
 *  runs: a failure in the middle of a service. */
async function failingInserts<T>(table: string, run: () => Promise<T>, when?: string): Promise<T> {
  const allow = await failWrites(db, { table, message: "injected failure", when });
  try {
    return await run();
  } finally {
    await allow();
  }
}

describe("interview services decide on the state read inside their transaction", () => {
  it("approve: a copy read while completed, the interview rejected meanwhile → 409, nothing changed", async () => {
    const id = await completed();
    const stale = (await findHousehold(db, id))!;
    expect(stale.status).toBe("completed");
    await setStatus(id, "rejected");
    const before = await snapshot(id);
    expect(await refusal(() => approveInterview(db, stale, supervisor, null))).toMatchObject({
      status: 409,
      message: "An interview that is rejected cannot be approved.",
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("approve: the interview approved meanwhile → 409, counted once in the tallies", async () => {
    const id = await completed();
    const stale = (await findHousehold(db, id))!;
    expect(await approveInterview(db, stale, supervisor, null)).toEqual({ status: "approved" });
    const before = await snapshot(id);
    expect((await refusal(() => approveInterview(db, stale, supervisor, null))).status).toBe(409);
    expect(await snapshot(id)).toEqual(before);
  });

  it("reject: a copy read while completed, the interview approved meanwhile → 409, no comment stored", async () => {
    const id = await completed();
    const stale = (await findHousehold(db, id))!;
    await setStatus(id, "approved");
    const before = await snapshot(id);
    expect(await refusal(() => rejectInterview(db, stale, supervisor, [{ question: "age", text: "check the ID card" }], null))).toMatchObject({
      status: 409,
      message: "An interview that is approved cannot be rejected.",
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("complete: a copy read while in progress, the interview completed meanwhile → 409, no answer saved", async () => {
    const id = await assigned();
    await saveInterviewAnswers(db, (await findHousehold(db, id))!, interviewer, partial, null);
    const stale = (await findHousehold(db, id))!;
    expect(stale.status).toBe("in_progress");
    await setStatus(id, "completed");
    const before = await snapshot(id);
    expect(
      await refusal(() =>
        completeInterview(
          db,
          stale,
          interviewer,
          full.filter((c) => c.cell !== "result" && c.cell !== "sex"),
          null,
        ),
      ),
    ).toMatchObject({ status: 409, message: "The interview is completed: it cannot be changed or completed." });
    expect(await snapshot(id)).toEqual(before);
  });

  it("autosave: a copy read while assigned, the interview approved meanwhile → 409, no sheet, no answer", async () => {
    const id = await assigned();
    const stale = (await findHousehold(db, id))!;
    await setStatus(id, "approved");
    const before = await snapshot(id);
    expect((await refusal(() => saveInterviewAnswers(db, stale, interviewer, partial, null))).status).toBe(409);
    expect(await snapshot(id)).toEqual(before);
  });

  it("the policy is asked again about the interview as stored: reassigned meanwhile → 403, nothing changed", async () => {
    const id = await assigned();
    const stale = (await findHousehold(db, id))!;
    await q.run("update survey_households set interviewer_id = null where id = ?", id);
    const before = await snapshot(id);
    expect((await refusal(() => saveInterviewAnswers(db, stale, interviewer, partial, null))).status).toBe(403);
    expect((await refusal(() => completeInterview(db, stale, interviewer, full, null))).status).toBe(403);
    expect(await snapshot(id)).toEqual(before);
  });

  it("approve and reject of a current copy move it, with the event, the comments and the row", async () => {
    const a = await completed();
    expect(await approveInterview(db, (await findHousehold(db, a))!, supervisor, null)).toEqual({ status: "approved" });
    expect(await lastAudit()).toEqual({ action: "interview.approve", object: await objectOf(a), userId: supervisor.id });
    const r = await completed();
    expect(await rejectInterview(db, (await findHousehold(db, r))!, supervisor, [{ question: "age", text: "check the ID card" }], null)).toEqual({
      status: "rejected",
    });
    expect(await lastAudit()).toEqual({ action: "interview.reject", object: await objectOf(r), userId: supervisor.id });
    expect((await snapshot(r)).comments).toHaveLength(1);
    expect(await refusal(async () => rejectInterview(db, (await findHousehold(db, r))!, supervisor, [{ question: "nope", text: "x" }], null))).toMatchObject({
      status: 400,
    });
  });
});

describe("the autosave writes its log-journal row in the answers' transaction", () => {
  it("saves the cells and writes interview.save (<wave>/<household> (<n> cells))", async () => {
    const id = await assigned();
    const result = await saveInterviewAnswers(db, (await findHousehold(db, id))!, interviewer, partial, "10.0.0.1");
    expect(result).toEqual({
      saved: [
        { cell: "result", version: 1 },
        { cell: "sex", version: 1 },
      ],
      conflicts: [],
    });
    expect(await lastAudit()).toEqual({ action: "interview.save", object: `${await objectOf(id)} (2 cells)`, userId: interviewer.id });
    expect((await findHousehold(db, id))!.status).toBe("in_progress");
  });

  it("when the row cannot be written, no answer is either (one transaction)", async () => {
    const id = await assigned();
    const before = await snapshot(id);
    const stored = (await findHousehold(db, id))!;
    await expect(failingInserts("audit_log", () => saveInterviewAnswers(db, stored, interviewer, partial, null))).rejects.toThrow(/injected failure/);
    expect(await snapshot(id)).toEqual(before);
    expect((await findHousehold(db, id))!.status).toBe("assigned");
  });

  it("values that break a rule: 400, nothing saved, no row", async () => {
    const id = await assigned();
    const before = await snapshot(id);
    const r = await refusal(async () =>
      saveInterviewAnswers(
        db,
        (await findHousehold(db, id))!,
        interviewer,
        [{ cell: "age", value: { num: 7, text: null, status: null }, baseVersion: 0 }],
        null,
      ),
    );
    expect(r.status).toBe(400);
    expect(r.details).toEqual([expect.objectContaining({ cell: "age" })]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("complete with the last changes refused for errors (422) keeps the changes, with an interview.save row", async () => {
    const id = await assigned();
    const r = await refusal(async () => completeInterview(db, (await findHousehold(db, id))!, interviewer, partial, null));
    expect(r.status).toBe(422);
    expect((r.details as unknown[]).length).toBeGreaterThan(0);
    expect((await findHousehold(db, id))!.status).toBe("in_progress");
    expect((await snapshot(id)).answers).toHaveLength(2);
    expect(await lastAudit()).toEqual({ action: "interview.save", object: `${await objectOf(id)} (2 cells)`, userId: interviewer.id });
  });
});

describe("a tablet's queue: each interview applied or refused on its own, in one transaction", () => {
  it("completes the good ones, keeps the valid changes of unfinished ones, refuses the others alone", async () => {
    const [a, b, c, d] = [await assigned(), await assigned(), await assigned(), await assigned()];
    const elsewhere = (await q.get<{ id: number }>("select id from survey_households where wave = 2024 order by id limit 1"))!.id;
    const before = { c: await snapshot(c), d: await snapshot(d), elsewhere: await snapshot(elsewhere) };
    // d fails half-way, after its sheet and answers are written (its completion's event cannot be)
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const results = await failingInserts(
      "interview_events",
      () =>
        submitInterviews(
          db,
          [
            { id: a, changes: full },
            { id: b, changes: partial }, // not finished
            { id: elsewhere, changes: full }, // not the interviewer's
            { id: c, changes: [{ cell: "age", value: { num: 7, text: null, status: null }, baseVersion: 0 }] }, // breaks a rule
            { id: d, changes: full },
            { id: 99_999_999 },
            { id: a }, // completed by the first item
          ],
          interviewer,
          null,
        ),
      `new.household_row_id = ${d} and new.to_state = 'completed'`,
    );
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      [a, true, "completed"],
      [b, false, 422],
      [elsewhere, false, 403],
      [c, false, 400],
      [d, false, 500],
      [99_999_999, false, 404],
      [a, false, 409],
    ]);
    expect((await findHousehold(db, a))!.status).toBe("completed");
    expect(await auditRows("interview.complete", await objectOf(a))).toBe(1);
    expect((await findHousehold(db, b))!.status).toBe("in_progress");
    expect((await snapshot(b)).answers).toHaveLength(2);
    expect(await auditRows("interview.save", await objectOf(b))).toBe(1);
    expect(await snapshot(c)).toMatchObject({ household: before.c.household, answers: [], events: before.c.events });
    expect(await snapshot(d)).toMatchObject({ household: before.d.household, answers: [], events: before.d.events });
    expect((await snapshot(elsewhere)).household).toEqual(before.elsewhere.household);
    expect(
      (await auditRows("interview.complete", await objectOf(d))) +
        (await auditRows("interview.save", await objectOf(d))) +
        (await auditRows("interview.save", await objectOf(c))),
    ).toBe(0);
  });
});

describe("the other survey writes re-read what they depend on, with their row in their transaction", () => {
  it("assignment: only households of the supervisor's regions that are still assignable", async () => {
    const mine = free.shift()!;
    const kar = (await q.get<{ id: number }>("select id from survey_households where wave = 2026 and region = 'KAR' and status = 'unassigned' limit 1"))!.id;
    const done = await completed();
    expect(await refusal(() => assignHouseholds(db, supervisor, [kar, done], interviewer.id, null))).toMatchObject({ status: 403 });
    expect((await findHousehold(db, kar))!.status).toBe("unassigned");
    expect(await assignHouseholds(db, supervisor, [mine, kar, done], interviewer.id, null)).toBe(1);
    expect(await findHousehold(db, mine)).toMatchObject({ status: "assigned", interviewerId: interviewer.id });
    expect((await findHousehold(db, done))!.status).toBe("completed");
    expect(await lastAudit()).toEqual({ action: "survey.assign", object: `1 households → user ${interviewer.id}`, userId: supervisor.id });
  });

  it("assignment: an interviewer or a household that does not exist is refused with 404, nothing assigned", async () => {
    const mine = free[0];
    const before = await findHousehold(db, mine);
    const journal = await lastAudit();
    expect(await refusal(() => assignHouseholds(db, supervisor, [mine], 999_999, null))).toMatchObject({ status: 404, message: "No interviewer 999999." });
    expect(await refusal(() => assignHouseholds(db, supervisor, [mine], supervisor.id, null))).toMatchObject({ status: 404 });
    expect(await refusal(() => assignHouseholds(db, supervisor, [mine, 999_998, 999_999], interviewer.id, null))).toMatchObject({
      status: 404,
      message: "No household 999998, 999999.",
    });
    expect(await findHousehold(db, mine)).toEqual(before);
    expect(await lastAudit()).toEqual(journal);
  });

  it("waves: 409 for a wave that exists, 404 for one that does not; the row goes with the change", async () => {
    expect(await createWave(db, { year: 2040, fieldworkStart: "2040-10-01", fieldworkEnd: "2040-11-30" }, admin, null)).toBe(2040);
    expect(await lastAudit()).toEqual({ action: "survey.wave_create", object: "2040", userId: admin.id });
    expect(await refusal(() => createWave(db, { year: 2040, fieldworkStart: "2040-10-01", fieldworkEnd: "2040-11-30" }, admin, null))).toMatchObject({
      status: 409,
      message: "Wave 2040 exists.",
    });
    expect((await refusal(() => publishWave(db, 2041, true, admin, null))).status).toBe(404);
    await expect(failingInserts("audit_log", () => publishWave(db, 2040, true, admin, null))).rejects.toThrow(/injected failure/);
    expect((await q.get<{ p: string | null }>("select published_at as p from survey_waves where year = 2040"))!.p).toBeNull();
  });
});

// On PostgreSQL, concurrent requests are concurrent transactions: writers of different households
// must neither abort each other (a 500 for the interviewer) nor lose each other's tallies.
describe("many interviews at once, each in its own request", () => {
  const N = 30;
  let ids: number[];

  it(`${N} completions at once: every one completed, with its answers and its row`, async () => {
    ids = [];
    for (let i = 0; i < N; i++) ids.push(await assigned());
    const copies = await Promise.all(ids.map(async (id) => (await findHousehold(db, id))!));
    const retries = transactionRetries();
    const outcomes = await Promise.allSettled(copies.map((h) => completeInterview(db, h, interviewer, full, null)));
    // PostgreSQL: none had to run again (before row locks, ~130 retries here and some ran out: a 500)
    expect(transactionRetries() - retries).toBe(0);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    for (const id of ids) {
      const h = (await findHousehold(db, id))!;
      expect(h.status).toBe("completed");
      expect(await q.value<number>("select cast(count(*) as integer) from answers where response_id = ?", h.responseId)).toBe(full.length);
      expect(await auditRows("interview.complete", await objectOf(id))).toBe(1);
    }
  });

  it(`${N} approvals at once: every one approved, and the tallies are those a rebuild computes`, async () => {
    // (the tests above set states directly, without the tallies: start from tallies that agree with the states)
    await inTransaction(db, (tx) => rebuildTallies(tx, 2026));
    const copies = await Promise.all(ids.map(async (id) => (await findHousehold(db, id))!));
    const retries = transactionRetries();
    const outcomes = await Promise.allSettled(copies.map((h) => approveInterview(db, h, supervisor, null)));
    expect(transactionRetries() - retries).toBe(0);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const tallies = () =>
      q.all(
        "select variable, code, region, settlement, sex, age_group, n, round(weight * 1000) as w from survey_tallies where wave = 2026 order by 1, 2, 3, 4, 5, 6",
      );
    const counted = await tallies();
    await inTransaction(db, (tx) => rebuildTallies(tx, 2026));
    expect(counted).toEqual(await tallies());
  });
});
