// Kazakhstan's working-day calendar (five-day week), for legal deadlines.
//
// Reading of the law (the seed instruction only says, in its paragraph 13, that a term ending
// on "a non-working day (weekend, holiday)" ends on the first working day after it):
// - Public holidays are dated rules (definitions/holidays.json, with their legal source): the law
//   moves them (the 2022 amendment added 25 October and removed 1 and 17 December; the
//   Constitution of 2026 makes 15 March Constitution Day), so a rule says from when to when it
//   gives its day. Administrators add or end rules (server/calendar.ts); these are the shipped ones.
// - Labour Code art. 84: when a holiday coincides with a day off (Saturday or Sunday), the day
//   off moves to the next working day after the holiday. Applied to the state and national
//   holidays only. Religious holidays (7 January, Orthodox Christmas; the first day of Kurban
//   ait) are days off but are not moved off weekends (Ministry of Labour practice, e.g. Kurban
//   ait on Sunday 11 August 2019 gave no Monday off).
// - Consecutive holidays on a weekend move to consecutive working days (Nauryz 2026: 21 Sat,
//   22 Sun, 23 Mon gives 24 and 25 March off).
// - Anything else the Government decides each year (moved days under Labour Code art. 85, a
//   Saturday made a working day) is data: CalendarAdjustments.
import { addDays, compareDates, dayOfWeek, isIsoDate, isWeekend, parseIsoDate, toIsoDate, type IsoDate } from "../../lib/dates/dates";
import shipped from "./definitions/holidays.json";

export interface HolidayRule {
  /** Stable id ("constitution-day-2026"); an administrator's rule with a shipped id replaces it. */
  readonly id: string;
  /** Its name in the catalogues (calendar.holidays.<key>); rules added by administrators may have none. */
  readonly key: string | null;
  readonly name: string;
  readonly month: number;
  readonly day: number;
  /** First and last date to which the rule applies, inclusive; null = open. */
  readonly validFrom: IsoDate | null;
  readonly validTo: IsoDate | null;
  /** false for religious holidays: they are not moved when they fall on a weekend. */
  readonly movesOffWeekend: boolean;
  /** The law or decision that states it. */
  readonly source: string;
}

export const HOLIDAY_RULES: readonly HolidayRule[] = shipped.rules;
export const HOLIDAY_NOTES: readonly string[] = shipped.notes;

export interface CalendarAdjustments {
  /** Extra days off: days moved by a Government decree. */
  readonly extraDaysOff?: readonly IsoDate[];
  /** Extra working days: a Saturday or Sunday made a working day by a decree. */
  readonly extraWorkingDays?: readonly IsoDate[];
  /** The holiday rules in force; the shipped ones when absent. */
  readonly holidayRules?: readonly HolidayRule[];
}

export const NO_ADJUSTMENTS: CalendarAdjustments = Object.freeze({});

/** The shipped rules with administrators' rules merged in: same id replaces, a new id adds. */
export function mergeRules(extra: readonly HolidayRule[]): readonly HolidayRule[] {
  if (!extra.length) return HOLIDAY_RULES;
  const byId = new Map(HOLIDAY_RULES.map((r) => [r.id, r]));
  for (const r of extra) byId.set(r.id, r);
  return [...byId.values()];
}

/** Whether the rule gives its day on `date` (the date's month and day, inside its validity). */
export function ruleAppliesOn(rule: HolidayRule, date: IsoDate): boolean {
  const { month, day } = parseIsoDate(date);
  if (rule.month !== month || rule.day !== day) return false;
  if (rule.validFrom && compareDates(date, rule.validFrom) < 0) return false;
  if (rule.validTo && compareDates(date, rule.validTo) > 0) return false;
  return true;
}

export interface HolidayOccurrence {
  date: IsoDate;
  rule: HolidayRule;
}

/** The holidays of a year as the rules in force on each date give them, in date order. */
export function holidaysOf(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): HolidayOccurrence[] {
  const found: HolidayOccurrence[] = [];
  for (const rule of rules) {
    if (rule.month === 2 && rule.day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) continue;
    const date = toIsoDate(year, rule.month, rule.day);
    if (ruleAppliesOn(rule, date)) found.push({ date, rule });
  }
  return found.sort((a, b) => compareDates(a.date, b.date));
}

function holidayOn(date: IsoDate, rules: readonly HolidayRule[]): HolidayRule | undefined {
  return rules.find((r) => ruleAppliesOn(r, date));
}

export interface MovedDayOff {
  date: IsoDate;
  from: IsoDate;
  name: string;
  rule: HolidayRule;
}

const movedCache = new WeakMap<readonly HolidayRule[], Map<number, readonly MovedDayOff[]>>();

/**
 * Days off moved by the law from holidays on a weekend, for the holidays of `year`.
 * why: computed from the rules alone, never from adjustments, so an admin who also types the
 * moved day as an extra day off (as the Government's yearly list shows it) changes nothing.
 */
export function movedDaysOff(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): readonly MovedDayOff[] {
  let byYear = movedCache.get(rules);
  if (!byYear) movedCache.set(rules, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const moved: MovedDayOff[] = [];
  const taken = new Set<IsoDate>();
  for (const { date: from, rule } of holidaysOf(year, rules)) {
    if (!rule.movesOffWeekend || !isWeekend(from)) continue;
    let date = addDays(from, 1);
    while (isWeekend(date) || holidayOn(date, rules) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    moved.push({ date, from, name: rule.name, rule });
  }
  byYear.set(year, moved);
  return moved;
}

export type DayStatus = { working: true; reason: "working day" | "extra working day" } | { working: false; reason: string };

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * Whether `date` is a working day, and why not — for showing why a deadline moved.
 * Precedence: adjustments first (a decree overrides the general rule), then weekend, holiday,
 * moved day off.
 */
export function dayStatus(date: IsoDate, adjustments: CalendarAdjustments = NO_ADJUSTMENTS): DayStatus {
  const { year } = parseIsoDate(date);
  const rules = adjustments.holidayRules ?? HOLIDAY_RULES;
  if (adjustments.extraWorkingDays?.includes(date)) return { working: true, reason: "extra working day" };
  if (adjustments.extraDaysOff?.includes(date)) return { working: false, reason: "extra day off" };
  if (isWeekend(date)) return { working: false, reason: WEEKDAY_NAMES[dayOfWeek(date)] };
  const holiday = holidayOn(date, rules);
  if (holiday) return { working: false, reason: `public holiday: ${holiday.name}` };
  // why: also the previous year's list, so a move across New Year would be found; none happens
  // with today's holidays (the last is 16 December), but the rules may change.
  for (const y of [year, year - 1]) {
    if (y < 1900) continue;
    const m = movedDaysOff(y, rules).find((d) => d.date === date);
    if (m) return { working: false, reason: `day off moved from ${m.from} (${m.name})` };
  }
  return { working: true, reason: "working day" };
}

export function isWorkingDay(date: IsoDate, adjustments: CalendarAdjustments = NO_ADJUSTMENTS): boolean {
  return dayStatus(date, adjustments).working;
}

// why: a bound instead of an endless loop if adjustments declare a whole year off by mistake.
const SEARCH_LIMIT_DAYS = 366;

export function nextWorkingDayOnOrAfter(date: IsoDate, adjustments: CalendarAdjustments = NO_ADJUSTMENTS): IsoDate {
  let d = date;
  for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++) {
    if (isWorkingDay(d, adjustments)) return d;
    d = addDays(d, 1);
  }
  throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days after ${date}: check the calendar adjustments`);
}

/** Reasons why admin-entered adjustments cannot be used; empty when they are fine. */
export function validateAdjustments(adjustments: CalendarAdjustments): string[] {
  const reasons: string[] = [];
  const off = adjustments.extraDaysOff ?? [];
  const working = adjustments.extraWorkingDays ?? [];
  for (const d of off) if (!isIsoDate(d)) reasons.push(`extra day off ${JSON.stringify(d)} is not a date (YYYY-MM-DD)`);
  for (const d of working) if (!isIsoDate(d)) reasons.push(`extra working day ${JSON.stringify(d)} is not a date (YYYY-MM-DD)`);
  for (const d of off) if (working.includes(d)) reasons.push(`${d} is both an extra day off and an extra working day`);
  return reasons;
}

/** The working day `n` working days before `date` (n = 0: `date` itself). */
export function workingDaysBefore(date: IsoDate, n: number, adjustments: CalendarAdjustments = NO_ADJUSTMENTS): IsoDate {
  let d = date;
  let left = n;
  for (let i = 0; left > 0; i++) {
    if (i > SEARCH_LIMIT_DAYS) throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days before ${date}: check the calendar adjustments`);
    d = addDays(d, -1);
    if (isWorkingDay(d, adjustments)) left--;
  }
  return d;
}

/** Kazakhstan's legal time zone: a deadline is a calendar day there, not in UTC. */
export const LEGAL_TIME_ZONE = "Asia/Almaty";

const LEGAL_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: LEGAL_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Kazakhstan at `at` (now by default): 23:30 UTC is already the next day there. */
export function legalToday(at: Date = new Date()): IsoDate {
  return LEGAL_DAY.format(at);
}
