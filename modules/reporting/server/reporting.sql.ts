// The raw SQL of the reporting feature. Everything else is drizzle query-builder calls.

/** Which reports the open data is made of: the one place that says so (`f` is the report_filings
 *  alias). Every query below, and the open data's "last updated", go through it. */
export const publishedFiling = (f = "f") => `${f}.status = 'submitted'`;

/** Monthly 1-M reports, published. */
const PUBLISHED_1M = `f.form_number = 1 and length(f.period) = 7 and ${publishedFiling("f")}`;

/** Registered crimes of published 1-M reports by region and year, with how many reports the
 *  figure is made of and how many a complete year has (12 per body of the region): fewer is a
 *  provisional figure.
 *  why raw SQL: an aggregate over the answers table grouped by a substring of the period, read by
 *  the public open-data page and API on every request; prepared once per connection. */
export const REGISTERED_CRIMES_BY_YEAR = `
  select b.region_code as region, substr(f.period, 1, 4) as period, sum(a.num) as registered, count(*) as reports,
         12 * (select count(*) from reporting_bodies rb where rb.region_code = b.region_code) as expectedReports
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and a.cell = 'q1:total:period'
   where ${PUBLISHED_1M}
   group by 1, 2 order by 2, 1`;

/** The same by region and month, for one year (@year, "2025"); a complete month has one report per body.
 *  why raw SQL: as REGISTERED_CRIMES_BY_YEAR. */
export const REGISTERED_CRIMES_BY_MONTH = `
  select b.region_code as region, f.period as period, sum(a.num) as registered, count(*) as reports,
         (select count(*) from reporting_bodies rb where rb.region_code = b.region_code) as expectedReports
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and a.cell = 'q1:total:period'
   where ${PUBLISHED_1M}
     and substr(f.period, 1, 4) = @year
   group by 1, 2 order by 2, 1`;

/** Years in which every body's twelve monthly 1-M reports are published.
 *  why raw SQL: a grouped count compared with a scalar subquery, clearer as SQL than as builder
 *  calls; read by the public open-data page on every request. */
export const COMPLETE_1M_YEARS = `
  select substr(f.period, 1, 4) as year from report_filings f
   where ${PUBLISHED_1M}
   group by 1 having count(*) = 12 * (select count(*) from reporting_bodies)`;

/** When the last published report was submitted (the open data's "last updated").
 *  why raw SQL: a one-value aggregate read with the figures above, prepared with them. */
export const LAST_SUBMITTED_AT = `select max(f.submitted_at) as at from report_filings f where ${publishedFiling("f")}`;
