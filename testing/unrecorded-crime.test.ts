// The unrecorded-crime report on the demo database, composed as app/analysis/unrecorded-crime/report.ts
// composes it (here, since a feature's test may not import another feature): the survey side read
// from the stored answers, the 1-M side from the accepted reports, the mappings from the table.
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase, type DemoDatabase } from "@/testing/demo-database";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await demoDatabase("analysis");
}, 300_000);
afterAll(() => demo?.remove());

describe("the unrecorded-crime report", () => {
  it("adds up: regions to the country, on both sides, and is published for 2025", async () => {
    const { unrecordedCrimeReport, surveyHouseholds } = await import("@/modules/analysis/server/unrecorded");
    const { registeredByLine, registeredCount } = await import("@/modules/reporting/server/registered");
    const r = await registeredByLine(demo.db, 2025);
    expect(r.complete).toBe(true);
    // the demo's 1-M 2025 adds up to the published national total
    expect(registeredCount(r, null, ["total"])).toBe(123_900);
    const report = await unrecordedCrimeReport(demo.db, 2025, {
      complete: r.complete,
      months: r.months,
      count: (region, lines) => registeredCount(r, region, lines),
    });
    expect(report.published).toBe(true);
    expect(report.mappings.map((m) => m.id)).toEqual(["fraud", "robbery", "theft"]);
    const households = await surveyHouseholds(demo.db, 2025);
    const completed = households.filter((h) => h.completed).length;
    for (const [i, national] of report.national.entries()) {
      expect(national.n).toBe(completed);
      const sum = report.regions.reduce((s, reg) => s + reg.offences[i].victimised.estimate, 0);
      expect(Math.abs(sum - national.victimised.estimate)).toBeLessThanOrEqual(report.regions.length); // rounding of each region
      expect(report.regions.reduce((s, reg) => s + (reg.offences[i].registered ?? 0), 0)).toBe(national.registered);
      expect(national.reported.estimate).toBeLessThanOrEqual(national.victimised.estimate);
    }
  }, 60_000);

  it("keeps an administrator's edit and refuses unknown codes", async () => {
    const { updateOffenceMapping, listOffenceMappings } = await import("@/modules/analysis/server/unrecorded");
    await updateOffenceMapping(demo.db, null, null, { id: "fraud", surveyOffences: ["fraud"], formLines: ["r10", "r11"], note: "with extortion" });
    expect((await listOffenceMappings(demo.db)).find((m) => m.id === "fraud")).toMatchObject({ formLines: ["r10", "r11"], note: "with extortion" });
    await expect(updateOffenceMapping(demo.db, null, null, { id: "fraud", surveyOffences: ["fraud"], formLines: ["r99"], note: "x" })).rejects.toThrow(
      /Unknown line/,
    );
    await expect(updateOffenceMapping(demo.db, null, null, { id: "nope", surveyOffences: ["fraud"], formLines: ["r10"], note: "x" })).rejects.toThrow(
      /No such mapping/,
    );
  });
});
