// Published figures of form 1-M: registered crimes by region and period, computed in SQL from the
// bodies' submitted reports (the month's "total registered" cell).
import "server-only";
import { getDb } from "@/db/client";
import { REGIONS } from "@/db/reference-data";

export type CrimeRow = { region: string; regionName: string; period: string; registered: number };

/** Yearly totals by region (or monthly, for one year), from submitted 1-M reports. */
export function registeredCrimes(options: { year?: number } = {}): CrimeRow[] {
  const names = new Map(REGIONS.map((r) => [r.code, r.name]));
  const byMonth = options.year !== undefined;
  const rows = getDb().$client.prepare(
    `select b.region_code as region, ${byMonth ? "f.period" : "substr(f.period, 1, 4)"} as period, sum(a.num) as registered
       from report_filings f
       join reporting_bodies b on b.id = f.body_id
       join answers a on a.response_id = f.response_id and a.cell = 'q1:total:period'
      where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7
        ${byMonth ? "and substr(f.period, 1, 4) = @year" : ""}
      group by 1, 2 order by 2, 1`,
  ).all(byMonth ? { year: String(options.year) } : {}) as { region: string; period: string; registered: number }[];
  return rows.map((r) => ({ ...r, regionName: names.get(r.region) ?? r.region }));
}

export function nationalSeries(): { year: string; registered: number }[] {
  const totals = new Map<string, number>();
  for (const r of registeredCrimes()) totals.set(r.period, (totals.get(r.period) ?? 0) + r.registered);
  // Only complete years: all 12 months reported by every body.
  const complete = new Set((getDb().$client.prepare(
    `select substr(period, 1, 4) as year from report_filings where form_number = 1 and status = 'submitted' and length(period) = 7
      group by 1 having count(*) = 12 * (select count(*) from reporting_bodies)`,
  ).all() as { year: string }[]).map((r) => r.year));
  return [...totals].filter(([y]) => complete.has(y)).map(([year, registered]) => ({ year, registered }));
}

export function lastUpdated(): string {
  const r = getDb().$client.prepare("select max(submitted_at) as at from report_filings where status = 'submitted'").get() as { at: string | null };
  return r.at ?? "";
}

export const CRIMES_METADATA = {
  title: "Registered criminal offences by region",
  source: "Legal Statistics and Special Accounts Committee of the General Prosecutor's Office (LSSRPGO): form 1-M reports of the regional bodies",
  unit: "criminal offences registered",
  note: "Demo data: synthetic monthly reports matching the published national and regional totals.",
};
