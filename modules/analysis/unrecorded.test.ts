import { describe, expect, it } from "vitest";
import { compareOffence, stratifiedVariance, unrecordedCrime, type SurveyHousehold } from "./unrecorded";

// Region A, two strata; region B one stratum. Offences of the mapping: theft and burglary (a
// household counts once if it was a victim of either).
//
// A urban (A·1), n = 3:  w = 100, 100, 200;  y (victim) = 1, 0, 1;  x (reported) = 1, 0, 0
// A rural (A·2), n = 2:  w = 300, 300;       y = 0, 1;              x = 0, 1
// plus one refusal in A·1 (result ≠ 1): not in the design.
//
// Victimised households  Ŷ = 100 + 200 + 300 = 600;  households W = 100+100+200+300+300 = 1000 → 60 %
//   A·1: w·y = 100, 0, 200, mean 100, Σ(dev²) = 0 + 100² + 100² = 20 000, × 3/2 = 30 000
//   A·2: w·y = 0, 300,      mean 150, Σ(dev²) = 2 × 150² = 45 000,        × 2/1 = 90 000
//   V(Ŷ) = 120 000, SE = √120 000 = 346.41, CI = 600 ± 1.96 × 346.41 = [−78.96 → 0, 1278.96]
// Reporting households   X̂ = 100 + 300 = 400
//   A·1: w·x = 100, 0, 0, mean 100/3, Σ(dev²) = (200/3)² + 2 (100/3)² = 60 000/9, × 3/2 = 10 000
//   A·2: w·x = 0, 300: 90 000;  V(X̂) = 100 000, SE = 316.23, CI = 400 ± 619.80 = [0, 1019.80]
// Reporting rate R = 400 / 600 = 2/3; z = w (x − R y) / Ŷ:
//   A·1: 100 (1 − 2/3) / 600 = 1/18, 0, 200 (0 − 2/3) / 600 = −2/9;  mean −1/18;
//        dev 2/18, 1/18, −3/18 → Σ = 14/324, × 3/2 = 7/108
//   A·2: 0, 300 (1 − 2/3) / 600 = 1/6; mean 1/12; Σ = 2/144, × 2 = 1/36 = 3/108
//   V(R) = 10/108 = 5/54, SE = 0.304290, CI = 0.6667 ± 0.5964 = [0.0703, 1 (cut from 1.263)]
// 1-M registered 500 in region A: per reporting household 500/400 = 1.25 (interval 500/1019.80 =
// 0.4903 to 500/0 = none); per victimised household 500/600 = 0.8333 (500/1278.96 = 0.3909 to none).
const hh = (region: string, settlement: string, weight: number, y: boolean, x: boolean, completed = true, offence = "theft"): SurveyHousehold => ({
  region,
  settlement,
  weight,
  completed,
  answers: { [`victim_${offence}`]: y ? "1" : "2", ...(y ? { [`reported_${offence}`]: x ? "1" : "2" } : {}) },
});
const A = [
  hh("A", "1", 100, true, true),
  hh("A", "1", 100, false, false),
  hh("A", "1", 200, true, false, true, "burglary"),
  hh("A", "1", 999, true, true, false), // refused: not counted
  hh("A", "2", 300, false, false),
  hh("A", "2", 300, true, true, true, "burglary"),
];
const mapping = { id: "theft", surveyOffences: ["theft", "burglary"], formLines: ["r8"], note: "" };

describe("the unrecorded-crime estimates (hand-computed fixture)", () => {
  it("estimate victimised and reporting households with their design-based intervals", () => {
    const c = compareOffence(A, mapping, 500);
    expect(c.n).toBe(5);
    expect(c.households).toBe(1000);
    expect(c.victimised.estimate).toBe(600);
    expect(c.victimised.se).toBeCloseTo(Math.sqrt(120_000), 9);
    expect(c.victimised.ci95[0]).toBe(0);
    expect(c.victimised.ci95[1]).toBeCloseTo(600 + 1.959963984540054 * 346.41016151377545, 6);
    expect(c.victimisedShare).toBeCloseTo(60, 9);
    expect(c.reported.estimate).toBe(400);
    expect(c.reported.se).toBeCloseTo(Math.sqrt(100_000), 9);
    expect(c.reported.ci95[1]).toBeCloseTo(1019.8, 1);
  });
  it("estimate the reporting rate as a linearised ratio", () => {
    const c = compareOffence(A, mapping, 500);
    expect(c.reportingRate!.estimate).toBeCloseTo(2 / 3, 12);
    expect(c.reportingRate!.se ** 2).toBeCloseTo(5 / 54, 12);
    expect(c.reportingRate!.ci95[0]).toBeCloseTo(2 / 3 - 1.959963984540054 * Math.sqrt(5 / 54), 9);
    expect(c.reportingRate!.ci95[1]).toBe(1);
  });
  it("set the registered count beside the survey totals", () => {
    const c = compareOffence(A, mapping, 500);
    expect(c.registeredPerReported.estimate).toBe(1.25);
    expect(c.registeredPerReported.ci95[0]).toBeCloseTo(500 / 1019.8, 3);
    expect(c.registeredPerReported.ci95[1]).toBeNull(); // the survey's lower bound is 0
    expect(c.registeredPerVictimised.estimate).toBeCloseTo(5 / 6, 12);
    expect(compareOffence(A, mapping, null).registeredPerReported.estimate).toBeNull();
  });
  it("count a household once whatever the number of mapped offences, and only reports of victims", () => {
    const twice: SurveyHousehold = {
      region: "B",
      settlement: "1",
      weight: 10,
      completed: true,
      answers: { victim_theft: "1", victim_burglary: "1", reported_theft: "1" },
    };
    const stray: SurveyHousehold = { region: "B", settlement: "1", weight: 10, completed: true, answers: { victim_theft: "2", reported_theft: "1" } };
    const c = compareOffence([twice, stray], mapping, 3);
    expect(c.victimised.estimate).toBe(10);
    expect(c.reported.estimate).toBe(10);
    expect(c.lowBase).toBe(true);
  });
  it("by region and for the country, rounded for the API", () => {
    const B = [hh("B", "1", 50, true, false), hh("B", "1", 50, false, false)];
    const r = unrecordedCrime([...A, ...B], [mapping], ["A", "B", "C"], (region) => (region === "A" ? 500 : region === "B" ? 7 : region === null ? 507 : null));
    expect(r.national[0].victimised.estimate).toBe(650);
    expect(r.national[0].registered).toBe(507);
    expect(r.regions.map((x) => x.offences[0].victimised.estimate)).toEqual([600, 50, 0]);
    expect(r.regions[0].offences[0].victimised.se).toBe(346);
    expect(r.regions[0].offences[0].reportingRate!.estimate).toBe(0.6667);
    // B·1: w·y = 50, 0 → mean 25, Σ dev² = 1250, × 2 = 2500: SE 50
    expect(r.regions[1].offences[0].victimised.se).toBe(50);
    expect(r.regions[2].offences[0].registered).toBeNull();
  });
  it("give a stratum with one interview no variance", () => {
    expect(stratifiedVariance(new Map([["s", [5]]]))).toBe(0);
  });
});
