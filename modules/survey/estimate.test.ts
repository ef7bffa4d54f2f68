import { describe, expect, it } from "vitest";
import { REGION_CODES } from "./codes";
import { changeFrom, distribution, keyIndicators, LOW_BASE, round1, topReasons, type Interview } from "./estimate";

let seq = 0;
const iv = (fields: Partial<Interview> & { weight: number }): Interview => ({
  household_id: `2025-AST-${String(++seq).padStart(5, "0")}`,
  region: "AST",
  settlement: "1",
  result: "1",
  ...fields,
});

describe("distribution", () => {
  // weights 1, 2, 3, 4: answered weight 10 → shares are exact tenths
  const fixture: Interview[] = [
    iv({ weight: 1, trust_police: "1" }),
    iv({ weight: 2, trust_police: "2" }),
    iv({ weight: 3, trust_police: "1" }),
    iv({ weight: 4, trust_police: "8" }),
    iv({ weight: 100, trust_police: "4", result: "2" }), // not completed: ignored
    iv({ weight: 50 }), // completed, no answer: not in the base
  ];

  it("gives weighted shares over completed interviews that answered", () => {
    expect(distribution(fixture, "trust_police")).toEqual({
      total: expect.objectContaining({ n: 4, shares: { "1": 40, "2": 20, "3": 0, "4": 0, "8": 40, "9": 0 }, lowBase: true }),
    });
  });

  it("weights, not counts: 2 of 3 interviews but 1/6 of the weight", () => {
    const d = distribution([iv({ weight: 1, sex: "1" }), iv({ weight: 5, sex: "2" }), iv({ weight: 0, sex: "1" })], "sex");
    expect(d.total.shares).toEqual({ "1": 16.7, "2": 83.3 });
    expect(d.total.n).toBe(3);
  });

  it("rounds to one decimal", () => {
    const d = distribution(
      [1, 1, 1].map((w, i) => iv({ weight: w, safe_day: String(i + 1) })),
      "safe_day",
    );
    expect(d.total.shares).toEqual({ "1": 33.3, "2": 33.3, "3": 33.3, "4": 0, "9": 0 });
    expect(round1(0.05)).toBe(0.1);
    expect(round1(-0.04)).toBe(0);
    expect(Object.is(round1(-0.01), -0)).toBe(false);
  });

  it("flags a base under 30 interviews", () => {
    const make = (k: number) => Array.from({ length: k }, () => iv({ weight: 1, safe_day: "1" }));
    expect(distribution(make(LOW_BASE - 1), "safe_day").total.lowBase).toBe(true);
    expect(distribution(make(LOW_BASE), "safe_day").total.lowBase).toBe(false);
    expect(LOW_BASE).toBe(30);
  });

  it("splits by region, settlement and sex, listing every group", () => {
    const data = [
      iv({ weight: 1, region: "AST", settlement: "1", sex: "1", trust_courts: "1" }),
      iv({ weight: 3, region: "AST", settlement: "1", sex: "2", trust_courts: "2" }),
      iv({ weight: 2, region: "TUR", settlement: "2", sex: "2", trust_courts: "2" }),
      iv({ weight: 2, region: "TUR", settlement: "2", sex: "1", trust_courts: "9" }),
    ];
    const byRegion = distribution(data, "trust_courts", { by: "region" });
    expect(Object.keys(byRegion)).toEqual(REGION_CODES);
    expect(byRegion.AST).toMatchObject({ n: 2, shares: { "1": 25, "2": 75, "9": 0 } });
    expect(byRegion.TUR).toMatchObject({ n: 2, shares: { "1": 0, "2": 50, "9": 50 } });
    expect(byRegion.KAR).toMatchObject({ n: 0, shares: { "1": 0, "2": 0, "3": 0, "4": 0, "8": 0, "9": 0 }, lowBase: true });
    const bySettlement = distribution(data, "trust_courts", { by: "settlement" });
    expect(Object.keys(bySettlement)).toEqual(["1", "2"]);
    expect(bySettlement["2"].shares["9"]).toBe(50);
    const bySex = distribution(data, "trust_courts", { by: "sex" });
    expect(bySex["1"]).toMatchObject({ n: 2, shares: { "1": 33.3, "9": 66.7 } });
    expect(bySex["2"]).toMatchObject({ n: 2, shares: { "2": 100 } });
  });

  it("groups ages 15–24 … 65–80 at the bounds, leaving out ages outside 15–80", () => {
    const ages = [15, 24, 25, 34, 35, 44, 45, 54, 55, 64, 65, 80, 14, 81];
    const data = ages.map((age) => iv({ weight: 1, age, safe_night: age <= 24 ? "1" : "2" }));
    const d = distribution(data, "safe_night", { by: "ageGroup" });
    expect(Object.keys(d)).toEqual(["15-24", "25-34", "35-44", "45-54", "55-64", "65-80"]);
    for (const g of Object.values(d)) expect(g.n).toBe(2);
    expect(d["15-24"].shares["1"]).toBe(100);
    expect(d["25-34"].shares["2"]).toBe(100);
    expect(distribution(data, "ageGroup").total.shares).toEqual({ "15-24": 16.7, "25-34": 16.7, "35-44": 16.7, "45-54": 16.7, "55-64": 16.7, "65-80": 16.7 });
  });

  it("gives multiple answers as shares of respondents who answered", () => {
    const data = [
      iv({ weight: 1, unsafe_reasons: ["1", "4"] }),
      iv({ weight: 3, unsafe_reasons: ["4"] }),
      iv({ weight: 6, unsafe_reasons: ["2", "4", "4"] }), // a repeated code counts once
      iv({ weight: 5, unsafe_reasons: [] }), // not asked
    ];
    const d = distribution(data, "unsafe_reasons").total;
    expect(d.n).toBe(3);
    expect(d.shares).toEqual({ "1": 10, "2": 60, "3": 0, "4": 100, "5": 0, "6": 0, "7": 0, "8": 0 });
  });

  it("keeps codes outside the labels rather than dropping them", () => {
    expect(distribution([iv({ weight: 1, trust_fire: "1" }), iv({ weight: 1, trust_fire: "7" })], "trust_fire").total.shares).toMatchObject({
      "1": 50,
      "7": 50,
    });
  });
});

describe("keyIndicators", () => {
  const data = [
    iv({ weight: 1, region: "AST", trust_prosecutor: "1", safe_day: "1" }),
    iv({ weight: 2, region: "AST", trust_prosecutor: "2", safe_day: "2" }),
    iv({ weight: 3, region: "ALA", trust_prosecutor: "1", safe_day: "9" }),
    iv({ weight: 4, region: "ALA", trust_prosecutor: "9", safe_day: "1", result: "3" }),
  ];
  const k = keyIndicators(data);
  /** The shares and n of an indicator, without its precision. */
  const sharesOnly = ({ se: _se, ci95: _ci, deff: _deff, ...rest }: ReturnType<typeof keyIndicators>["overall"][string]) => rest;

  it("has the API shape: every body and safe_day, codes and n", () => {
    expect(Object.keys(k.overall)).toEqual([
      "trust_prosecutor",
      "trust_police",
      "trust_anticorruption",
      "trust_econ_investigation",
      "trust_courts",
      "trust_fire",
      "safe_day",
    ]);
    expect(sharesOnly(k.overall.trust_prosecutor)).toEqual({ "1": 66.7, "2": 33.3, "3": 0, "4": 0, "8": 0, "9": 0, n: 3 });
    expect(sharesOnly(k.overall.safe_day)).toEqual({ "1": 16.7, "2": 33.3, "3": 0, "4": 0, "9": 50, n: 3 });
    expect(sharesOnly(k.overall.trust_police)).toEqual({ "1": 0, "2": 0, "3": 0, "4": 0, "8": 0, "9": 0, n: 0 });
  });

  it("by region, every region listed", () => {
    expect(Object.keys(k.byRegion)).toEqual(REGION_CODES);
    expect(sharesOnly(k.byRegion.AST.trust_prosecutor)).toEqual({ "1": 33.3, "2": 66.7, "3": 0, "4": 0, "8": 0, "9": 0, n: 2 });
    expect(sharesOnly(k.byRegion.ALA.safe_day)).toEqual({ "1": 0, "2": 0, "3": 0, "4": 0, "9": 100, n: 1 });
    expect(k.byRegion.KAR.safe_day.n).toBe(0);
  });
});

describe("topReasons", () => {
  it("gives the k most named reasons, weighted, with labels", () => {
    const data = [
      iv({ weight: 1, unsafe_reasons: ["1", "2"] }),
      iv({ weight: 2, unsafe_reasons: ["2", "5"] }),
      iv({ weight: 3, unsafe_reasons: ["4"] }),
      iv({ weight: 4, unsafe_reasons: ["4", "5"] }),
    ];
    expect(topReasons(data, "unsafe_reasons", 3)).toEqual([
      { code: "4", label: "insufficient lighting", share: 70 },
      { code: "5", label: "health status", share: 60 },
      { code: "2", label: "fear of going out alone", share: 30 },
    ]);
    expect(topReasons(data, "unsafe_reasons", 10).map((r) => r.code)).toEqual(["4", "5", "2", "1"]);
    expect(topReasons([], "unsafe_reasons")).toEqual([]);
  });
});

describe("changeFrom", () => {
  it("gives the change per code in percentage points", () => {
    expect(changeFrom({ "1": 66.1, "2": 25, "9": 3.4 }, { "1": 66.2, "2": 26.4, "9": 3.2, "8": 0.5 })).toEqual({ "1": 0.1, "2": 1.4, "9": -0.2, "8": 0.5 });
  });
  it("works on key indicators, leaving out n", () => {
    const prev = { trust_fire: { "1": 80.4, "2": 16.8, n: 17000 }, safe_day: { "1": 64.9 } };
    const cur = { trust_fire: { "1": 81.8, "2": 15.5, n: 17100 }, safe_day: { "1": 64.9 } };
    expect(changeFrom(prev, cur)).toEqual({ trust_fire: { "1": 1.4, "2": -1.3 }, safe_day: { "1": 0 } });
  });
});
