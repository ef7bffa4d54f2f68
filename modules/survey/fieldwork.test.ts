import { describe, expect, it } from "vitest";
import { fieldworkWave } from "./fieldwork";

const w2025 = { year: 2025, fieldworkStart: "2025-10-01", fieldworkEnd: "2025-11-30" };
const w2026 = { year: 2026, fieldworkStart: "2026-10-01", fieldworkEnd: "2026-12-15" };
const w2027 = { year: 2027, fieldworkStart: "2027-10-01", fieldworkEnd: "2027-11-30" };

describe("fieldworkWave", () => {
  it("is the wave in fieldwork today, not the newest: opening next year's wave does not move it", () => {
    expect(fieldworkWave([w2025, w2026], "2026-11-26")?.year).toBe(2026);
    expect(fieldworkWave([w2027, w2026, w2025], "2026-11-26")?.year).toBe(2026);
    expect(fieldworkWave([w2025, w2026, w2027], "2026-10-01")?.year).toBe(2026);
    expect(fieldworkWave([w2025, w2026, w2027], "2026-12-15")?.year).toBe(2026);
  });
  it("between fieldworks: the last one that started; before any: the first to come; none: undefined", () => {
    expect(fieldworkWave([w2027, w2026, w2025], "2027-03-01")?.year).toBe(2026);
    expect(fieldworkWave([w2027, w2026], "2025-01-01")?.year).toBe(2026);
    expect(fieldworkWave([], "2026-11-26")).toBeUndefined();
  });
});
