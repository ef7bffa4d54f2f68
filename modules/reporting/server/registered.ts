// Offences registered in form 1-M by line, region and year, for comparisons with other sources
// (the survey's unrecorded crime, the CEPEJ reply). Counts come from the accepted reports: the
// monthly "for the reporting period" column of each line, summed over the year's months.
// The one place that says which reports count, so that it can move to the placed (published)
// consolidated reports without touching the comparisons.
import "server-only";
import type { Executor } from "@/db/transaction";
import { all, get, statement } from "@/db/sql";

/** Accepted reports of a year: submitted, not returned, monthly, with the line's monthly cell.
 *  why raw SQL: an aggregate over answers by a computed cell key for several lines at once, read
 *  by the analysis page and API on each request; prepared once per connection. Exported for its
 *  test on both engines (the months column is not read here). */
export const REGISTERED_BY_LINE = statement(`
  select b.region_code as region, substr(a.cell, 4, length(a.cell) - 10) as line, sum(a.num) as registered, cast(count(*) as integer) as months
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and lower(a.cell) like 'q1:%:period' and a.num is not null
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7 and substr(f.period, 1, 4) = ?
   group by 1, 2`);

/** Of a year: how many monthly 1-M reports were accepted per region, and how many bodies there are.
 *  why raw SQL: as above. */
const MONTHS_BY_REGION = statement(`
  select b.region_code as region, cast(count(*) as integer) as months
    from report_filings f join reporting_bodies b on b.id = f.body_id
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7 and substr(f.period, 1, 4) = ?
   group by 1`);

/** How many regions have a reporting body. */
const REGIONS_WITH_BODIES = statement("select cast(count(distinct region_code) as integer) as n from reporting_bodies");

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
  const rows = await all<{ region: string; line: string; registered: number }>(db, REGISTERED_BY_LINE, String(year));
  const byRegion = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!byRegion.has(r.region)) byRegion.set(r.region, new Map());
    byRegion.get(r.region)!.set(r.line, r.registered);
  }
  const months = new Map((await all<{ region: string; months: number }>(db, MONTHS_BY_REGION, String(year))).map((r) => [r.region, r.months]));
  const bodies = (await get<{ n: number }>(db, REGIONS_WITH_BODIES))?.n ?? 0;
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
