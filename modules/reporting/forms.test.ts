import { describe, expect, it } from "vitest";
import { findForm, formLabel, REPORT_FORMS } from "./forms";
import { describeRule } from "./schedule";

describe("the catalogue of Appendix 2", () => {
  it("has 26 forms numbered 1–26 in order, numbers unique", () => {
    expect(REPORT_FORMS).toHaveLength(26);
    expect(REPORT_FORMS.map((f) => f.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(new Set(REPORT_FORMS.map((f) => f.number)).size).toBe(26);
  });
  it("has two forms coded 1-P (inspections, quarterly; search of persons, monthly); other codes are unique", () => {
    const onep = REPORT_FORMS.filter((f) => f.code === "1-P");
    expect(onep.map((f) => [f.number, f.periodicity, f.deadline.day])).toEqual([
      [3, "quarterly", 10],
      [25, "monthly", 5],
    ]);
    const others = REPORT_FORMS.filter((f) => f.code !== "1-P" && f.code !== null).map((f) => f.code);
    expect(new Set(others).size).toBe(others.length);
  });
  it("keeps No. 8 without a code, as in the seed", () => {
    expect(findForm(8)).toMatchObject({ code: null, title: "On supervisory activity of the Prosecutor", periodicity: "quarterly" });
    expect(formLabel(findForm(8)!)).toBe("No. 8");
    expect(formLabel(findForm(1)!)).toBe("1-M");
  });
  it("has the seed's monthly forms and terms", () => {
    const monthly = REPORT_FORMS.filter((f) => f.periodicity === "monthly").map((f) => [f.number, f.code, f.deadline.day]);
    expect(monthly).toEqual([
      [1, "1-M", 5],
      [4, "1-OL", 12],
      [5, "1-E", 10],
      [7, "DTP-1", 7],
      [25, "1-P", 5],
      [26, "3-K", 9],
    ]);
    expect(REPORT_FORMS.filter((f) => f.periodicity === "quarterly")).toHaveLength(20);
  });
  it("uses deadline days that exist in every month", () => {
    for (const f of REPORT_FORMS) {
      expect(f.deadline.kind).toBe("dayOfFollowingMonth");
      expect(f.deadline.day).toBeGreaterThanOrEqual(1);
      expect(f.deadline.day).toBeLessThanOrEqual(28);
      expect(f.title.length).toBeGreaterThan(10);
    }
  });
  it("describes terms in the seed's words", () => {
    expect(describeRule(findForm(1)!.deadline)).toBe("by the 5th day of the month following the reporting period");
    expect(describeRule({ kind: "dayOfFollowingMonth", day: 1 })).toBe("by the 1st day of the month following the reporting period");
    expect(describeRule({ kind: "dayOfFollowingMonth", day: 2 })).toMatch(/by the 2nd day/);
    expect(describeRule({ kind: "dayOfFollowingMonth", day: 3 })).toMatch(/by the 3rd day/);
    expect(describeRule({ kind: "dayOfFollowingMonth", day: 12 })).toMatch(/by the 12th day/);
    expect(describeRule({ kind: "dayOfFollowingMonth", day: 21 })).toMatch(/by the 21st day/);
  });
  it("finds nothing for unknown numbers", () => {
    expect(findForm(0)).toBeUndefined();
    expect(findForm(27)).toBeUndefined();
  });
});
