-- Every household key indicator (six trust bodies + safe_day) by region and overall (region ALL):
-- weighted share of each code among completed interviews (result = 1) that answered, one decimal,
-- and the unweighted base n. One query, as an analyst would write it; :wave is replaced by bench/results.mjs.
with w as materialized (
  select h.region, a.cell as variable, a.text as code, h.weight
    from survey_households h
    join answers a on a.response_id = h.response_id
   where h.wave = :wave and h.status = 'approved'
     and a.cell in ('trust_prosecutor','trust_police','trust_anticorruption','trust_econ_investigation','trust_courts','trust_fire','safe_day')
     and exists (select 1 from answers r where r.response_id = h.response_id and r.cell = 'result' and r.text = '1')
), g as (
  select region, variable, code, sum(weight) as w, count(*) as n from w group by region, variable, code
  union all
  select 'ALL', variable, code, sum(weight), count(*) from w group by variable, code
)
select region, variable, code, round(100.0 * w / sum(w) over (partition by region, variable), 1) as share,
       sum(n) over (partition by region, variable) as n
  from g order by region, variable, code;
