// On the demo database: the open figures are made of published reports only, and a period not every
// body of the region has reported (a year still running, a report returned) is provisional, with the
// count of reports received and expected.
import { afterAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";

const demo = await demoDatabase("open-data-test");
const { registeredCrimes, nationalSeries } = await import("./open-data");
afterAll(() => demo.remove());

describe("registered crimes, open data", () => {
  it("marks complete years final, with every report of the year counted", () => {
    const rows = registeredCrimes(demo.db);
    const ast2025 = rows.find((r) => r.region === "AST" && r.period === "2025")!;
    expect(ast2025).toMatchObject({ registered: 16045, provisional: false });
    expect(ast2025.reports).toBe(ast2025.expectedReports);
    expect(ast2025.expectedReports % 12).toBe(0);
    expect(rows.every((r) => !r.provisional)).toBe(true);
  });

  it("marks a month provisional when a body of the region has not reported it", () => {
    const sqlite = demo.db.$client;
    const march = registeredCrimes(demo.db, { year: 2025 }).find((r) => r.region === "AST" && r.period === "2025-03")!;
    expect(march.provisional).toBe(false);
    const filing = sqlite
      .prepare(
        "select f.id from report_filings f join reporting_bodies b on b.id = f.body_id where b.region_code = 'AST' and f.period = '2025-03' and f.form_number = 1 limit 1",
      )
      .get() as { id: number };
    sqlite.prepare("update report_filings set status = 'returned' where id = ?").run(filing.id);
    try {
      const after = registeredCrimes(demo.db, { year: 2025 }).find((r) => r.region === "AST" && r.period === "2025-03");
      // A report that is no longer published leaves the figure, and the month is not complete.
      if (after) {
        expect(after.provisional).toBe(true);
        expect(after.registered).toBeLessThan(march.registered);
      }
      const year = registeredCrimes(demo.db).find((r) => r.region === "AST" && r.period === "2025")!;
      expect(year).toMatchObject({ provisional: true, reports: year.expectedReports - 1 });
      expect(nationalSeries(demo.db).map((s) => s.year)).not.toContain("2025");
    } finally {
      sqlite.prepare("update report_filings set status = 'submitted' where id = ?").run(filing.id);
    }
  });
});
