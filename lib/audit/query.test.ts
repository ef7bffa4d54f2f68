// The log-journal is read in Kazakhstan's time: a local day starts at 19:00 UTC the day before.
import { describe, expect, it } from "vitest";
import { localDayStartUtc } from "./query";

describe("localDayStartUtc", () => {
  it("is local midnight in Asia/Almaty (UTC+5) as a UTC instant", () => {
    expect(localDayStartUtc("2026-04-06")).toBe("2026-04-05T19:00:00.000Z");
    expect(localDayStartUtc("2027-01-01")).toBe("2026-12-31T19:00:00.000Z");
  });
});
