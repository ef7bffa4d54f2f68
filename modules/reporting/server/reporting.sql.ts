// The raw SQL of the reporting feature. Everything else is drizzle query-builder calls.

// Open data publishes what the Committee placed (report_placements: the consolidated reports,
// one row per region and one for the country, area "KZ"), never the bodies' filings directly: a
// report submitted but not yet placed, or returned and filed again after placement, changes
// nothing published.

/** Registered crimes of placed 1-M reports by region and year, with how many reports the placed
 *  figures consolidate and how many a complete year has (12 per body of the region): fewer (a year
 *  still running, a body that had not reported when the month was placed) is a provisional figure.
 *  why raw SQL: an aggregate over a JSON field grouped by a substring of the period, read by the
 *  public open-data page and API on every request; prepared once per connection. */
export const REGISTERED_CRIMES_BY_YEAR = `
  select p.area as region, substr(p.period, 1, 4) as period, sum(json_extract(p.figures, '$."q1:total:period"')) as registered,
         sum(p.reports) as reports, 12 * (select count(*) from reporting_bodies rb where rb.region_code = p.area) as expectedReports
    from report_placements p
   where p.form_number = 1 and p.area <> 'KZ' and length(p.period) = 7
   group by 1, 2 order by 2, 1`;

/** The same by region and month, for one year (@year, "2025").
 *  why raw SQL: as REGISTERED_CRIMES_BY_YEAR. */
export const REGISTERED_CRIMES_BY_MONTH = `
  select p.area as region, p.period as period, sum(json_extract(p.figures, '$."q1:total:period"')) as registered,
         sum(p.reports) as reports, (select count(*) from reporting_bodies rb where rb.region_code = p.area) as expectedReports
    from report_placements p
   where p.form_number = 1 and p.area <> 'KZ' and length(p.period) = 7
     and substr(p.period, 1, 4) = @year
   group by 1, 2 order by 2, 1`;

/** Years in which all twelve monthly 1-M reports were placed, each consolidating every body.
 *  why raw SQL: a grouped count compared with a scalar subquery, clearer as SQL than as builder
 *  calls; read by the public open-data page on every request. */
export const COMPLETE_1M_YEARS = `
  select substr(period, 1, 4) as year from report_placements
   where form_number = 1 and area = 'KZ' and length(period) = 7 and reports = (select count(*) from reporting_bodies)
   group by 1 having count(*) = 12`;

/** When the last report was placed (the open data's "last updated").
 *  why raw SQL: a one-value aggregate read with the figures above, prepared with them. */
export const LAST_SUBMITTED_AT = "select max(placed_at) as at from report_placements";

/** The sums of the accepted (submitted) reports of a form and period, by region and cell, with the
 *  number of reports of each region: what a placement consolidates (@form, @period).
 *  why raw SQL: a grouped aggregate over the answers, with each region's count of reports computed once
 *  (a correlated count per region and cell took 30 s of the demo seed); used by the placement
 *  service and the demo seed. */
export const CONSOLIDATE_PERIOD = `
  with filed as (
    select f.response_id, b.region_code as region
      from report_filings f join reporting_bodies b on b.id = f.body_id
     where f.form_number = @form and f.period = @period and f.status = 'submitted'),
  counted as (select region, count(*) as reports from filed group by region)
  select filed.region as region, a.cell as cell, sum(a.num) as total, counted.reports as reports
    from filed
    join answers a on a.response_id = filed.response_id and a.num is not null
    join counted on counted.region = filed.region
   group by filed.region, a.cell, counted.reports order by 1, 2`;
