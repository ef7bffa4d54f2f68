import { describe, expect, it } from "vitest";
import { collectionDueDate, dueDate, scheduleDueDate } from "./deadlines";
import { findForm, REPORT_FORMS } from "./forms";
import type { CalendarAdjustments } from "./calendar";

const due = (form: number, period: string, adj?: CalendarAdjustments) => {
  const r = dueDate(form, period, adj);
  if (!r.ok) throw new Error(r.reason);
  return r.value.due;
};
const refusal = (r: { ok: true } | { ok: false; reason: string }) => (r.ok ? null : r.reason);

describe("dueDate", () => {
  it("answers form 1 / 2026-03 as in the brief (5 April 2026 is a Sunday)", () => {
    expect(dueDate(1, "2026-03")).toEqual({ ok: true, value: { form: 1, code: "1-M", period: "2026-03", due: "2026-04-06" } });
    expect(dueDate(findForm(1)!, "2026-03")).toEqual(dueDate(1, "2026-03"));
  });
  it("gives every form its term for March / Q1 2026 (April: 5th and 12th Sundays)", () => {
    const expected: Record<number, string> = {
      5: "2026-04-06",
      7: "2026-04-07",
      8: "2026-04-08",
      9: "2026-04-09",
      10: "2026-04-10",
      12: "2026-04-13",
      20: "2026-04-20",
    };
    for (const f of REPORT_FORMS) {
      const period = f.periodicity === "monthly" ? "2026-03" : "2026-Q1";
      expect(dueDate(f.number, period)).toEqual({ ok: true, value: { form: f.number, code: f.code, period, due: expected[f.deadline.day] } });
    }
  });
  it("monthly across a year end, onto a working day and onto a holiday", () => {
    expect(due(1, "2025-12")).toBe("2026-01-05"); // Monday
    expect(due(7, "2025-12")).toBe("2026-01-08"); // 7 January is Orthodox Christmas
    expect(due(7, "2026-04")).toBe("2026-05-08"); // 7 May is Defender of the Fatherland Day
  });
  it("when a holiday on a weekend moved the day off onto the deadline", () => {
    expect(due(26, "2026-02")).toBe("2026-03-10"); // 8 March was a Sunday: Monday 9 is off
    expect(due(5, "2025-02")).toBe("2025-03-11"); // 8 March 2025 was a Saturday: Monday 10 is off
    expect(due(26, "2026-04")).toBe("2026-05-12"); // 9 May Saturday, Sunday, moved Monday 11
  });
  it("quarterly, across a year end and weekends", () => {
    expect(due(2, "2025-Q4")).toBe("2026-01-12"); // 1-N, 12th, a Monday
    expect(due(3, "2026-Q4")).toBe("2027-01-11"); // 10 January 2027 is a Sunday
    expect(due(9, "2026-Q3")).toBe("2026-10-12"); // 10 October 2026 is a Saturday
    expect(due(22, "2025-Q4")).toBe("2026-01-08"); // CIS-3, 8th, a Thursday
    expect(due(6, "2026-Q2")).toBe("2026-07-20"); // 1-AD, 20th
  });
  it("an extra day off pushes a deadline; an extra working day holds one", () => {
    expect(due(1, "2026-05")).toBe("2026-06-05");
    expect(due(1, "2026-05", { extraDaysOff: ["2026-06-05"] })).toBe("2026-06-08"); // over the weekend
    expect(due(9, "2026-Q3", { extraWorkingDays: ["2026-10-10"] })).toBe("2026-10-10"); // a working Saturday
    expect(due(26, "2026-02", { extraWorkingDays: ["2026-03-09"] })).toBe("2026-03-09"); // decree cancels the moved day
    expect(due(1, "2026-03", { extraDaysOff: ["2026-04-06"] })).toBe("2026-04-07");
  });
  it("refuses a period that does not fit the form, with a reason", () => {
    expect(refusal(dueDate(1, "2026-Q1"))).toBe("form 1 is monthly: give a month like 2026-03");
    expect(refusal(dueDate(25, "2026"))).toBe("form 25 is monthly: give a month like 2026-12");
    expect(refusal(dueDate(2, "2026-03"))).toBe("form 2 is quarterly: give a quarter like 2026-Q1");
    expect(refusal(dueDate(3, "2026-H1"))).toBe("form 3 is quarterly: give a quarter like 2026-Q2");
    expect(refusal(dueDate(1, "2026-3"))).toMatch(/^malformed period/);
    expect(refusal(dueDate(27, "2026-03"))).toBe("unknown form 27: forms are numbered 1–26");
  });
  it("normalises the period it echoes", () => {
    expect(dueDate(2, "2025-q4")).toMatchObject({ ok: true, value: { period: "2025-Q4" } });
  });
});

describe("collectionDueDate", () => {
  it("quarterly collections by the 14th of the month after the quarter", () => {
    expect(collectionDueDate(1, "2026-Q1")).toEqual({ ok: true, value: { collection: 1, period: "2026-Q1", due: "2026-04-14" } });
    expect(collectionDueDate(6, "2025-Q4")).toMatchObject({ value: { due: "2026-01-14" } });
    expect(collectionDueDate(4, "2029-Q2")).toMatchObject({ value: { due: "2029-07-16" } }); // 14 July 2029 a Saturday
  });
  it("half-year and year for collection 5, across year ends and weekends", () => {
    expect(collectionDueDate(5, "2026-H1")).toMatchObject({ value: { due: "2026-07-14" } });
    expect(collectionDueDate(5, "2029-H1")).toMatchObject({ value: { due: "2029-07-16" } });
    expect(collectionDueDate(5, "2026")).toMatchObject({ value: { due: "2027-01-14" } });
    expect(collectionDueDate(5, "2023")).toMatchObject({ value: { due: "2024-01-15" } }); // 14 January 2024 a Sunday
  });
  it("refuses periods that do not fit", () => {
    expect(refusal(collectionDueDate(5, "2026-H2"))).toBe("collection 5 reports the second half-year as the year: give 2026");
    expect(refusal(collectionDueDate(5, "2026-Q2"))).toBe("collection 5 is half-yearly and yearly: give a half-year like 2026-H1 or a year like 2026");
    expect(refusal(collectionDueDate(1, "2026"))).toBe("collection 1 is quarterly: give a quarter like 2026-Q4");
    expect(refusal(collectionDueDate(7, "2026-Q1"))).toBe("unknown collection 7: collections are numbered 1–6");
  });
});

describe("scheduleDueDate", () => {
  it("shows the rule's day next to the moved due date; covers monthly, half-yearly and yearly schedules", () => {
    const rule = { kind: "dayOfFollowingMonth", day: 5 } as const;
    expect(scheduleDueDate({ periodicities: ["monthly"], deadline: rule }, "x", "2026-03")).toMatchObject({
      value: { lastDayByRule: "2026-04-05", due: "2026-04-06" },
    });
    expect(scheduleDueDate({ periodicities: ["halfYearly"], deadline: rule }, "x", "2026-H2")).toMatchObject({
      value: { lastDayByRule: "2027-01-05", due: "2027-01-05" },
    });
    expect(scheduleDueDate({ periodicities: ["yearly"], deadline: rule }, "x", "2025")).toMatchObject({
      value: { lastDayByRule: "2026-01-05", due: "2026-01-05" },
    });
  });
});
