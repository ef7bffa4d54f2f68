// Kazakhstan's working-day calendar (five-day week), for legal deadlines.
//
// Reading of the law (the seed instruction only says, in its paragraph 13, that a term ending
// on "a non-working day (weekend, holiday)" ends on the first working day after it):
// - Public holidays: Law "On holidays in the Republic of Kazakhstan" as amended in 2022
//   (Republic Day 25 October added; 1 December and 17 December no longer days off). The same
//   list is applied to every year; earlier years' differences go in as adjustments.
// - Article 5 of that Law: when a holiday coincides with a day off (Saturday or Sunday), the day
//   off moves to the next working day after the holiday. Applied to the state and national
//   holidays only. Religious holidays (7 January, Orthodox Christmas; the first day of Kurban
//   ait) are days off under Labour Code art. 84 but are not moved off weekends (Ministry of
//   Labour practice, e.g. Kurban ait on Sunday 11 August 2019 gave no Monday off).
// - Consecutive holidays on a weekend move to consecutive working days (Nauryz 2026: 21 Sat,
//   22 Sun, 23 Mon gives 24 and 25 March off).
// - Anything else the Government decides each year (moved days under Labour Code art. 85, the
//   date of Kurban ait, a Saturday made a working day) is data: CalendarAdjustments.
import { addDays, dayOfWeek, isIsoDate, isWeekend, parseIsoDate, toIsoDate, type IsoDate } from "../../lib/dates/dates";

export interface CalendarAdjustments {
  /** Extra days off: Kurban ait, days moved by a Government decree. */
  readonly extraDaysOff?: readonly IsoDate[];
  /** Extra working days: a Saturday or Sunday made a working day by a decree. */
  readonly extraWorkingDays?: readonly IsoDate[];
}

export const NO_ADJUSTMENTS: CalendarAdjustments = Object.freeze({});

export interface PublicHoliday {
  month: number;
  day: number;
  name: string;
  /** Its name in the catalogues (calendar.holidays.<key>). */
  key: string;
  /** false for religious holidays: they are not moved when they fall on a weekend. */
  movesOffWeekend: boolean;
}

export const PUBLIC_HOLIDAYS: readonly PublicHoliday[] = [
  { month: 1, day: 1, name: "New Year", key: "newYear", movesOffWeekend: true },
  { month: 1, day: 2, name: "New Year", key: "newYear", movesOffWeekend: true },
  { month: 1, day: 7, name: "Orthodox Christmas", key: "orthodoxChristmas", movesOffWeekend: false },
  { month: 3, day: 8, name: "International Women's Day", key: "womensDay", movesOffWeekend: true },
  { month: 3, day: 21, name: "Nauryz meyramy", key: "nauryz", movesOffWeekend: true },
  { month: 3, day: 22, name: "Nauryz meyramy", key: "nauryz", movesOffWeekend: true },
  { month: 3, day: 23, name: "Nauryz meyramy", key: "nauryz", movesOffWeekend: true },
  { month: 5, day: 1, name: "Kazakhstan People's Unity Day", key: "unityDay", movesOffWeekend: true },
  { month: 5, day: 7, name: "Defender of the Fatherland Day", key: "defenderDay", movesOffWeekend: true },
  { month: 5, day: 9, name: "Victory Day", key: "victoryDay", movesOffWeekend: true },
  { month: 7, day: 6, name: "Capital Day", key: "capitalDay", movesOffWeekend: true },
  { month: 8, day: 30, name: "Constitution Day", key: "constitutionDay", movesOffWeekend: true },
  { month: 10, day: 25, name: "Republic Day", key: "republicDay", movesOffWeekend: true },
  { month: 12, day: 16, name: "Independence Day", key: "independenceDay", movesOffWeekend: true },
];

function holidayOn(date: IsoDate): PublicHoliday | undefined {
  const { month, day } = parseIsoDate(date);
  return PUBLIC_HOLIDAYS.find((h) => h.month === month && h.day === day);
}

export interface MovedDayOff {
  date: IsoDate;
  from: IsoDate;
  name: string;
}

const movedCache = new Map<number, readonly MovedDayOff[]>();

/**
 * Days off moved by the law from holidays on a weekend, for the holidays of `year`.
 * why: computed from the law alone, never from adjustments, so an admin who also types the
 * moved day as an extra day off (as the Government's yearly list shows it) changes nothing.
 */
export function movedDaysOff(year: number): readonly MovedDayOff[] {
  const cached = movedCache.get(year);
  if (cached) return cached;
  const moved: MovedDayOff[] = [];
  const taken = new Set<IsoDate>();
  for (const h of PUBLIC_HOLIDAYS) {
    const from = toIsoDate(year, h.month, h.day);
    if (!h.movesOffWeekend || !isWeekend(from)) continue;
    let date = addDays(from, 1);
    while (isWeekend(date) || holidayOn(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    moved.push({ date, from, name: h.name });
  }
  movedCache.set(year, moved);
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
  if (adjustments.extraWorkingDays?.includes(date)) return { working: true, reason: "extra working day" };
  if (adjustments.extraDaysOff?.includes(date)) return { working: false, reason: "extra day off" };
  if (isWeekend(date)) return { working: false, reason: WEEKDAY_NAMES[dayOfWeek(date)] };
  const holiday = holidayOn(date);
  if (holiday) return { working: false, reason: `public holiday: ${holiday.name}` };
  // why: also the previous year's list, so a move across New Year would be found; none happens
  // with today's holidays (the last is 16 December), but the list may change.
  for (const y of [year, year - 1]) {
    if (y < 1900) continue;
    const m = movedDaysOff(y).find((d) => d.date === date);
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
