// The change from the previous wave and its 95 % test (change.ts), on figures whose test is worked
// out by hand here, and through resultsOf: every breakdown, every code, flagged.
import { describe, expect, it } from "vitest";
import { changeOf } from "./change";
import { resultsOf, interviewsSource } from "./server/results";
import type { Interview } from "./estimate";

describe("change from the previous wave", () => {
  it("is significant when |d| ≥ 1.96 √(SE₁² + SE₀²)", () => {
    // SE of the difference √(1.00² + 1.00²) = 1.4142; 1.96 × 1.4142 = 2.772
    const previous = { n: 900, shares: { "1": 50, "2": 50 }, se: { "1": 1, "2": 1 } };
    const c = changeOf(previous, { n: 900, shares: { "1": 53, "2": 47 }, se: { "1": 1, "2": 1 } });
    expect(c).toEqual({ change: { "1": 3, "2": -3 }, significant: { "1": true, "2": true } });
    // d = 2.7 < 2.772: not significant; d = 2.8 ≥ 2.772: significant
    expect(changeOf(previous, { n: 900, shares: { "1": 52.7, "2": 47.3 }, se: { "1": 1, "2": 1 } })?.significant).toEqual({ "1": false, "2": false });
    expect(changeOf(previous, { n: 900, shares: { "1": 52.8, "2": 47.2 }, se: { "1": 1, "2": 1 } })?.significant).toEqual({ "1": true, "2": true });
    // unequal SEs: √(0.3² + 0.4²) = 0.5, 1.96 × 0.5 = 0.98
    const small = { n: 9000, shares: { "1": 40 }, se: { "1": 0.3 } };
    expect(changeOf(small, { n: 9000, shares: { "1": 40.9 }, se: { "1": 0.4 } })?.significant["1"]).toBe(false);
    expect(changeOf(small, { n: 9000, shares: { "1": 41 }, se: { "1": 0.4 } })?.significant["1"]).toBe(true);
  });

  it("is no figure when a wave has no interviews, and a code new in the wave changes from 0", () => {
    const some = { n: 10, shares: { "1": 100 }, se: { "1": 0 } };
    expect(changeOf({ n: 0, shares: { "1": 0 }, se: { "1": 0 } }, some)).toBeNull();
    expect(changeOf(some, { n: 0, shares: { "1": 0 }, se: { "1": 0 } })).toBeNull();
    expect(changeOf(null, some)).toBeNull();
    expect(changeOf(some, { n: 5, shares: { "1": 100, "9": 0 }, se: { "1": 0, "9": 0 } })).toEqual({
      change: { "1": 0, "9": 0 },
      significant: { "1": false, "9": false },
    });
  });

  it("resultsOf gives every breakdown every code with its change and test", () => {
    let seq = 0;
    const wave = (year: number, trust: (i: number) => string): Interview[] =>
      Array.from({ length: 400 }, (_, i) => ({
        household_id: `${year}-${++seq}`,
        region: i % 2 ? "AST" : "ALA",
        settlement: i % 4 < 2 ? "1" : "2",
        weight: 100 + (i % 7),
        result: "1",
        sex: i % 3 ? "1" : "2",
        age: 20 + (i % 50),
        trust_police: trust(i),
        safe_day: i % 5 ? "1" : "3",
      }));
    // 2024: code 1 for half the interviews; 2025: for 90 % in ALA (a large change), AST as before
    const before = wave(2024, (i) => (i % 4 < 2 ? "1" : "2"));
    const now = wave(2025, (i) => (i % 2 === 0 ? (i % 10 ? "1" : "2") : i % 4 < 2 ? "1" : "2"));
    const r = resultsOf(2025, 2024, interviewsSource(now), interviewsSource(before));
    const ala = r.by.region.trust_police.ALA;
    const ast = r.by.region.trust_police.AST;
    expect(Object.keys(ala.change!)).toEqual(["1", "2", "3", "4", "8", "9"]);
    const then = resultsOf(2024, null, interviewsSource(before), null).by.region.trust_police.ALA;
    expect(ala.change!["1"]).toBeCloseTo(ala.shares["1"] - then.shares["1"], 5);
    expect(ala.change!["1"]).toBeGreaterThanOrEqual(30);
    expect(ala.significant!["1"]).toBe(true);
    expect(ala.significant!["2"]).toBe(true);
    expect(ast.change!["1"]).toBe(0);
    expect(ast.significant!["1"]).toBe(false);
    // a region without interviews in either wave: no change
    expect(r.by.region.trust_police.ABA.change).toBeNull();
    for (const by of ["settlement", "sex", "ageGroup"] as const) {
      const groups = Object.values(r.by[by].trust_police).filter((d) => d.n > 0);
      expect(groups.length, by).toBeGreaterThan(1);
      for (const d of groups) expect(Object.keys(d.significant!), by).toEqual(Object.keys(d.shares));
    }
    expect(r.overall.trust_police.change!["1"]).toBeGreaterThanOrEqual(15);
    expect(r.overall.trust_police.significant!["1"]).toBe(true);
    expect(resultsOf(2025, null, interviewsSource(now), null).by.sex.trust_police["1"].change).toBeNull();
  });
});
