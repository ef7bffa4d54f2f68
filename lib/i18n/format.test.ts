import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("dates per language", () => {
  it("calendar dates", () => {
    expect(formatDate("2026-01-15", "en")).toBe("2026-01-15");
    expect(formatDate("2026-01-15", "ru")).toBe("15.01.2026");
    expect(formatDate("2026-01-15", "kk")).toBe("15.01.2026");
    expect(formatDate("2026-01-15", "fr")).toBe("15/01/2026");
    expect(formatDate("2026-03", "ru")).toBe("2026-03");
  });
  it("as CLDR's short dates write them", () => {
    for (const locale of ["ru", "kk", "fr"])
      expect(formatDate("2026-01-15", locale)).toBe(
        new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date("2026-01-15")),
      );
  });
  it("moments, in Kazakhstan's time by default", () => {
    expect(formatDateTime("2026-01-15T10:05:00.000Z", "en")).toBe("2026-01-15 15:05");
    expect(formatDateTime("2026-01-15T10:05:00.000Z", "ru")).toBe("15.01.2026 15:05");
    expect(formatDateTime("2026-01-15T20:05:00.000Z", "kk")).toBe("16.01.2026 01:05");
    expect(formatDateTime("2026-01-15T10:05:07.000Z", "fr", { timeZone: "UTC", seconds: true })).toBe("15/01/2026 10:05:07");
    expect(formatDateTime("2026-01-15T10:05:07.000Z", "en", { timeZone: "UTC", seconds: true })).toBe("2026-01-15 10:05:07");
  });
});
