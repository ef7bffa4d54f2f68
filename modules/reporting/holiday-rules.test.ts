// Holidays as dated rules: the calendar of each year 2020–2027 follows the law in force on each
// date (the 2022 amendment, the 2026 Constitution), and administrators' rules replace shipped ones.
import { describe, expect, it } from "vitest";
import { dayStatus, HOLIDAY_RULES, holidaysOf, isWorkingDay, legalToday, mergeRules, movedDaysOff, type HolidayRule } from "./calendar";

const days = (year: number) => holidaysOf(year).map((h) => h.date);

describe("dated holiday rules", () => {
  it("before the 2022 amendment: 1 December and 16–17 December are days off, 25 October is not", () => {
    for (const year of [2020, 2021]) {
      expect(days(year)).toEqual(expect.arrayContaining([`${year}-12-01`, `${year}-12-16`, `${year}-12-17`]));
      expect(days(year)).not.toContain(`${year}-10-25`);
    }
    expect(dayStatus("2021-12-01")).toEqual({ working: false, reason: "public holiday: Day of the First President" });
    expect(isWorkingDay("2021-10-25")).toBe(true); // a Monday
    expect(isWorkingDay("2021-12-17")).toBe(false); // a Friday
  });
  it("from the 2022 amendment: 25 October is, 1 and 17 December are not", () => {
    expect(dayStatus("2022-10-25")).toEqual({ working: false, reason: "public holiday: Republic Day" });
    expect(isWorkingDay("2022-12-01")).toBe(true); // a Thursday
    for (const year of [2023, 2024, 2025, 2026, 2027]) {
      expect(days(year)).toContain(`${year}-10-25`);
      expect(days(year)).not.toContain(`${year}-12-01`);
      expect(days(year)).not.toContain(`${year}-12-17`);
    }
  });
  it("Constitution Day: 30 August until the 2026 Constitution, 15 March after it", () => {
    expect(movedDaysOff(2025).map((m) => `${m.from}>${m.date}`)).toContain("2025-08-30>2025-09-01");
    expect(days(2026)).not.toContain("2026-08-30");
    expect(isWorkingDay("2026-08-31")).toBe(true); // no Monday off for a Sunday 30 August
    expect(isWorkingDay("2026-03-16")).toBe(true); // 15 March 2026 (Sunday, the referendum) is not yet the holiday
    expect(dayStatus("2027-03-15")).toEqual({ working: false, reason: "public holiday: Constitution Day" });
    expect(isWorkingDay("2027-08-30")).toBe(true); // a Monday
    expect(holidaysOf(2027).find((h) => h.date === "2027-03-15")?.rule.id).toBe("constitution-day-2026");
  });
  it("Kurban ait is a day off on its year's date, not moved off a weekend", () => {
    expect(dayStatus("2025-06-06")).toEqual({ working: false, reason: "public holiday: Kurban ait" });
    expect(isWorkingDay("2024-06-17")).toBe(true); // 16 June 2024 was a Sunday
    expect(isWorkingDay("2026-06-06")).toBe(false); // a Saturday anyway
    expect(isWorkingDay("2025-05-27")).toBe(true); // 2026's date does not apply to 2025
  });
  it("every rule has a legal source, a valid period and a unique id", () => {
    expect(new Set(HOLIDAY_RULES.map((r) => r.id)).size).toBe(HOLIDAY_RULES.length);
    for (const r of HOLIDAY_RULES) {
      expect(r.source.length).toBeGreaterThan(5);
      if (r.validFrom && r.validTo) expect(r.validFrom <= r.validTo).toBe(true);
    }
  });
  it("an administrator's rule with a shipped id replaces it; a new id adds a holiday", () => {
    const ended: HolidayRule = { ...HOLIDAY_RULES.find((r) => r.id === "capital-day")!, validTo: "2026-12-31" };
    const added: HolidayRule = {
      id: "test-day",
      key: null,
      name: "Test Day",
      month: 11,
      day: 4,
      validFrom: "2027-01-01",
      validTo: null,
      movesOffWeekend: true,
      source: "test",
    };
    const rules = mergeRules([ended, added]);
    expect(isWorkingDay("2026-07-06", { holidayRules: rules })).toBe(false);
    expect(isWorkingDay("2027-07-06", { holidayRules: rules })).toBe(true);
    expect(isWorkingDay("2027-07-06")).toBe(false);
    expect(dayStatus("2027-11-04", { holidayRules: rules })).toEqual({ working: false, reason: "public holiday: Test Day" });
    expect(isWorkingDay("2026-11-04", { holidayRules: rules })).toBe(true);
  });
});

describe("the legal day is Kazakhstan's (Asia/Almaty, UTC+5), not UTC", () => {
  it("23:30 UTC is already the next day", () => {
    expect(legalToday(new Date("2026-04-05T23:30:00Z"))).toBe("2026-04-06");
    expect(legalToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(legalToday(new Date("2026-04-06T18:59:59Z"))).toBe("2026-04-06");
    expect(legalToday(new Date("2026-04-06T19:00:00Z"))).toBe("2026-04-07");
  });
});
