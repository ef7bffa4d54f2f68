// Offences registered in form 1-M by line, region and year, for comparisons with other sources
// (the survey's unrecorded crime, the CEPEJ reply). Counts come from the accepted reports: the
// monthly "for the reporting period" column of each line, summed over the year's months.
// The one place that says which reports count, so that it can move to the placed (published)
// consolidated reports without touching the comparisons.
import "server-only";
import type { Executor } from "@/db/transaction";
import { prepared } from "@/db/statements";

/** Accepted reports of a year: submitted, not returned, monthly, with the line's monthly cell.
 *  why raw SQL: an aggregate over answers by a computed cell key for several lines at once, read
 *  by the analysis page and API on each request; prepared once per connection. */
const REGISTERED_BY_LINE = `
  select b.region_code as region, substr(a.cell, 4, length(a.cell) - 10) as line, sum(a.num) as registered, count(*) as months
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and a.cell like 'q1:%:period' and a.num is not null
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7 and substr(f.period, 1, 4) = @year
   group by 1, 2`;

/** Of a year: how many monthly 1-M reports were accepted per region, and how many bodies there are.
 *  why raw SQL: as above. */
const MONTHS_BY_REGION = `
  select b.region_code as region, count(*) as months
    from report_filings f join reporting_bodies b on b.id = f.body_id
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7 and substr(f.period, 1, 4) = @year
   group by 1`;

export type RegisteredByLine = {
  year: number;
  /** region → line (form 1-M row id: "r8") → offences registered over the year's accepted months */
  byRegion: Map<string, Map<string, number>>;
  /** region → accepted monthly reports of the year (12 when complete) */
  months: Map<string, number>;
  /** Every region's body has all twelve months accepted. */
  complete: boolean;
};

export async function registeredByLine(db: Executor, year: number): Promise<RegisteredByLine> {
  const rows = prepared(db.$client, REGISTERED_BY_LINE).all({ year: String(year) }) as { region: string; line: string; registered: number }[];
  const byRegion = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!byRegion.has(r.region)) byRegion.set(r.region, new Map());
    byRegion.get(r.region)!.set(r.line, r.registered);
  }
  const months = new Map(
    (prepared(db.$client, MONTHS_BY_REGION).all({ year: String(year) }) as { region: string; months: number }[]).map((r) => [r.region, r.months]),
  );
  const bodies = (db.$client.prepare("select count(distinct region_code) as n from reporting_bodies").get() as { n: number }).n;
  const complete = bodies > 0 && months.size === bodies && [...months.values()].every((m) => m >= 12);
  return { year, byRegion, months, complete };
}

/** The count of some lines in a region (null: the country), null when no report of it was accepted. */
export function registeredCount(r: RegisteredByLine, region: string | null, lines: readonly string[]): number | null {
  const regions = region === null ? [...r.byRegion.values()] : r.byRegion.has(region) ? [r.byRegion.get(region)!] : [];
  if (!regions.length) return null;
  let sum = 0;
  for (const m of regions) for (const l of lines) sum += m.get(l) ?? 0;
  return sum;
}
