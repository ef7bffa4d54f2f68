// Reporting periods: "2026-03" (month), "2025-Q4" (quarter), "2026-H1" (half-year), "2026" (year).
import { addDays, compareDates, daysInMonth, MAX_YEAR, MIN_YEAR, parseIsoDate, toIsoDate, type IsoDate } from "../../lib/dates/dates";

export type Period =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "half"; year: number; half: number }
  | { kind: "year"; year: number };

export type Periodicity = "monthly" | "quarterly" | "halfYearly" | "yearly";

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; reason: string };

const HINT = "give a month (2026-03), a quarter (2025-Q4), a half-year (2026-H1) or a year (2026)";

function malformed(detail: string): ParsedPeriod {
  return { ok: false, reason: `malformed period: ${detail}; ${HINT}` };
}

/** Parses a period; lower-case "q"/"h" and surrounding spaces are accepted (people type them). */
export function parsePeriod(input: string): ParsedPeriod {
  const text = input.trim().toUpperCase();
  if (text === "") return malformed("empty");
  const m = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)))?$/.exec(text);
  if (!m) return malformed(JSON.stringify(input));
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return malformed(`year ${m[1]} is out of range ${MIN_YEAR}–${MAX_YEAR}`);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return malformed(`month ${m[2]} does not exist`);
    return { ok: true, period: { kind: "month", year, month } };
  }
  if (m[3] !== undefined) {
    const quarter = Number(m[3]);
    if (quarter < 1 || quarter > 4) return malformed(`quarter Q${m[3]} does not exist (Q1–Q4)`);
    return { ok: true, period: { kind: "quarter", year, quarter } };
  }
  if (m[4] !== undefined) {
    const half = Number(m[4]);
    if (half < 1 || half > 2) return malformed(`half-year H${m[4]} does not exist (H1 or H2)`);
    return { ok: true, period: { kind: "half", year, half } };
  }
  return { ok: true, period: { kind: "year", year } };
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.month).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.quarter}`;
    case "half":
      return `${p.year}-H${p.half}`;
    case "year":
      return String(p.year);
  }
}

function periodicityOf(p: Period): Periodicity {
  return ({ month: "monthly", quarter: "quarterly", half: "halfYearly", year: "yearly" } as const)[p.kind];
}

function months(p: Period): [first: number, last: number] {
  switch (p.kind) {
    case "month":
      return [p.month, p.month];
    case "quarter":
      return [p.quarter * 3 - 2, p.quarter * 3];
    case "half":
      return [p.half * 6 - 5, p.half * 6];
    case "year":
      return [1, 12];
  }
}

export function periodStart(p: Period): IsoDate {
  return toIsoDate(p.year, months(p)[0], 1);
}

export function periodEnd(p: Period): IsoDate {
  const last = months(p)[1];
  return toIsoDate(p.year, last, daysInMonth(p.year, last));
}

/** The period of the given periodicity that contains `date`. */
function periodContaining(date: IsoDate, periodicity: Periodicity): Period {
  const { year, month } = parseIsoDate(date);
  switch (periodicity) {
    case "monthly":
      return { kind: "month", year, month };
    case "quarterly":
      return { kind: "quarter", year, quarter: Math.ceil(month / 3) };
    case "halfYearly":
      return { kind: "half", year, half: month <= 6 ? 1 : 2 };
    case "yearly":
      return { kind: "year", year };
  }
}

/**
 * Periods of `periodicity` that overlap the inclusive range from–to, oldest first.
 * why overlap rather than containment: a listing "from 15 January" must still show January.
 */
export function periodsBetween(from: IsoDate, to: IsoDate, periodicity: Periodicity): Period[] {
  if (compareDates(from, to) > 0) throw new RangeError(`range ends before it starts: ${from} – ${to}`);
  const result: Period[] = [];
  let p = periodContaining(from, periodicity);
  while (compareDates(periodStart(p), to) <= 0) {
    result.push(p);
    p = periodContaining(addDays(periodEnd(p), 1), periodicity);
  }
  return result;
}

const PERIODICITY_WORDS: Record<Periodicity, { adjective: string; noun: string }> = {
  monthly: { adjective: "monthly", noun: "a month" },
  quarterly: { adjective: "quarterly", noun: "a quarter" },
  halfYearly: { adjective: "half-yearly", noun: "a half-year" },
  yearly: { adjective: "yearly", noun: "a year" },
};

/**
 * Why `period` does not fit a schedule with these periodicities, or null when it fits.
 * `subject` names the schedule in the reason ("form 1").
 *
 * why the second half-year is refused when a schedule is both half-yearly and yearly: reports
 * are cumulative ("results of half-year and year", paragraph 13), so the second six months are
 * the year's report; an "H2" report would duplicate it with the same deadline.
 */
export function periodMismatch(period: Period, periodicities: readonly Periodicity[], subject: string): string | null {
  const halfAndYear = periodicities.includes("halfYearly") && periodicities.includes("yearly");
  const fits = periodicities.includes(periodicityOf(period)) && !(halfAndYear && period.kind === "half" && period.half === 2);
  if (fits) return null;
  if (halfAndYear && period.kind === "half") {
    return `${subject} reports the second half-year as the year: give ${period.year}`;
  }
  const end = periodEnd(period);
  const examples = periodicities.map((pe) => {
    const example = halfAndYear && pe === "halfYearly" ? { kind: "half" as const, year: period.year, half: 1 } : periodContaining(end, pe);
    return `${PERIODICITY_WORDS[pe].noun} like ${formatPeriod(example)}`;
  });
  const adjectives = periodicities.map((pe) => PERIODICITY_WORDS[pe].adjective).join(" and ");
  return `${subject} is ${adjectives}: give ${examples.join(" or ")}`;
}
