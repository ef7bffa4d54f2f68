// Published figures of form 1-M: registered crimes by region and period, computed in SQL from the
// reports the Committee placed (the month's "total registered" cell, consolidated: see
// reporting.sql.ts). A period not every body of the region is in yet is provisional.
import "server-only";
import type { Executor } from "@/db/transaction";
import { all, get } from "@/db/sql";
import { REGIONS } from "@/db/reference-data";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { COMPLETE_1M_YEARS, LAST_SUBMITTED_AT, REGISTERED_CRIMES_BY_MONTH, REGISTERED_CRIMES_BY_YEAR } from "./reporting.sql";

export type CrimeRow = {
  region: string;
  regionName: string;
  period: string;
  registered: number;
  /** Not every report of the period is in yet (a year still running, a body that has not reported). */
  provisional: boolean;
  /** Reports the figure is made of, and how many the complete period has. */
  reports: number;
  expectedReports: number;
};

/** Yearly totals by region (or monthly, for one year), from published 1-M reports. */
export async function registeredCrimes(db: Executor, options: { year?: number } = {}): Promise<CrimeRow[]> {
  const names = new Map(REGIONS.map((r) => [r.code, r.name]));
  type Row = { region: string; period: string; registered: number; reports: number; expectedReports: number };
  const rows =
    options.year !== undefined ? await all<Row>(db, REGISTERED_CRIMES_BY_MONTH, String(options.year)) : await all<Row>(db, REGISTERED_CRIMES_BY_YEAR);
  return rows.map((r) => ({
    region: r.region,
    regionName: names.get(r.region) ?? r.region,
    period: r.period,
    registered: r.registered,
    provisional: r.reports < r.expectedReports,
    reports: r.reports,
    expectedReports: r.expectedReports,
  }));
}

export async function nationalSeries(db: Executor): Promise<{ year: string; registered: number }[]> {
  const totals = new Map<string, number>();
  for (const r of await registeredCrimes(db)) totals.set(r.period, (totals.get(r.period) ?? 0) + r.registered);
  // Only complete years: all 12 months reported by every body.
  const complete = new Set((await all<{ year: string }>(db, COMPLETE_1M_YEARS)).map((r) => r.year));
  return [...totals].filter(([y]) => complete.has(y)).map(([year, registered]) => ({ year, registered }));
}

export async function lastUpdated(db: Executor): Promise<string> {
  const r = await get<{ at: string | null }>(db, LAST_SUBMITTED_AT);
  return r?.at ?? "";
}

export const CRIMES_METADATA = {
  title: "Registered criminal offences by region",
  source: "Legal Statistics and Special Accounts Committee of the General Prosecutor's Office (LSSRPGO): form 1-M reports of the regional bodies",
  unit: "criminal offences registered",
  note: "Demo data: synthetic monthly reports matching the published national and regional totals.",
  provisional: "A figure marked provisional counts the reports received so far: its period is not over, or a body of the region has not reported yet.",
  license: OPEN_DATA_LICENCE.url,
  licenseTitle: OPEN_DATA_LICENCE.title,
};
