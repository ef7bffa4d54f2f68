import { describe, expect, it } from "vitest";
import { apiQuery, pageQuery, singleValue } from "./query";
import { ServiceError } from "./service-error";

const api = (query: string) => apiQuery(new Request(`http://x/api/thing?${query}`));
function refusal(work: () => unknown): ServiceError {
  try {
    work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("singleValue", () => {
  it("is the value given once, undefined when absent or repeated", () => {
    expect(singleValue("AST")).toBe("AST");
    expect(singleValue(["AST"])).toBe("AST");
    expect(singleValue(["AST", "ALA"])).toBeUndefined();
    expect(singleValue([])).toBeUndefined();
    expect(singleValue(undefined)).toBeUndefined();
    expect(singleValue(null)).toBeUndefined();
  });
});

describe("pageQuery ignores what it cannot use", () => {
  const q = pageQuery({ region: ["AST", "ALA"], wave: "2026", bad: "abc", big: "1e99", neg: "-1", huge: "9".repeat(30), from: "2025-02-30", to: "2025-03-01" });
  it("a repeated parameter is absent", () => expect(q.one("region")).toBeUndefined());
  it("whole numbers within their range only", () => {
    const range = { min: 1900, max: 2999 };
    expect(q.int("wave", range)).toBe(2026);
    for (const name of ["bad", "big", "neg", "huge", "region", "missing"]) expect(q.int(name, range), name).toBeUndefined();
  });
  it("real dates only", () => {
    expect(q.date("from")).toBeUndefined();
    expect(q.date("to")).toBe("2025-03-01");
  });
});

describe("apiQuery refuses with a reason", () => {
  it("a parameter given twice", () => {
    expect(refusal(() => api("action=a&action=b").one("action"))).toMatchObject({ status: 400, message: "The parameter action is given more than once." });
    expect(api("action=a&q=x").one("action")).toBe("a");
    expect(api("").one("action")).toBeUndefined();
  });
  it("a number that is not a whole number in range", () => {
    const range = { min: 1, max: 100_000 };
    for (const v of ["abc", "-1", "0", "1e99", "1.5", "100001", "0x10", " 5", "", "9".repeat(30)])
      expect(
        refusal(() => api(`limit=${encodeURIComponent(v)}`).int("limit", range)),
        v,
      ).toMatchObject({
        status: 400,
        message: "limit must be a whole number from 1 to 100000.",
      });
    expect(api("limit=250").int("limit", range)).toBe(250);
    expect(api("").int("limit", range)).toBeUndefined();
  });
  it("a date that is not a calendar date, a value not among the choices", () => {
    expect(refusal(() => api("from=2025-13-01").date("from")).status).toBe(400);
    expect(api("from=2025-12-01").date("from")).toBe("2025-12-01");
    expect(refusal(() => api("format=pdf").choice("format", ["csv", "json"])).message).toBe("format must be csv or json.");
    expect(refusal(() => api("format=pdf").choice("format", ["csv", "xlsx", "json"])).message).toBe("format must be csv, xlsx or json.");
    expect(refusal(() => api("format=csv&format=json").choice("format", ["csv", "json"])).status).toBe(400);
    expect(api("format=json").choice("format", ["csv", "json"])).toBe("json");
  });
});
