// On a seeded database: an offline device's queue items carry a client id, and the server applies an
// id at most once (a retried or duplicated request gets the first outcome back and writes nothing);
// the outcomes of items the server refuses (reassigned, approved meanwhile, rule errors) say why.
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { demoDatabase } from "@/testing/demo-database";
import { failWrites, testSql, principalOf } from "@/testing/sql";
import type { Db } from "@/db/open";
import type { Principal } from "@/lib/auth/policy";
import type { AnswerChange } from "@/modules/questionnaire/schemas";

const demo = await demoDatabase("queue-idempotency-test");
const { findHousehold } = await import("./households");
const { approveInterview, rejectInterview, submitInterviews } = await import("./interviews");

const db: Db = demo.db;
const q = testSql(db);
let supervisor: Principal, interviewer: Principal;
let free: number[];

const principal = (email: string) => principalOf(demo.db, email);

beforeAll(async () => {
  supervisor = await principal("supervisor@example.org");
  interviewer = await principal("interviewer@example.org");
  free = (
    await q.all<{ id: number }>("select id from survey_households where wave = 2026 and region in ('AST', 'ALA') and status = 'unassigned' order by id")
  ).map((r) => r.id);
}, 120_000);
afterAll(() => demo.remove());

async function assigned(to = interviewer.id): Promise<number> {
  const id = free.shift()!;
  await q.run("update survey_households set interviewer_id = ?, status = 'assigned' where id = ?", to, id);
  return id;
}

const today = new Date().toISOString().slice(0, 10);
const v = (text: string) => ({ num: null, text, status: null });
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

const count = async (text: string, ...p: unknown[]) => (await q.get<{ n: number }>(text, ...p))!.n;
const events = (id: number) => count("select cast(count(*) as integer) as n from interview_events where household_row_id = ? and to_state = 'completed'", id);
const audit = async (action: string, id: number) =>
  count(
    "select cast(count(*) as integer) as n from audit_log where action = ? and object like ?",
    action,
    `2026/${(await findHousehold(db, id))!.householdId}%`,
  );
const history = async (id: number) =>
  count("select cast(count(*) as integer) as n from answer_history where response_id = ?", (await findHousehold(db, id))!.responseId);

describe("queue idempotency: a client id applies once", () => {
  it("the same completed interview sent twice (a retry, then in one request twice) is completed once, with one event and one row", async () => {
    const id = await assigned();
    const item = { id, clientId: randomUUID(), changes: full };
    const [first] = await submitInterviews(db, [item], interviewer, null);
    expect(first).toMatchObject({ id, clientId: item.clientId, ok: true, status: "completed" });
    expect(first.duplicate).toBeUndefined();
    const before = {
      events: await events(id),
      history: await history(id),
      complete: await audit("interview.complete", id),
      save: await audit("interview.save", id),
    };
    expect(before).toEqual({ events: 1, history: full.length, complete: 1, save: 0 });
    const again = await submitInterviews(db, [item, item], interviewer, null);
    expect(again).toEqual([
      { ...first, duplicate: true },
      { ...first, duplicate: true },
    ]);
    expect({
      events: await events(id),
      history: await history(id),
      complete: await audit("interview.complete", id),
      save: await audit("interview.save", id),
    }).toEqual(before);
    expect(await count("select cast(count(*) as integer) as n from applied_queue_items where client_id = ?", item.clientId)).toBe(1);
  });

  it("answers saved offline (complete: false) apply once and return their versions; a later item with a new id completes", async () => {
    const id = await assigned();
    const save = { id, clientId: randomUUID(), complete: false, changes: full.slice(0, 3) };
    const [saved] = await submitInterviews(db, [save], interviewer, null);
    expect(saved).toMatchObject({ ok: true, status: "saved", saved: 3 });
    expect((await findHousehold(db, id))!.status).toBe("in_progress");
    expect((await submitInterviews(db, [save], interviewer, null))[0]).toEqual({ ...saved, duplicate: true });
    expect(await history(id)).toBe(3);
    const versions = new Map((saved.ok && saved.status === "saved" ? saved.versions : []).map((s) => [s.cell, s.version]));
    const rest = full.map((c) => ({ ...c, baseVersion: versions.get(c.cell) ?? 0 })).slice(3);
    expect((await submitInterviews(db, [{ id, clientId: randomUUID(), changes: rest }], interviewer, null))[0]).toMatchObject({
      ok: true,
      status: "completed",
    });
    expect(await events(id)).toBe(1);
  });

  it("an item that failed half-way (rolled back) is not recorded: its retry applies", async () => {
    const id = await assigned();
    const item = { id, clientId: randomUUID(), changes: full };
    const allowEvents = await failWrites(db, { table: "interview_events", message: "injected", when: "new.to_state = 'completed'" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await submitInterviews(db, [item], interviewer, null))[0]).toMatchObject({ ok: false, status: 500 });
    } finally {
      await allowEvents();
      logged.mockRestore();
    }
    expect(await count("select cast(count(*) as integer) as n from applied_queue_items where client_id = ?", item.clientId)).toBe(0);
    expect((await submitInterviews(db, [item], interviewer, null))[0]).toMatchObject({ ok: true, status: "completed" });
    expect(await events(id)).toBe(1);
  });

  it("another user's client id is refused without applying", async () => {
    const mine = await assigned();
    const item = { id: mine, clientId: randomUUID(), changes: full };
    await submitInterviews(db, [item], interviewer, null);
    const other = await assigned();
    expect((await submitInterviews(db, [{ ...item, id: other }], interviewer, null))[0]).toMatchObject({ ok: false, status: 409, code: "queueClientIdTaken" });
    expect((await findHousehold(db, other))!.status).toBe("assigned");
  });
});

describe("conflict outcomes: what the server refuses says why, per interview", () => {
  it("reassigned to someone else → 403; approved meanwhile → 409; rule errors → 422 with the questions; the others still apply", async () => {
    const reassigned = await assigned();
    const approved = await assigned();
    const unfinished = await assigned();
    const good = await assigned();
    await submitInterviews(db, [{ id: approved, clientId: randomUUID(), changes: full }], interviewer, null);
    await approveInterview(db, (await findHousehold(db, approved))!, supervisor, null);
    const other = (await q.get<{ id: number }>(
      "insert into users (email, name, role, password_hash, supervisor_id) values ('other.int@example.org', 'Other', 'interviewer', 'x', ?) returning id",
      supervisor.id,
    ))!.id;
    await q.run("update survey_households set interviewer_id = ? where id = ?", other, reassigned);
    const results = await submitInterviews(
      db,
      [
        { id: reassigned, clientId: randomUUID(), changes: full },
        { id: approved, clientId: randomUUID(), changes: full },
        { id: unfinished, clientId: randomUUID(), changes: full.slice(0, 2) },
        { id: good, clientId: randomUUID(), changes: full },
      ],
      interviewer,
      null,
    );
    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      [reassigned, false, 403],
      [approved, false, 409],
      [unfinished, false, 422],
      [good, true, "completed"],
    ]);
    expect(results[1]).toMatchObject({ error: "The interview is approved: it cannot be changed or completed." });
    expect(results[2].ok === false && results[2].status === 422 && results[2].errors!.length).toBeGreaterThan(0);
    expect((await findHousehold(db, reassigned))!.status).toBe("assigned");
    expect((await findHousehold(db, unfinished))!.status).toBe("in_progress");
  });
});

describe("replies written offline travel with the queue", () => {
  it("a rejected interview's reply, correction and completion in one item: the reply is stored once, with its row; another interview's comment is refused", async () => {
    const id = await assigned();
    await submitInterviews(db, [{ id, clientId: randomUUID(), changes: full }], interviewer, null);
    await rejectInterview(db, (await findHousehold(db, id))!, supervisor, [{ question: "age", text: "The roster says 47." }], null);
    const comment = await count("select id as n from review_comments where household_row_id = ?", id);
    const stranger = await assigned();
    expect(
      (await submitInterviews(db, [{ id: stranger, clientId: randomUUID(), complete: false, replies: [{ comment, text: "not mine" }] }], interviewer, null))[0],
    ).toMatchObject({ ok: false, status: 400 });
    const version = await count("select version as n from answers where response_id = ? and cell = 'age'", (await findHousehold(db, id))!.responseId);
    const item = {
      id,
      clientId: randomUUID(),
      replies: [{ comment, text: "Checked the ID card: 47." }],
      changes: [{ cell: "age", value: { num: 47, text: null, status: null }, baseVersion: version }],
    };
    expect((await submitInterviews(db, [item], interviewer, null))[0]).toMatchObject({ ok: true, status: "completed" });
    expect((await submitInterviews(db, [item], interviewer, null))[0]).toMatchObject({ ok: true, duplicate: true });
    expect(await q.get('select reply, reply_user_id as "by" from review_comments where id = ?', comment)).toEqual({
      reply: "Checked the ID card: 47.",
      by: interviewer.id,
    });
    expect(await audit("interview.comment_reply", id)).toBe(1);
    expect((await findHousehold(db, id))!.status).toBe("completed");
  });
});
