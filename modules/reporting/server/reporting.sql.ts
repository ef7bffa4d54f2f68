// The raw SQL of the reporting feature, on either engine (db/sql.ts): `?` placeholders, counts cast
// to integer (PostgreSQL returns a bigint as a string), camelCase aliases quoted (PostgreSQL folds
// them to lower case). Everything else is drizzle query-builder calls.
import { statement } from "@/db/sql";

// Open data publishes what the Committee placed (report_placements: the consolidated reports,
// one row per region and one for the country, area "KZ"), never the bodies' filings directly: a
// report submitted but not yet placed, or returned and filed again after placement, changes
// nothing published.

/** A placement's month's "total registered" figure, read from its JSON figures by each engine. */
const TOTAL_REGISTERED = {
  sqlite: `json_extract(p.figures, '$."q1:total:period"')`,
  postgres: `cast(p.figures::json ->> 'q1:total:period' as double precision)`,
};
/** A statement whose only difference between the engines is how it reads the figure above. */
const readingTotal = (text: (total: string) => string) => statement(text(TOTAL_REGISTERED.sqlite), text(TOTAL_REGISTERED.postgres));

/** Registered crimes of placed 1-M reports by region and year, with how many reports the placed
 *  figures consolidate and how many a complete year has (12 per body of the region): fewer (a year
 *  still running, a body that had not reported when the month was placed) is a provisional figure.
 *  why raw SQL: an aggregate over a JSON field grouped by a substring of the period, read by the
 *  public open-data page and API on every request; prepared once per connection. */
export const REGISTERED_CRIMES_BY_YEAR = readingTotal(
  (total) => `
  select p.area as region, substr(p.period, 1, 4) as period, sum(${total}) as registered, cast(sum(p.reports) as integer) as reports,
         cast(12 * (select count(*) from reporting_bodies rb where rb.region_code = p.area) as integer) as "expectedReports"
    from report_placements p
   where p.form_number = 1 and p.area <> 'KZ' and length(p.period) = 7
   group by 1, 2 order by 2, 1`,
);

/** The same by region and month, for one year (the parameter: "2025").
 *  why raw SQL: as REGISTERED_CRIMES_BY_YEAR. */
export const REGISTERED_CRIMES_BY_MONTH = readingTotal(
  (total) => `
  select p.area as region, p.period as period, sum(${total}) as registered, cast(sum(p.reports) as integer) as reports,
         cast((select count(*) from reporting_bodies rb where rb.region_code = p.area) as integer) as "expectedReports"
    from report_placements p
   where p.form_number = 1 and p.area <> 'KZ' and length(p.period) = 7
     and substr(p.period, 1, 4) = ?
   group by 1, 2 order by 2, 1`,
);

/** Years in which all twelve monthly 1-M reports were placed, each consolidating every body.
 *  why raw SQL: a grouped count compared with a scalar subquery, clearer as SQL than as builder
 *  calls; read by the public open-data page on every request. */
export const COMPLETE_1M_YEARS = statement(`
  select substr(period, 1, 4) as "year" from report_placements
   where form_number = 1 and area = 'KZ' and length(period) = 7 and reports = (select count(*) from reporting_bodies)
   group by 1 having count(*) = 12`);

/** When the last report was placed (the open data's "last updated").
 *  why raw SQL: a one-value aggregate read with the figures above, prepared with them. */
export const LAST_SUBMITTED_AT = statement(`select max(placed_at) as "at" from report_placements`);

/** The sums of the accepted (submitted) reports of a form and period, by region and cell, with the
 *  number of reports of each region: what a placement consolidates (parameters: the form's number,
 *  the period). Rows are modules/reporting/placements.ts's ConsolidationRow, by region and cell.
 *  why raw SQL: a grouped aggregate over the answers, with each region's count of reports computed once
 *  (a correlated count per region and cell took 30 s of the demo seed); used by the placement
 *  service and the demo seed. */
const consolidatePeriod = (order: string) => `
  with filed as (
    select f.response_id, b.region_code as region
      from report_filings f join reporting_bodies b on b.id = f.body_id
     where f.form_number = ? and f.period = ? and f.status = 'submitted'),
  counted as (select region, cast(count(*) as integer) as reports from filed group by region)
  select filed.region as region, a.cell as cell, sum(a.num) as total, counted.reports as reports
    from filed
    join answers a on a.response_id = filed.response_id and a.num is not null
    join counted on counted.region = filed.region
   group by filed.region, a.cell, counted.reports order by ${order}`;
// PostgreSQL orders text by the database's collation (en_US.UTF-8 ignores punctuation at first:
// "1.10" before "1.2" differently from SQLite); "C" is byte order, SQLite's, so a placement's
// figures are stored in the same order on both engines.
export const CONSOLIDATE_PERIOD = statement(consolidatePeriod("1, 2"), consolidatePeriod(`filed.region collate "C", a.cell collate "C"`));

/** Removes a date's declaration as an extra day off or working day; the service answers 404 when
 *  none was removed.
 *  why raw SQL: the count of deleted rows, which the query builder reports differently on each
 *  engine (db/sql.ts run gives it on both). */
export const DELETE_CALENDAR_DAY = statement(`delete from calendar_adjustments where "date" = ?`);
