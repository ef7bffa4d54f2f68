// Published figures of form 1-M: registered crimes by region and period, computed in SQL from the
// bodies' submitted reports (the month's "total registered" cell).
import "server-only";
import type { Executor } from "@/db/transaction";
import { prepared } from "@/db/statements";
import { REGIONS } from "@/db/reference-data";
import { COMPLETE_1M_YEARS, LAST_SUBMITTED_AT, REGISTERED_CRIMES_BY_MONTH, REGISTERED_CRIMES_BY_YEAR } from "./reporting.sql";

export type CrimeRow = { region: string; regionName: string; period: string; registered: number };

/** Yearly totals by region (or monthly, for one year), from submitted 1-M reports. */
export function registeredCrimes(db: Executor, options: { year?: number } = {}): CrimeRow[] {
  const names = new Map(REGIONS.map((r) => [r.code, r.name]));
  const rows = (
    options.year !== undefined
      ? prepared(db.$client, REGISTERED_CRIMES_BY_MONTH).all({ year: String(options.year) })
      : prepared(db.$client, REGISTERED_CRIMES_BY_YEAR).all()
  ) as { region: string; period: string; registered: number }[];
  return rows.map((r) => ({ ...r, regionName: names.get(r.region) ?? r.region }));
}

export function nationalSeries(db: Executor): { year: string; registered: number }[] {
  const totals = new Map<string, number>();
  for (const r of registeredCrimes(db)) totals.set(r.period, (totals.get(r.period) ?? 0) + r.registered);
  // Only complete years: all 12 months reported by every body.
  const complete = new Set((prepared(db.$client, COMPLETE_1M_YEARS).all() as { year: string }[]).map((r) => r.year));
  return [...totals].filter(([y]) => complete.has(y)).map(([year, registered]) => ({ year, registered }));
}

export function lastUpdated(db: Executor): string {
  const r = prepared(db.$client, LAST_SUBMITTED_AT).get() as { at: string | null };
  return r.at ?? "";
}

export const CRIMES_METADATA = {
  title: "Registered criminal offences by region",
  source: "Legal Statistics and Special Accounts Committee of the General Prosecutor's Office (LSSRPGO): form 1-M reports of the regional bodies",
  unit: "criminal offences registered",
  note: "Demo data: synthetic monthly reports matching the published national and regional totals.",
};
