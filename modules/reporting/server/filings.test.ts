// The report services on a seeded database: each reads the report's state again inside its own
// transaction, so a caller's stale copy cannot submit, return or change a report twice; a refusal
// writes nothing (no state, no answers, no audit row). Runs on both engines (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { form1mChanges } from "@/testing/form-1m-report";
import { testSql } from "@/testing/sql";

const demo = await demoDatabase("filings-test");
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { scopeOf } = await import("@/lib/auth/policy");
const { compliance, findFiling, openFiling, returnFiling, saveFilingAnswers, submitFiling } = await import("./filings");

type Actor = { id: number; role: string };
type Refusal = InstanceType<typeof ServiceError>;

/** A complete, consistent report. */
const COMPLETE = form1mChanges();

const q = testSql(demo.db);
let reporter: Actor;
let admin: Actor;
let bodyId: number;
let otherBodyId: number;
let month = 0;

beforeAll(async () => {
  const user = async (email: string) =>
    (await q.get<Actor & { bodyId: number | null }>('select id, role, reporting_body_id as "bodyId" from users where email = ?', email))!;
  const r = await user("reporter@example.org");
  reporter = { id: r.id, role: r.role };
  bodyId = r.bodyId!;
  admin = await user("admin@example.org");
  otherBodyId = (await q.get<{ id: number }>("select id from reporting_bodies where id <> ? order by id limit 1", bodyId))!.id;
}, 300_000);

afterAll(() => demo.remove());

/** A new draft report of the reporter's body, for a period of its own (far from the demo data). */
async function newFiling(figures = true) {
  month++;
  const period = `2040-${String(month).padStart(2, "0")}`;
  const id = await openFiling(getDb(), { form: 1, bodyId, period }, reporter, null);
  if (figures) await saveFilingAnswers(getDb(), (await findFiling(getDb(), id))!.filing, reporter, COMPLETE, null);
  return { id, period };
}

const stored = (id: number) => q.get("select status, submitted_at, days_late, return_comment from report_filings where id = ?", id);
const answersOf = (id: number) =>
  q.all("select a.cell, a.num, a.version from answers a join report_filings f on f.response_id = a.response_id where f.id = ? order by a.cell", id);
const auditRows = (action: string, period: string) =>
  q.value<number>("select cast(count(*) as integer) as n from audit_log where action = ? and object like ?", action, `form 1 ${period} body %`);
const setStatus = (id: number, status: string) => q.run("update report_filings set status = ? where id = ?", status, id);

async function refusal(work: () => Promise<unknown>): Promise<Refusal> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("the service did not refuse");
}

describe("submit", () => {
  it("reads the state inside its transaction: a stale draft of a report submitted meanwhile is refused, nothing written", async () => {
    const { id, period } = await newFiling();
    const stale = (await findFiling(getDb(), id))!;
    expect(stale.filing.status).toBe("draft");
    await setStatus(id, "submitted"); // another request submitted it after this one loaded it
    const before = await stored(id);
    const r = await refusal(() => submitFiling(getDb(), stale.filing, reporter, null));
    expect(r.status).toBe(409);
    expect(r.message).toBe("This report has already been submitted.");
    expect(await stored(id)).toEqual(before);
    expect(await auditRows("report.submit", period)).toBe(0);
  });

  it("after one success, every further attempt (with the copy loaded before it) is refused: one audit row", async () => {
    const { id, period } = await newFiling();
    const draft = (await findFiling(getDb(), id))!.filing;
    expect(await submitFiling(getDb(), draft, reporter, null)).toEqual({ ok: true, daysLate: 0 });
    const after = await stored(id);
    expect(after).toMatchObject({ status: "submitted", days_late: 0 });
    for (let i = 0; i < 5; i++) expect((await refusal(() => submitFiling(getDb(), draft, reporter, null))).status).toBe(409);
    expect(await stored(id)).toEqual(after);
    expect(await auditRows("report.submit", period)).toBe(1);
  });

  it("is refused with the rules' blocking issues (422) while figures are missing, nothing written", async () => {
    const { id, period } = await newFiling(false);
    const r = await refusal(async () => submitFiling(getDb(), (await findFiling(getDb(), id))!.filing, reporter, null));
    expect(r.status).toBe(422);
    expect(Array.isArray(r.details) && r.details.length).toBeGreaterThan(0);
    expect((r.details as { cell?: string; code: string; severity: string }[])[0]).toHaveProperty("severity");
    expect(await stored(id)).toMatchObject({ status: "draft", submitted_at: null });
    expect(await auditRows("report.submit", period)).toBe(0);
  });
});

describe("return", () => {
  it("reads the state inside its transaction: a stale submitted copy of a report returned meanwhile is refused, nothing written", async () => {
    const { id, period } = await newFiling();
    await submitFiling(getDb(), (await findFiling(getDb(), id))!.filing, reporter, null);
    const stale = (await findFiling(getDb(), id))!;
    expect(stale.filing.status).toBe("submitted");
    await setStatus(id, "returned"); // another request returned it after this one loaded it
    const before = await stored(id);
    const r = await refusal(() => returnFiling(getDb(), stale.filing, "second thoughts", admin, null));
    expect(r.status).toBe(409);
    expect(r.message).toBe("Only a submitted report can be returned.");
    expect(await stored(id)).toEqual(before);
    expect(await auditRows("report.return", period)).toBe(0);
  });

  it("after one success, every further attempt is refused: one audit row, the first comment kept", async () => {
    const { id, period } = await newFiling();
    await submitFiling(getDb(), (await findFiling(getDb(), id))!.filing, reporter, null);
    const submitted = (await findFiling(getDb(), id))!.filing;
    expect(await returnFiling(getDb(), submitted, "check row 8", admin, null)).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) expect((await refusal(() => returnFiling(getDb(), submitted, `attempt ${i}`, admin, null))).status).toBe(409);
    expect(await stored(id)).toEqual({ status: "returned", submitted_at: null, days_late: null, return_comment: "check row 8" });
    expect(await auditRows("report.return", period)).toBe(1);
  });

  it("a returned report can be submitted again, once", async () => {
    const { id, period } = await newFiling();
    await submitFiling(getDb(), (await findFiling(getDb(), id))!.filing, reporter, null);
    await returnFiling(getDb(), (await findFiling(getDb(), id))!.filing, "again", admin, null);
    const returned = (await findFiling(getDb(), id))!.filing;
    await submitFiling(getDb(), returned, reporter, null);
    expect((await refusal(() => submitFiling(getDb(), returned, reporter, null))).status).toBe(409);
    expect(await stored(id)).toMatchObject({ status: "submitted", return_comment: null });
    expect(await auditRows("report.submit", period)).toBe(2);
  });
});

describe("autosave", () => {
  it("writes the answers and one audit row in one transaction", async () => {
    const { id, period } = await newFiling(false);
    const result = await saveFilingAnswers(getDb(), (await findFiling(getDb(), id))!.filing, reporter, COMPLETE.slice(0, 3), null);
    expect(result).toEqual({ saved: COMPLETE.slice(0, 3).map((c) => ({ cell: c.cell, version: 1 })), conflicts: [] });
    expect(await auditRows("report.save", period)).toBe(1);
  });

  it("reads the state inside its transaction: a report submitted after the copy was loaded keeps its answers", async () => {
    const { id, period } = await newFiling();
    const stale = (await findFiling(getDb(), id))!;
    await submitFiling(getDb(), stale.filing, reporter, null);
    const before = await answersOf(id);
    const change = [{ cell: "q1:total:period", value: { num: 151, text: null, status: null }, baseVersion: 1 }];
    const r = await refusal(() => saveFilingAnswers(getDb(), stale.filing, reporter, change, null));
    expect(r.status).toBe(409);
    expect(await answersOf(id)).toEqual(before);
    expect(await auditRows("report.save", period)).toBe(1); // the first fill only
  });

  it("refuses invalid values (400) and unknown cells without writing any", async () => {
    const { id, period } = await newFiling(false);
    const r = await refusal(async () =>
      saveFilingAnswers(
        getDb(),
        (await findFiling(getDb(), id))!.filing,
        reporter,
        [{ cell: "q1:nope", value: { num: 1, text: null, status: null }, baseVersion: 0 }],
        null,
      ),
    );
    expect(r.status).toBe(400);
    expect(await answersOf(id)).toEqual([]);
    expect(await auditRows("report.save", period)).toBe(0);
  });
});

describe("open", () => {
  it("creates the draft once, with its audit row; opening again finds it", async () => {
    month++;
    const period = `2040-${String(month).padStart(2, "0")}`;
    const id = await openFiling(getDb(), { form: 1, bodyId, period }, reporter, null);
    expect(await openFiling(getDb(), { form: 1, bodyId, period: ` ${period} ` }, reporter, null)).toBe(id);
    expect(await auditRows("report.open", period)).toBe(1);
  });

  it("refuses a form not filled in the app, a period of the wrong kind and an unknown body", async () => {
    expect((await refusal(() => openFiling(getDb(), { form: 2, bodyId, period: "2040-Q1" }, reporter, null))).status).toBe(400);
    // The reporter typed it: a catalogue refusal, worded in their language with what the form wants.
    const wrongKind = await refusal(() => openFiling(getDb(), { form: 1, bodyId, period: " 2040-Q1" }, reporter, null));
    expect([wrongKind.status, wrongKind.refusal?.code, wrongKind.refusal?.params]).toEqual([
      400,
      "periodNotForForm",
      { period: "2040-Q1", form: "1-M", periodicity: "monthly" },
    ]);
    expect(wrongKind.message).toBe("“2040-Q1” is not a reporting period of form 1-M: give a month, like 2026-03.");
    expect((await refusal(() => openFiling(getDb(), { form: 1, bodyId: 999_999, period: "2040-01" }, reporter, null))).status).toBe(404);
  });
});

describe("compliance", () => {
  it("lists the bodies of the principal's scope: a reporter's own, every body for an administrator", async () => {
    const principal = (role: "reporter" | "admin", body: number | null) => ({ id: 1, role, countries: [], regions: [], bodyId: body, supervisorId: null });
    const filter = { from: "2025-01-01", to: "2025-03-31" };
    const own = await compliance(getDb(), scopeOf(principal("reporter", bodyId)), filter);
    expect(new Set(own.map((r) => r.bodyId))).toEqual(new Set([bodyId]));
    const all = await compliance(getDb(), scopeOf(principal("admin", null)), filter);
    expect(new Set(all.map((r) => r.bodyId))).toContain(otherBodyId);
    expect(all.length).toBeGreaterThan(own.length);
  });

  it("refuses a range that ends before it starts with a reason (400), not a crash", async () => {
    const admin = { id: 1, role: "admin" as const, countries: [], regions: [], bodyId: null, supervisorId: null };
    const r = await refusal(() => compliance(getDb(), scopeOf(admin), { from: "2025-01-01", to: "2010-01-01" }));
    expect([r.status, r.message]).toEqual([400, "The range ends (2010-01-01) before it starts (2025-01-01)."]);
  });
});
