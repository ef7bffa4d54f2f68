// Calendar dates as "YYYY-MM-DD" strings.
// why: deadlines are legal calendar days in Kazakhstan, not instants; a Date in a time zone
// (server in UTC, user in Asia/Almaty) could shift a day. Arithmetic here goes through UTC
// midnights only, where every day has exactly 86 400 000 ms.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// why: Date.UTC maps years 0–99 to 1900–1999; legal statistics never need dates outside this range.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar date in "YYYY-MM-DD" form (no 2026-02-30, no 2026-4-5). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws on a malformed date: callers pass dates they produced or validated, so this is a bug. */
export function parseIsoDate(text: IsoDate): YearMonthDay {
  if (!isIsoDate(text)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isIsoDate(text)) throw new RangeError(`not a date: ${year}-${month}-${day}`);
  return text;
}

function toUtcMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(toUtcMs(date) + days * DAY_MS);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

// why: "YYYY-MM-DD" strings sort like the dates they name, so plain comparison is enough.
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
