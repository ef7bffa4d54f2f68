// On the demo database: the open figures are made of placed reports only, and a period placed before
// every body of the region had reported (or a year still running) is provisional, with the count of
// reports received and expected.
import { afterAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { testSql } from "@/testing/sql";

const demo = await demoDatabase("open-data-test");
const { registeredCrimes, nationalSeries } = await import("./open-data");
afterAll(() => demo.remove());

describe("registered crimes, open data", () => {
  it("marks complete years final, with every report of the year counted", async () => {
    const rows = await registeredCrimes(demo.db);
    const ast2025 = rows.find((r) => r.region === "AST" && r.period === "2025")!;
    expect(ast2025).toMatchObject({ registered: 16045, provisional: false });
    expect(ast2025.reports).toBe(ast2025.expectedReports);
    expect(ast2025.expectedReports % 12).toBe(0);
    expect(rows.every((r) => !r.provisional)).toBe(true);
  });

  it("marks a month provisional when it was placed before every body of the region had reported", async () => {
    const q = testSql(demo.db);
    const march = (await registeredCrimes(demo.db, { year: 2025 })).find((r) => r.region === "AST" && r.period === "2025-03")!;
    expect(march).toMatchObject({ provisional: false, reports: march.expectedReports });
    // As if March had been placed with one Astana report missing (the region's row and the country's).
    const fewer = (by: number) =>
      q.run("update report_placements set reports = reports + ? where form_number = 1 and period = '2025-03' and area in ('AST', 'KZ')", by);
    await fewer(-1);
    try {
      const after = (await registeredCrimes(demo.db, { year: 2025 })).find((r) => r.region === "AST" && r.period === "2025-03")!;
      expect(after).toMatchObject({ provisional: true, reports: march.expectedReports - 1, registered: march.registered });
      const year = (await registeredCrimes(demo.db)).find((r) => r.region === "AST" && r.period === "2025")!;
      expect(year).toMatchObject({ provisional: true, reports: year.expectedReports - 1 });
      expect((await nationalSeries(demo.db)).map((s) => s.year)).not.toContain("2025");
    } finally {
      await fewer(1);
    }
  });
});
