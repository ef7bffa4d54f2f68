import { describe, expect, it } from "vitest";
import { formatPeriod, parsePeriod, periodEnd, periodMismatch, periodsBetween, periodStart, type Period } from "./periods";

const parse = (text: string): Period => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.reason);
  return r.period;
};

describe("parsePeriod", () => {
  it("reads months, quarters, half-years and years", () => {
    expect(parse("2026-03")).toEqual({ kind: "month", year: 2026, month: 3 });
    expect(parse("2025-Q4")).toEqual({ kind: "quarter", year: 2025, quarter: 4 });
    expect(parse("2026-H1")).toEqual({ kind: "half", year: 2026, half: 1 });
    expect(parse("2026")).toEqual({ kind: "year", year: 2026 });
    expect(formatPeriod(parse(" 2025-q4 "))).toBe("2025-Q4");
    for (const t of ["2026-03", "2025-Q4", "2026-H2", "2026"]) expect(formatPeriod(parse(t))).toBe(t);
  });
  it("refuses malformed periods with a reason", () => {
    const reason = (t: string) => {
      const r = parsePeriod(t);
      return r.ok ? null : r.reason;
    };
    expect(reason("")).toMatch(/^malformed period: empty; give a month \(2026-03\)/);
    expect(reason("2026-13")).toMatch(/^malformed period: month 13 does not exist/);
    expect(reason("2026-00")).toMatch(/^malformed period: month 00 does not exist/);
    expect(reason("2025-Q5")).toMatch(/^malformed period: quarter Q5 does not exist \(Q1–Q4\)/);
    expect(reason("2025-Q0")).toMatch(/quarter Q0 does not exist/);
    expect(reason("2026-H3")).toMatch(/^malformed period: half-year H3 does not exist \(H1 or H2\)/);
    expect(reason("1899")).toMatch(/^malformed period: year 1899 is out of range/);
    for (const t of ["2026-3", "26-03", "2026/03", "March 2026", "2026-Q", "2026-03-01", "2026-S1"]) {
      expect(reason(t)).toMatch(/^malformed period: ".*"; give a month/);
    }
  });
});

describe("period dates", () => {
  it("start and end", () => {
    expect([periodStart(parse("2026-02")), periodEnd(parse("2026-02"))]).toEqual(["2026-02-01", "2026-02-28"]);
    expect(periodEnd(parse("2028-02"))).toBe("2028-02-29");
    expect([periodStart(parse("2025-Q4")), periodEnd(parse("2025-Q4"))]).toEqual(["2025-10-01", "2025-12-31"]);
    expect([periodStart(parse("2026-H1")), periodEnd(parse("2026-H1"))]).toEqual(["2026-01-01", "2026-06-30"]);
    expect([periodStart(parse("2026-H2")), periodEnd(parse("2026-H2"))]).toEqual(["2026-07-01", "2026-12-31"]);
    expect([periodStart(parse("2026")), periodEnd(parse("2026"))]).toEqual(["2026-01-01", "2026-12-31"]);
  });
  it("lists the periods overlapping a date range, across a year end", () => {
    expect(periodsBetween("2025-11-15", "2026-02-01", "monthly").map(formatPeriod)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(periodsBetween("2025-08-01", "2026-04-01", "quarterly").map(formatPeriod)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(periodsBetween("2025-07-01", "2026-06-30", "halfYearly").map(formatPeriod)).toEqual(["2025-H2", "2026-H1"]);
    expect(periodsBetween("2024-12-31", "2026-01-01", "yearly").map(formatPeriod)).toEqual(["2024", "2025", "2026"]);
    expect(periodsBetween("2026-03-05", "2026-03-05", "monthly").map(formatPeriod)).toEqual(["2026-03"]);
    expect(() => periodsBetween("2026-03-05", "2026-03-04", "monthly")).toThrow(/ends before it starts/);
  });
});

describe("periodMismatch", () => {
  it("says what the schedule wants, with an example near the given period", () => {
    expect(periodMismatch(parse("2026-03"), ["monthly"], "form 1")).toBeNull();
    expect(periodMismatch(parse("2026-Q1"), ["monthly"], "form 1")).toBe("form 1 is monthly: give a month like 2026-03");
    expect(periodMismatch(parse("2026-03"), ["quarterly"], "form 2")).toBe("form 2 is quarterly: give a quarter like 2026-Q1");
    expect(periodMismatch(parse("2026-Q3"), ["halfYearly"], "x")).toBe("x is half-yearly: give a half-year like 2026-H2");
    expect(periodMismatch(parse("2026-H2"), ["halfYearly"], "x")).toBeNull();
    expect(periodMismatch(parse("2026-Q3"), ["yearly"], "x")).toBe("x is yearly: give a year like 2026");
  });
  it("for a half-yearly and yearly schedule, takes H1 and the year, not H2", () => {
    const both = ["halfYearly", "yearly"] as const;
    expect(periodMismatch(parse("2026-H1"), both, "collection 5")).toBeNull();
    expect(periodMismatch(parse("2026"), both, "collection 5")).toBeNull();
    expect(periodMismatch(parse("2026-H2"), both, "collection 5")).toBe("collection 5 reports the second half-year as the year: give 2026");
    expect(periodMismatch(parse("2026-Q4"), both, "collection 5")).toBe(
      "collection 5 is half-yearly and yearly: give a half-year like 2026-H1 or a year like 2026",
    );
  });
});
