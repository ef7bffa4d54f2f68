import { describe, expect, it } from "vitest";
import { dayStatus, HOLIDAY_RULES, holidaysOf, isWorkingDay, movedDaysOff, nextWorkingDayOnOrAfter, validateAdjustments } from "./calendar";
import { addDays, toIsoDate } from "../../lib/dates/dates";

const moved = (year: number) => movedDaysOff(year).map((m) => `${m.from}>${m.date}`);

describe("fixed public holidays", () => {
  it("are the 14 days of the law in force in 2026, all non-working on weekdays", () => {
    expect(
      holidaysOf(
        2026,
        HOLIDAY_RULES.filter((r) => r.key !== "kurbanAit"),
      ),
    ).toHaveLength(13); // 30 August no longer, 15 March not yet
    expect(
      holidaysOf(
        2025,
        HOLIDAY_RULES.filter((r) => r.key !== "kurbanAit"),
      ),
    ).toHaveLength(14);
    // 2026-12-16 is a Wednesday, 2026-01-07 a Wednesday, 2026-07-06 a Monday
    expect(dayStatus("2026-12-16")).toEqual({ working: false, reason: "public holiday: Independence Day" });
    expect(dayStatus("2026-01-07")).toEqual({ working: false, reason: "public holiday: Orthodox Christmas" });
    expect(dayStatus("2026-07-06")).toEqual({ working: false, reason: "public holiday: Capital Day" });
    expect(isWorkingDay("2026-12-17")).toBe(true); // no longer a holiday since 2022
    expect(isWorkingDay("2026-12-01")).toBe(true);
  });
  it("treats Saturday and Sunday as days off", () => {
    expect(dayStatus("2026-04-04")).toEqual({ working: false, reason: "Saturday" });
    expect(dayStatus("2026-04-05")).toEqual({ working: false, reason: "Sunday" });
    expect(dayStatus("2026-04-06")).toEqual({ working: true, reason: "working day" });
  });
});

describe("holiday on a weekend", () => {
  it("moves the day off to the next working day (matches the published calendars)", () => {
    expect(moved(2025)).toEqual([
      "2025-03-08>2025-03-10",
      "2025-03-22>2025-03-24",
      "2025-03-23>2025-03-25",
      "2025-07-06>2025-07-07",
      "2025-08-30>2025-09-01",
      "2025-10-25>2025-10-27",
    ]);
    expect(moved(2023)).toEqual(["2023-01-01>2023-01-03", "2023-05-07>2023-05-08", "2023-12-16>2023-12-18"]);
  });
  it("skips holidays and earlier moved days: Nauryz 2026 (Sat, Sun, Mon) gives 24 and 25 March", () => {
    expect(moved(2026)).toContain("2026-03-21>2026-03-24");
    expect(moved(2026)).toContain("2026-03-22>2026-03-25");
    expect(dayStatus("2026-03-24")).toEqual({ working: false, reason: "day off moved from 2026-03-21 (Nauryz meyramy)" });
    expect(isWorkingDay("2026-03-26")).toBe(true);
    // New Year on Sat+Sun 2022 gives Monday 3 and Tuesday 4 January
    expect(moved(2022).slice(0, 2)).toEqual(["2022-01-01>2022-01-03", "2022-01-02>2022-01-04"]);
  });
  it("does not move religious holidays: 7 January 2024 was a Sunday, Monday 8 stayed working", () => {
    expect(moved(2024).some((m) => m.startsWith("2024-01-07"))).toBe(false);
    expect(isWorkingDay("2024-01-08")).toBe(true);
  });
});

describe("admin adjustments", () => {
  it("an extra day off is not a working day; an extra working day is, even on a Saturday", () => {
    expect(dayStatus("2026-05-27", { extraDaysOff: ["2026-05-27"] })).toEqual({ working: false, reason: "extra day off" });
    expect(dayStatus("2026-10-10", { extraWorkingDays: ["2026-10-10"] })).toEqual({ working: true, reason: "extra working day" });
  });
  it("an extra working day overrides a holiday or a moved day off (a decree wins)", () => {
    expect(isWorkingDay("2026-03-09", { extraWorkingDays: ["2026-03-09"] })).toBe(true);
  });
  it("typing a moved day off again as an extra day off changes nothing else", () => {
    const adj = { extraDaysOff: ["2026-03-09"] };
    expect(isWorkingDay("2026-03-09", adj)).toBe(false);
    expect(isWorkingDay("2026-03-10", adj)).toBe(true);
  });
  it("validates what admins enter", () => {
    expect(validateAdjustments({ extraDaysOff: ["2026-05-27"], extraWorkingDays: ["2026-01-03"] })).toEqual([]);
    expect(validateAdjustments({ extraDaysOff: ["2026-5-27", "2026-06-01"], extraWorkingDays: ["2026-06-01"] })).toEqual([
      'extra day off "2026-5-27" is not a date (YYYY-MM-DD)',
      "2026-06-01 is both an extra day off and an extra working day",
    ]);
  });
});

describe("nextWorkingDayOnOrAfter", () => {
  it("returns the day itself when working, otherwise the first working day after it", () => {
    expect(nextWorkingDayOnOrAfter("2026-04-06")).toBe("2026-04-06");
    expect(nextWorkingDayOnOrAfter("2026-04-04")).toBe("2026-04-06");
    expect(nextWorkingDayOnOrAfter("2026-03-21")).toBe("2026-03-26"); // Nauryz + two moved days
    expect(nextWorkingDayOnOrAfter("2025-12-31")).toBe("2025-12-31");
    expect(nextWorkingDayOnOrAfter("2026-01-01")).toBe("2026-01-05"); // Thu, Fri holidays, weekend
  });
  it("gives up with a reason when adjustments leave no working day", () => {
    const allOff = Array.from({ length: 400 }, (_, i) => addDays("2026-01-01", i));
    expect(() => nextWorkingDayOnOrAfter("2026-01-01", { extraDaysOff: allOff })).toThrow(/check the calendar adjustments/);
  });
  it("refuses a malformed date", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
    expect(toIsoDate(2026, 2, 28)).toBe("2026-02-28");
  });
});
