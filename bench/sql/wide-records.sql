-- Experiment behind the proposed fix for part 3 (not run by npm run bench): the approved interviews
-- of a wave as one wide row each (what a `survey_records` table written at approval would hold),
-- then the same key indicators by region from it. Run: sqlite3 bench/.data/wide.db < bench/sql/wide-records.sql
-- (with bench/.data/million.db built). Prints the time of the build and of the aggregate.
.timer on
attach 'bench/.data/million.db' as m;
drop table if exists rec;
create table rec as
  select h.id, h.region, h.weight,
         max(case when a.cell = 'result' then a.text end) as result,
         max(case when a.cell = 'trust_prosecutor' then a.text end) as trust_prosecutor,
         max(case when a.cell = 'trust_police' then a.text end) as trust_police,
         max(case when a.cell = 'trust_anticorruption' then a.text end) as trust_anticorruption,
         max(case when a.cell = 'trust_econ_investigation' then a.text end) as trust_econ_investigation,
         max(case when a.cell = 'trust_courts' then a.text end) as trust_courts,
         max(case when a.cell = 'trust_fire' then a.text end) as trust_fire,
         max(case when a.cell = 'safe_day' then a.text end) as safe_day
    from m.survey_households h join m.answers a on a.response_id = h.response_id
   where h.wave = 2030 and h.status = 'approved'
   group by h.id;
-- every key indicator by region in one scan of the wide rows
select count(*) from (
  select region, 'trust_prosecutor' v, trust_prosecutor c, sum(weight) w, count(*) n from rec where result = '1' and trust_prosecutor is not null group by 1, 3
  union all select region, 'trust_police', trust_police, sum(weight), count(*) from rec where result = '1' and trust_police is not null group by 1, 3
  union all select region, 'trust_anticorruption', trust_anticorruption, sum(weight), count(*) from rec where result = '1' and trust_anticorruption is not null group by 1, 3
  union all select region, 'trust_econ_investigation', trust_econ_investigation, sum(weight), count(*) from rec where result = '1' and trust_econ_investigation is not null group by 1, 3
  union all select region, 'trust_courts', trust_courts, sum(weight), count(*) from rec where result = '1' and trust_courts is not null group by 1, 3
  union all select region, 'trust_fire', trust_fire, sum(weight), count(*) from rec where result = '1' and trust_fire is not null group by 1, 3
  union all select region, 'safe_day', safe_day, sum(weight), count(*) from rec where result = '1' and safe_day is not null group by 1, 3
);
