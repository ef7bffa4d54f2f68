// The raw SQL of the reporting feature. Everything else is drizzle query-builder calls.

/** Registered crimes of submitted 1-M reports by region and year.
 *  why raw SQL: an aggregate over the answers table grouped by a substring of the period, read by
 *  the public open-data page and API on every request; prepared once per connection. */
export const REGISTERED_CRIMES_BY_YEAR = `
  select b.region_code as region, substr(f.period, 1, 4) as period, sum(a.num) as registered
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and a.cell = 'q1:total:period'
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7
   group by 1, 2 order by 2, 1`;

/** The same by region and month, for one year (@year, "2025").
 *  why raw SQL: as REGISTERED_CRIMES_BY_YEAR. */
export const REGISTERED_CRIMES_BY_MONTH = `
  select b.region_code as region, f.period as period, sum(a.num) as registered
    from report_filings f
    join reporting_bodies b on b.id = f.body_id
    join answers a on a.response_id = f.response_id and a.cell = 'q1:total:period'
   where f.form_number = 1 and f.status = 'submitted' and length(f.period) = 7
     and substr(f.period, 1, 4) = @year
   group by 1, 2 order by 2, 1`;

/** Years in which every body submitted all twelve monthly 1-M reports.
 *  why raw SQL: a grouped count compared with a scalar subquery, clearer as SQL than as builder
 *  calls; read by the public open-data page on every request. */
export const COMPLETE_1M_YEARS = `
  select substr(period, 1, 4) as year from report_filings
   where form_number = 1 and status = 'submitted' and length(period) = 7
   group by 1 having count(*) = 12 * (select count(*) from reporting_bodies)`;

/** When the last report was submitted (the open data's "last updated").
 *  why raw SQL: a one-value aggregate read with the figures above, prepared with them. */
export const LAST_SUBMITTED_AT = "select max(submitted_at) as at from report_filings where status = 'submitted'";
