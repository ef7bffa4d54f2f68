import path from "node:path";
import { describe, expect, it } from "vitest";
import { placeOf, ruleBroken, violations } from "./import-graph";

describe("the layering rules", () => {
  it("place files in their layer", () => {
    expect(placeOf("modules/questionnaire/rules.ts")).toEqual({ layer: "engine" });
    expect(placeOf("modules/cepej/server/replies.ts")).toEqual({ layer: "feature", feature: "cepej" });
    expect(placeOf("seed/bootstrap.ts").layer).toBe("tooling");
  });
  it("allow downward imports and refuse the others", () => {
    expect(ruleBroken("app/page.tsx", "modules/cepej/server/replies.ts")).toBeNull();
    expect(ruleBroken("modules/cepej/server/replies.ts", "modules/questionnaire/rules.ts")).toBeNull();
    expect(ruleBroken("modules/survey/estimate.ts", "lib/csv/csv.ts")).toBeNull();
    expect(ruleBroken("lib/auth/session.ts", "db/schema.ts")).toBeNull();
    expect(ruleBroken("db/schema.ts", "lib/auth/policy.ts")).toMatch(/upward/);
    expect(ruleBroken("lib/ui/top-bar.tsx", "modules/users/actions.ts")).toMatch(/upward/);
    expect(ruleBroken("modules/questionnaire/components/question-block.tsx", "modules/cepej/components/review-panel.tsx")).toMatch(/upward/);
    expect(ruleBroken("modules/reporting/server/filings.ts", "modules/survey/codes.ts")).toMatch(/another feature/);
    expect(ruleBroken("modules/survey/server/waves.ts", "seed/survey/synthetic.ts")).toMatch(/seed/);
    expect(ruleBroken("modules/survey/server/waves.test.ts", "seed/survey/synthetic.ts")).toBeNull();
  });
});

describe("the source tree", () => {
  it("has no import that breaks the layering, and app/ never touches the database", () => {
    const found = violations(path.resolve(__dirname, "..")).map((v) => `${v.from} → ${v.to}: ${v.rule}`);
    expect(found).toEqual([]);
  });
});
