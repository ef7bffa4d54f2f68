import { describe, expect, it } from "vitest";
import { REGION_CODES } from "./codes";
import { allocateStrata, generateSample, HOUSEHOLD_FRAME, largestRemainder, mulberry32, TOTAL_HOUSEHOLDS } from "./sample";

describe("the household frame", () => {
  it("covers the 20 regions, households sum to 18,005 ÷ 0.35%", () => {
    expect(HOUSEHOLD_FRAME.map((r) => r.code).sort()).toEqual([...REGION_CODES].sort());
    expect(TOTAL_HOUSEHOLDS).toBe(5144286);
    expect(HOUSEHOLD_FRAME.reduce((s, r) => s + r.households, 0)).toBe(TOTAL_HOUSEHOLDS);
    for (const r of HOUSEHOLD_FRAME) expect(r.urban + r.rural).toBe(r.households);
  });
  it("has the three cities fully urban and the big southern regions mostly rural", () => {
    for (const c of ["AST", "ALA", "SHY"]) expect(HOUSEHOLD_FRAME.find((r) => r.code === c)!.rural).toBe(0);
    const tur = HOUSEHOLD_FRAME.find((r) => r.code === "TUR")!;
    expect(tur.rural).toBeGreaterThan(tur.urban);
  });
});

describe("largestRemainder", () => {
  it("keeps the total and proportions", () => {
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(largestRemainder([2, 1], 3)).toEqual([2, 1]);
    expect(largestRemainder([0, 5], 7)).toEqual([0, 7]);
  });
});

describe("mulberry32", () => {
  it("is deterministic per seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32("2025")()).not.toBe(mulberry32("2024")());
  });
});

describe("generateSample", () => {
  const sample = generateSample({ wave: 2025, seed: 7 });

  it("has 18,005 households with unique ids like 2025-AST-00001", () => {
    expect(sample).toHaveLength(18005);
    expect(new Set(sample.map((h) => h.household_id)).size).toBe(18005);
    for (const h of sample) expect(h.household_id).toMatch(new RegExp(`^2025-${h.region}-\\d{5}$`));
    expect(sample.some((h) => h.household_id === "2025-AST-00001")).toBe(true);
  });

  it("covers all 20 regions and both settlement types, addresses filled", () => {
    expect(new Set(sample.map((h) => h.region))).toEqual(new Set(REGION_CODES));
    expect(new Set(sample.map((h) => h.settlement))).toEqual(new Set(["1", "2"]));
    for (const h of sample) expect(h.address.length).toBeGreaterThan(10);
    expect(sample.filter((h) => ["AST", "ALA", "SHY"].includes(h.region)).every((h) => h.settlement === "1")).toBe(true);
    expect(sample.find((h) => h.region === "AST")!.address).toMatch(/^Astana, /);
    expect(sample.find((h) => h.region === "AKM" && h.settlement === "2")!.address).toMatch(/^Akmola region, .* village, /);
  });

  it("has weights summing to the households total, stratum by stratum", () => {
    expect(sample.reduce((s, h) => s + h.weight, 0)).toBeCloseTo(TOTAL_HOUSEHOLDS, 2);
    for (const r of HOUSEHOLD_FRAME) {
      for (const [settlement, households] of [
        ["1", r.urban],
        ["2", r.rural],
      ] as const) {
        const stratum = sample.filter((h) => h.region === r.code && h.settlement === settlement);
        expect(stratum.reduce((s, h) => s + h.weight, 0)).toBeCloseTo(households, 4);
        if (stratum.length) expect(stratum[0].weight).toBeCloseTo(households / stratum.length, 9);
      }
    }
  });

  it("allocates regions in proportion to their households", () => {
    for (const r of HOUSEHOLD_FRAME) {
      const n = sample.filter((h) => h.region === r.code).length;
      expect(Math.abs(n - (18005 * r.households) / TOTAL_HOUSEHOLDS)).toBeLessThan(1);
    }
    const strata = allocateStrata(18005);
    expect(strata.reduce((s, x) => s + x.sampled, 0)).toBe(18005);
    expect(Math.min(...strata.map((s) => s.weight))).toBeGreaterThan(280);
    expect(Math.max(...strata.map((s) => s.weight))).toBeLessThan(290);
  });

  it("is deterministic: same seed, same sample; another seed moves addresses only", () => {
    expect(generateSample({ wave: 2025, seed: 7 })).toEqual(sample);
    const other = generateSample({ wave: 2025, seed: 8 });
    expect(other.map((h) => [h.household_id, h.weight])).toEqual(sample.map((h) => [h.household_id, h.weight]));
    expect(other.map((h) => h.address)).not.toEqual(sample.map((h) => h.address));
  });

  it("takes other sizes", () => {
    const small = generateSample({ wave: "2024", size: 1000 });
    expect(small).toHaveLength(1000);
    expect(small[0].household_id).toMatch(/^2024-/);
    expect(small.reduce((s, h) => s + h.weight, 0)).toBeCloseTo(TOTAL_HOUSEHOLDS, 2);
    expect(() => generateSample({ wave: 2025, size: 0 })).toThrow();
  });
});
