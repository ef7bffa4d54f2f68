import { describe, expect, it } from "vitest";
import { addDays, compareDates, dayOfWeek, daysInMonth, isIsoDate, parseIsoDate, toIsoDate } from "./dates";

describe("dates", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    for (const d of ["2026-04-05", "2028-02-29", "1900-01-01", "2999-12-31"]) expect(isIsoDate(d)).toBe(true);
    for (const d of ["2026-4-5", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0099-01-01", "20260405", "", "2026-04-05T00:00"]) {
      expect(isIsoDate(d)).toBe(false);
    }
    expect(() => parseIsoDate("2026-02-30")).toThrow(RangeError);
    expect(() => toIsoDate(2026, 2, 30)).toThrow(RangeError);
  });
  it("adds days across month, leap-day and year ends", () => {
    expect(addDays("2026-03-31", 1)).toBe("2026-04-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });
  it("knows weekdays (0 = Sunday) and month lengths", () => {
    expect(dayOfWeek("2026-04-05")).toBe(0);
    expect(dayOfWeek("2026-04-06")).toBe(1);
    expect(dayOfWeek("2026-10-10")).toBe(6);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(compareDates("2025-12-31", "2026-01-01")).toBe(-1);
  });
});
