// Deadline rules as data, shared by the report forms (Appendix 2) and the electronic collections
// (Appendix 1, paragraphs 12–13).
import { addDays, parseIsoDate, toIsoDate, type IsoDate } from "../../lib/dates/dates";
import { periodEnd, type Period, type Periodicity } from "./periods";

// why one kind only: every term in the seed reads "by the Nth day of the month following the
// reporting period". The union leaves room for other wordings without changing callers.
export type DeadlineRule = { kind: "dayOfFollowingMonth"; day: number };

export interface Schedule {
  readonly periodicities: readonly Periodicity[];
  readonly deadline: DeadlineRule;
}

/** The last day the rule allows, before any move off a non-working day. */
export function lastDayByRule(rule: DeadlineRule, period: Period): IsoDate {
  switch (rule.kind) {
    case "dayOfFollowingMonth": {
      const next = parseIsoDate(addDays(periodEnd(period), 1)); // first day of the following month
      // why: "by the 5th day" includes the 5th itself: it is the last day, not the first late one.
      return toIsoDate(next.year, next.month, rule.day);
    }
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/** The rule in the seed's words, for screens: "by the 5th day of the month following the reporting period". */
export function describeRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case "dayOfFollowingMonth":
      return `by the ${ordinal(rule.day)} day of the month following the reporting period`;
  }
}
