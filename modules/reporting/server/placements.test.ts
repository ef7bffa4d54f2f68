// Placement on a seeded database: open data publishes what the Committee placed, and only that;
// a placement consolidates the accepted reports by region and for the country, once, audited.
// Runs on both engines (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { form1mChanges } from "@/testing/form-1m-report";
import { testSql } from "@/testing/sql";

const demo = await demoDatabase("placements-test");
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { findFiling, openFiling, returnFiling, saveFilingAnswers, submitFiling } = await import("./filings");
const { placePeriod, placementOverview } = await import("./placements");
const { registeredCrimes } = await import("./open-data");

type Actor = { id: number; role: string };
const q = testSql(demo.db);
let reporter: Actor;
let admin: Actor;
let bodyId: number;
let region: string;

beforeAll(async () => {
  const r = (await q.get<Actor & { bodyId: number; region: string }>(
    `select u.id, u.role, u.reporting_body_id as "bodyId", b.region_code as region from users u join reporting_bodies b on b.id = u.reporting_body_id where email = 'reporter@example.org'`,
  ))!;
  reporter = { id: r.id, role: r.role };
  bodyId = r.bodyId;
  region = r.region;
  admin = (await q.get<Actor>("select id, role from users where email = 'admin@example.org'"))!;
}, 300_000);
afterAll(() => demo.remove());

async function submitted(period: string) {
  const id = await openFiling(getDb(), { form: 1, bodyId, period }, reporter, null);
  await saveFilingAnswers(getDb(), (await findFiling(getDb(), id))!.filing, reporter, form1mChanges(), null);
  await submitFiling(getDb(), (await findFiling(getDb(), id))!.filing, reporter, null);
  return id;
}
const published = async (year: number) => (await registeredCrimes(getDb(), { year })).filter((r) => r.region === region);
async function refusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("the service did not refuse");
}

describe("placement", () => {
  it("the demo's placed years are published as before", async () => {
    const y2025 = (await registeredCrimes(getDb())).filter((r) => r.period === "2025");
    expect(y2025.find((r) => r.region === "ALA")?.registered).toBe(22150);
    expect(y2025.find((r) => r.region === "AST")?.registered).toBe(16045);
  });
  it("a submitted report is published only once its period is placed; the placement sums by region and country", async () => {
    const id = await submitted("2026-01");
    const total = await q.value<number>(
      "select num from answers a join report_filings f on f.response_id = a.response_id where f.id = ? and a.cell = 'q1:total:period'",
      id,
    );
    expect(await published(2026)).toEqual([]);
    const result = await placePeriod(getDb(), { form: 1, period: "2026-01" }, admin, null);
    expect(result).toMatchObject({ period: "2026-01", reports: 1, regions: 1 });
    expect(await published(2026)).toEqual([
      expect.objectContaining({ region, regionName: expect.any(String), period: "2026-01", registered: total, reports: 1 }),
    ]);
    const rows = await q.all("select area, reports, due from report_placements where form_number = 1 and period = '2026-01' order by area");
    expect(rows).toEqual(
      [
        { area: region, reports: 1, due: "2026-02-05" },
        { area: "KZ", reports: 1, due: "2026-02-05" },
      ].sort((a, b) => a.area.localeCompare(b.area)),
    );
    expect(await q.all("select object from audit_log where action = 'report.place'")).toEqual([
      { object: expect.stringMatching(/^form 1 2026-01: 1 regions, 1 reports, \d+ days late$/) },
    ]);
    expect((await placementOverview(getDb(), { from: "2026-01-01", to: "2026-01-31" }))[0]).toMatchObject({
      period: "2026-01",
      state: "placed_late",
      accepted: 1,
    });
  });
  it("what changes after placement is not published: a returned report leaves the placed figures", async () => {
    const { id } = (await q.get<{ id: number }>("select id from report_filings where period = '2026-01' and body_id = ?", bodyId))!;
    const before = await published(2026);
    await returnFiling(getDb(), (await findFiling(getDb(), id))!.filing, "check", admin, null);
    expect(await published(2026)).toEqual(before);
  });
  it("refuses a second placement (409), a period without accepted reports (409), one not ended (400): nothing written", async () => {
    const count = () => q.value<number>("select cast(count(*) as integer) as n from report_placements");
    const n = await count();
    expect((await refusal(() => placePeriod(getDb(), { form: 1, period: "2026-01" }, admin, null))).status).toBe(409);
    expect((await refusal(() => placePeriod(getDb(), { form: 1, period: "2026-02" }, admin, null))).status).toBe(409);
    expect((await refusal(() => placePeriod(getDb(), { form: 1, period: "2099-01" }, admin, null))).status).toBe(400);
    expect((await refusal(() => placePeriod(getDb(), { form: 2, period: "2025-Q1" }, admin, null))).status).toBe(400);
    expect(await count()).toBe(n);
  });
});
