import { describe, expect, it } from "vitest";
import { EDUCATION, EMPLOYMENT, OFFENCES, RELEASE_2025, TRUST_BODIES } from "../../modules/survey/codes";
import { distribution, keyIndicators, topReasons } from "../../modules/survey/estimate";
import { generateSample } from "../../modules/survey/sample";
import { argsort, normalizeShares, RESIDUAL_CODE, syntheticInterviews, TARGETS_2024, TARGETS_2025 } from "./synthetic";

// The 2024 release (seed 000) as published: codes 1/2/3/4 and the fifth category (8 or 9).
const PUBLISHED_2024: Record<string, number[]> = {
  trust_prosecutor: [66.1, 25, 3, 2.5, 3.4],
  trust_police: [64.3, 26.9, 3.9, 3.4, 1.5],
  trust_anticorruption: [52.2, 29.8, 4.7, 3.6, 9.7],
  trust_econ_investigation: [48.3, 29.9, 4.9, 3.1, 13.8],
  trust_courts: [62, 27.1, 3, 2.7, 5.2],
  trust_fire: [80.4, 16.8, 0.6, 0.6, 1.6],
  safe_day: [64.9, 29, 5.2, 0.7, 0.2],
};
// The 2025 release as the spec lists it.
const PUBLISHED_2025: Record<string, number[]> = {
  trust_prosecutor: [66.2, 26.4, 2.4, 1.8, 3.2],
  trust_police: [65.3, 27.7, 3.2, 2.3, 1.5],
  trust_anticorruption: [51.2, 31.4, 5.1, 2.9, 9.4],
  trust_econ_investigation: [47.2, 31, 6.2, 2.7, 13],
  trust_courts: [63.2, 28.7, 2.3, 1.6, 4.3],
  trust_fire: [81.8, 15.5, 0.6, 0.3, 1.9],
  safe_day: [64.9, 27.6, 5.7, 1.1, 0.7],
};

/** The published row in the API shape (the fifth category under the body's 8 or 9, the other 0). */
function expected(variable: string, row: number[]): Record<string, number> {
  if (variable === "safe_day") return { "1": row[0], "2": row[1], "3": row[2], "4": row[3], "9": row[4] };
  const fifth = RESIDUAL_CODE[variable as keyof typeof RESIDUAL_CODE];
  return { "1": row[0], "2": row[1], "3": row[2], "4": row[3], "8": fifth === "8" ? row[4] : 0, "9": fifth === "9" ? row[4] : 0 };
}

describe("targets", () => {
  it("word the fifth category per body as the releases do", () => {
    expect(RESIDUAL_CODE).toEqual({
      trust_prosecutor: "9",
      trust_police: "8",
      trust_anticorruption: "8",
      trust_econ_investigation: "8",
      trust_courts: "9",
      trust_fire: "9",
    });
  });
  it("TARGETS_2025 is RELEASE_2025 of codes.ts, TARGETS_2024 the 2024 release", () => {
    for (const [variable, shares] of Object.entries(RELEASE_2025)) {
      const { "8or9": fifth, ...rest } = shares;
      const code = variable === "safe_day" ? "9" : RESIDUAL_CODE[variable as keyof typeof RESIDUAL_CODE];
      expect(TARGETS_2025[variable]).toEqual(variable === "safe_day" ? shares : { ...rest, [code]: fifth });
    }
    for (const [variable, row] of Object.entries(PUBLISHED_2024)) {
      const fifth = variable === "safe_day" ? "9" : RESIDUAL_CODE[variable as keyof typeof RESIDUAL_CODE];
      expect(TARGETS_2024[variable]).toEqual({ "1": row[0], "2": row[1], "3": row[2], "4": row[3], [fifth]: row[4] });
    }
  });
  it("spreads published rounding evenly so every share still rounds to the release", () => {
    const fire = normalizeShares(TARGETS_2025.trust_fire); // 81.8 + 15.5 + 0.6 + 0.3 + 1.9 = 100.1
    expect(Object.values(fire).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    for (const [c, v] of Object.entries(fire)) expect(Math.round(v * 10) / 10).toBe(TARGETS_2025.trust_fire[c]);
  });
  it("argsort orders by key, ties by item", () => {
    expect(Array.from(argsort([0, 1, 2, 3, 4], Float64Array.from([0.5, -2, 0.5, 10, 3])))).toEqual([1, 0, 2, 4, 3]);
    expect(Array.from(argsort([4, 2], Float64Array.from([9, 9, 1, 9, 0])))).toEqual([4, 2]);
  });
});

describe.each([
  {
    wave: 2025,
    targets: TARGETS_2025,
    published: PUBLISHED_2025,
    top: [
      ["4", 25.8],
      ["5", 19.9],
      ["2", 16.6],
    ],
  },
  {
    wave: 2024,
    targets: TARGETS_2024,
    published: PUBLISHED_2024,
    top: [
      ["1", 23.7],
      ["2", 21.7],
      ["3", 20.2],
    ],
  },
])("the $wave wave: generateSample(18005) + syntheticInterviews", ({ wave, targets, published, top }) => {
  const sample = generateSample({ wave, size: 18005 });
  const interviews = syntheticInterviews(sample, { targets, seed: `test-${wave}` });
  const completed = interviews.filter((i) => i.result === "1");
  const k = keyIndicators(interviews);

  it("reproduces the release's shares of all six bodies and safe_day to one decimal", () => {
    for (const [variable, row] of Object.entries(published)) {
      const { n, se: _se, ci95: _ci, deff: _deff, ...shares } = k.overall[variable];
      expect(shares, variable).toEqual(expected(variable, row));
      expect(n).toBe(completed.length);
    }
  });

  it("reproduces the three main reasons for insecurity in the release's order", () => {
    expect(topReasons(interviews, "unsafe_reasons", 3).map((r) => [r.code, r.share])).toEqual(top);
  });

  it("hits the other targets too (safe_night, crime_trend, distrust_reasons)", () => {
    for (const v of ["safe_night", "crime_trend", "distrust_reasons"] as const) {
      expect(distribution(interviews, v).total.shares, v).toMatchObject(targets[v]);
    }
  });

  it("has one interview per household, mostly completed, a few refusals and absences", () => {
    expect(interviews.map((i) => i.household_id)).toEqual(sample.map((h) => h.household_id));
    expect(completed.length / interviews.length).toBeGreaterThan(0.93);
    expect(new Set(interviews.map((i) => i.result))).toEqual(new Set(["1", "2", "3", "4", "5"]));
    for (const i of interviews.filter((x) => x.result !== "1")) {
      expect(Object.keys(i).sort()).toEqual(["household_id", "interview_date", "region", "result", "settlement", "weight"]);
    }
  });

  it("gives plausible respondents and valid codes", () => {
    const ages = completed.map((i) => i.age!);
    expect(ages.every((a) => Number.isInteger(a) && a >= 15 && a <= 80)).toBe(true);
    expect(Math.min(...ages)).toBe(15);
    expect(Math.max(...ages)).toBe(80);
    expect(completed.every((i) => (i.sex === "1" || i.sex === "2") && i.education! in EDUCATION && i.employment! in EMPLOYMENT)).toBe(true);
    expect(completed.every((i) => i.interview_date! >= `${wave}-10-01` && i.interview_date! <= `${wave}-11-30`)).toBe(true);
    const students = completed.filter((i) => i.employment === "3");
    const pensioners = completed.filter((i) => i.employment === "4");
    expect(students.every((i) => i.age! < 45)).toBe(true);
    expect(pensioners.every((i) => i.age! >= 61)).toBe(true);
  });

  it("respects the skip logic", () => {
    const bad = (c?: string) => c === "3" || c === "4";
    const violations: string[] = [];
    const check = (ok: boolean, what: string, id: string) => {
      if (!ok) violations.push(`${id}: ${what}`);
    };
    for (const i of completed) {
      const id = i.household_id;
      check((i.unsafe_reasons !== undefined) === (bad(i.safe_day) || bad(i.safe_night)), "unsafe_reasons iff safe_day or safe_night is 3/4", id);
      check(i.unsafe_reasons === undefined || i.unsafe_reasons.length > 0, "unsafe_reasons not empty", id);
      check((i.unsafe_reasons_other !== undefined) === (i.unsafe_reasons?.includes("8") ?? false), "unsafe_reasons_other iff reason 8", id);
      check((i.distrust_reasons !== undefined) === TRUST_BODIES.some((b) => bad(i[b.code])), "distrust_reasons iff some trust_* is 3/4", id);
      for (const o of OFFENCES) {
        check(i[`victim_${o.code}`] === "1" || i[`victim_${o.code}`] === "2", `victim_${o.code} 1/2`, id);
        check((i[`reported_${o.code}`] !== undefined) === (i[`victim_${o.code}`] === "1"), `reported_${o.code} iff victim`, id);
      }
      check((i.not_reported_reason !== undefined) === OFFENCES.some((o) => i[`reported_${o.code}`] === "2"), "not_reported_reason iff some reported_* = 2", id);
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(completed.some((i) => i.unsafe_reasons)).toBe(true);
    expect(completed.some((i) => i.distrust_reasons)).toBe(true);
    expect(completed.some((i) => i.reported_fraud === "2")).toBe(true);
  });

  it("varies between regions while the national shares hold", () => {
    const headline = Object.values(k.byRegion).map((r) => r.trust_prosecutor["1"]);
    expect(Math.max(...headline) - Math.min(...headline)).toBeGreaterThan(5);
    expect(Object.values(k.byRegion).every((r) => r.trust_prosecutor.n >= 30)).toBe(true);
  });
});

describe("syntheticInterviews", () => {
  const sample = generateSample({ wave: 2025, size: 3000 });
  it("is deterministic per seed and hits the targets on another sample and seed", () => {
    const a = syntheticInterviews(sample, { targets: TARGETS_2025, seed: 11 });
    expect(syntheticInterviews(sample, { targets: TARGETS_2025, seed: 11 })).toEqual(a);
    expect(syntheticInterviews(sample, { targets: TARGETS_2025, seed: 12 })).not.toEqual(a);
    const { n: _n, se: _se, ci95: _ci, deff: _deff, ...police } = keyIndicators(a).overall.trust_police;
    expect(police).toEqual(expected("trust_police", PUBLISHED_2025.trust_police));
  });
  it("needs a target for every key indicator", () => {
    const { trust_fire: _fire, ...partial } = TARGETS_2025;
    expect(() => syntheticInterviews(sample, { targets: partial })).toThrow(/trust_fire/);
  });
});
