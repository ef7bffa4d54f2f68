ALTER TABLE `survey_tallies` ADD `weight2` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The tallies of the interviews already approved, with weight2 (modules/survey/server/tallies.ts rebuildTalliesSql(true), verbatim).
delete from survey_tallies;--> statement-breakpoint
insert into survey_tallies (wave, variable, code, region, settlement, sex, age_group, weight, weight2, n)
with c as materialized (
  select h.wave, h.response_id, h.region, h.settlement, h.weight,
         coalesce((select s.text from answers s where s.response_id = h.response_id and s.cell = 'sex'), '') as sex,
         coalesce((select case when typeof(g.num) in ('integer', 'real') and g.num = cast(g.num as integer) then case when g.num between 15 and 24 then '15-24' when g.num between 25 and 34 then '25-34' when g.num between 35 and 44 then '35-44' when g.num between 45 and 54 then '45-54' when g.num between 55 and 64 then '55-64' when g.num between 65 and 80 then '65-80' end end from answers g where g.response_id = h.response_id and g.cell = 'age'), '') as age_group
    from survey_households h
   where h.status = 'approved' and h.response_id is not null
     and exists (select 1 from answers r where r.response_id = h.response_id and r.cell = 'result' and r.text = '1')
), v as (
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, 'result' as variable, '1' as code from c
  union all
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, a.text
    from c join answers a on a.response_id = c.response_id
   where a.cell in ('trust_prosecutor', 'trust_police', 'trust_anticorruption', 'trust_econ_investigation', 'trust_courts', 'trust_fire', 'safe_day') and a.text <> ''
  union all
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, ''
    from c join answers a on a.response_id = c.response_id
   where a.cell in ('unsafe_reasons') and exists (select 1 from json_each(case when json_valid(a.text) and json_type(a.text) = 'array' then a.text else '[]' end) j where j.type = 'text')
  union all
  select wave, region, settlement, sex, age_group, weight, cell, code from (
    select distinct c.response_id, c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, j.value as code
      from c join answers a on a.response_id = c.response_id join json_each(case when json_valid(a.text) and json_type(a.text) = 'array' then a.text else '[]' end) j
     where a.cell in ('unsafe_reasons') and j.type = 'text')
)
select wave, variable, code, region, settlement, sex, age_group, sum(weight), sum(weight * weight), count(*) from v
 group by wave, variable, code, region, settlement, sex, age_group;
