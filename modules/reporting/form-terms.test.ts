// Placement terms (Appendix 2, moved off non-working days) and the bodies' filing deadlines (two
// working days before by default) of every form, 2025–2027, with days off moved by the law.
import { describe, expect, it } from "vitest";
import { addDays, compareDates } from "../../lib/dates/dates";
import { isWorkingDay } from "./calendar";
import { formTerms } from "./deadlines";
import { REPORT_FORMS } from "./forms";
import { formatPeriod, periodsBetween } from "./periods";
import { lastDayByRule } from "./schedule";

const terms = (form: number, period: string, daysBefore?: number) => {
  const r = formTerms(form, period, undefined, daysBefore);
  if (!r.ok) throw new Error(r.reason);
  return [r.value.due, r.value.filingDue];
};

describe("placement term and filing deadline, computed by hand", () => {
  it.each([
    // form, period, placement term, filing deadline, why
    [1, "2025-02", "2025-03-05", "2025-03-03", "Wednesday; Monday two working days before"],
    [1, "2026-03", "2026-04-06", "2026-04-02", "5 April 2026 is a Sunday"],
    [4, "2025-03", "2025-04-14", "2025-04-10", "1-OL: 12 April 2025 is a Saturday"],
    [26, "2026-02", "2026-03-10", "2026-03-05", "3-K: 9 March 2026 is the day off moved from Sunday 8 March"],
    [7, "2025-12", "2026-01-08", "2026-01-05", "DTP-1: 7 January is Orthodox Christmas"],
    [7, "2026-04", "2026-05-08", "2026-05-05", "DTP-1: 7 May is Defender of the Fatherland Day"],
    [1, "2026-12", "2027-01-05", "2026-12-30", "the filing deadline skips 1 January and the day off moved from Saturday 2 January 2027"],
    [5, "2027-04", "2027-05-11", "2027-05-05", "1-E: 10 May 2027 is the day off moved from Sunday 9 May; 7 May a holiday"],
    [22, "2026-Q4", "2027-01-08", "2027-01-05", "CIS-3: the filing deadline skips Orthodox Christmas 2027"],
    [6, "2025-Q1", "2025-04-21", "2025-04-17", "1-AD: 20 April 2025 is a Sunday"],
    [1, "2025-08", "2025-09-05", "2025-09-03", "1 September 2025 (moved from 30 August) is before the term"],
    [26, "2025-08", "2025-09-09", "2025-09-05", "3-K"],
    [2, "2027-Q1", "2027-04-12", "2027-04-08", "1-N"],
  ])("form %i, %s: placement %s, filing %s (%s)", (form, period, due, filingDue) => {
    expect(terms(form, period)).toEqual([due, filingDue]);
  });
  it("the Committee's number of working days moves the filing deadline, not the placement term", () => {
    expect(terms(1, "2026-03", 0)).toEqual(["2026-04-06", "2026-04-06"]);
    expect(terms(1, "2026-03", 5)).toEqual(["2026-04-06", "2026-03-30"]);
  });
});

describe("every form, every period of 2025–2027", () => {
  const cases = REPORT_FORMS.flatMap((form) => periodsBetween("2025-01-01", "2027-12-31", form.periodicity).map((p) => ({ form, period: formatPeriod(p), p })));
  it("has 26 forms and their periods", () => {
    expect(cases).toHaveLength(6 * 36 + 20 * 12);
  });
  it("places on the rule's day or the first working day after it, and files exactly two working days before", () => {
    for (const { form, period, p } of cases) {
      const [due, filingDue] = terms(form.number, period);
      const byRule = lastDayByRule(form.deadline, p);
      expect(isWorkingDay(due), `${form.number} ${period}`).toBe(true);
      for (let d = byRule; compareDates(d, due) < 0; d = addDays(d, 1)) expect(isWorkingDay(d), `${form.number} ${period} ${d}`).toBe(false);
      expect(isWorkingDay(filingDue)).toBe(true);
      let working = 0;
      for (let d = filingDue; compareDates(d, due) < 0; d = addDays(d, 1)) if (isWorkingDay(d)) working++;
      expect(working, `${form.number} ${period}`).toBe(2);
    }
  });
});
