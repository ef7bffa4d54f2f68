// Weighted tallies of the household survey (table survey_tallies): what the results page, its
// downloads and the results route need, pre-aggregated per wave so that results read a few thousand
// rows whatever the number of interviews.
//
// A completed (result = 1) approved interview contributes, for each tallied variable it answered,
// its design weight, its square (weight2: what the standard errors need) and a count of 1 to the row (variable, code, region, settlement, sex, age group)
// — sex and age group "" when not answered. A multiple-answer variable contributes to each distinct
// code named and to code "" (answered at all: the base of its shares); variable "result" code "1"
// counts the interview itself (the interview count, and every group it belongs to).
//
// Two ways to the same rows, which must agree (modules/survey/server/results-exports.test.ts):
//  - interviewTallies(): one interview's contribution, applied (+1 / −1) by every writer that
//    makes an interview count or changes one that counts, in the writer's transaction
//    (addInterviewTallies: approveInterview, importInterviews);
//  - rebuildTallies(): SQL aggregation over the stored answers, for a wave or all waves — used by
//    the demo seed, the benchmark databases, migrations 0004 and 0006 (existing data) and as a repair path.
// Estimates from the rows: modules/survey/estimate.ts (…FromTallies), the same code as from records.
//
// The SQL of the tallies is here rather than in survey.sql.ts: the rebuild is generated from the
// same code lists (KEY_INDICATORS, AGE_GROUPS, TALLY_MULTI) as interviewTallies() and states the same
// rules in SQL (migration 0006 holds its text, a test checks), and the incremental statements must
// write exactly the rows interviewTallies() computes; one file keeps the two forms of one rule
// together. No "server-only" marker: estimate.ts (shared with the seed and tests) reads the constants.
import type Database from "better-sqlite3";
import { inTransaction, type Executor } from "@/db/transaction";
import type { Answer } from "@/modules/questionnaire/answers";
import { AGE_GROUPS, KEY_INDICATORS } from "../codes";

/** Variables kept in survey_tallies (single-answer ones, then multiple-answer ones). */
const TALLY_SINGLE = ["result", ...KEY_INDICATORS] as const;
export const TALLY_MULTI = ["unsafe_reasons"] as const;
export type TallyVariable = (typeof TALLY_SINGLE)[number] | (typeof TALLY_MULTI)[number];
/** Code of a multiple-answer variable's row that counts the interviews that answered it. */
export const ANSWERED = "";

export type Tally = {
  variable: string;
  code: string;
  region: string;
  settlement: string;
  sex: string;
  ageGroup: string;
  /** Σ design weights */
  weight: number;
  /** Σ design weights squared */
  weight2: number;
  n: number;
};
type TallyHousehold = { region: string; settlement: string; weight: number };

/** The age group of a stored age (an integer 15…80), "" otherwise — as estimate.ts groups ages. */
function ageGroupCode(age: number | null | undefined): string {
  if (typeof age !== "number" || !Number.isInteger(age)) return "";
  return AGE_GROUPS.find((g) => age >= g.min && age <= g.max)?.code ?? "";
}

/** The distinct codes of a stored multiple answer (a JSON array of strings, as the form and the
 *  import store it; other elements are ignored, as by multiIds); [] if it is not one. */
function multiCodes(text: string | null | undefined): string[] {
  if (!text) return [];
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === "string"))] : [];
}

/**
 * One interview's contribution: the tally rows (n = 1 each) of a household and its stored cells
 * (storage keys as in `answers`). Nothing unless the interview is completed (result = 1).
 */
export function interviewTallies(household: TallyHousehold, cells: Iterable<[string, Answer]>): Tally[] {
  const values = new Map<string, Answer>();
  for (const [cell, a] of cells) values.set(cell, a);
  if (values.get("result")?.text !== "1") return [];
  const dims = {
    region: household.region,
    settlement: household.settlement,
    sex: values.get("sex")?.text ?? "",
    ageGroup: ageGroupCode(values.get("age")?.num),
  };
  const out: Tally[] = [];
  const add = (variable: string, code: string) => out.push({ variable, code, ...dims, weight: household.weight, weight2: household.weight ** 2, n: 1 });
  for (const variable of TALLY_SINGLE) {
    const text = values.get(variable)?.text;
    if (text !== null && text !== undefined && text !== "") add(variable, text);
  }
  for (const variable of TALLY_MULTI) {
    const codes = multiCodes(values.get(variable)?.text);
    if (!codes.length) continue;
    add(variable, ANSWERED);
    for (const code of codes) add(variable, code);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SQL

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]) => xs.map(quote).join(", ");

/**
 * The statement that (re)computes the tallies from the stored answers: of one wave (parameter
 * :wave) or, with `allWaves`, of every wave (migration 0006 holds this text verbatim; a test checks).
 * The same rules as interviewTallies: result = 1, codes as stored, a multiple answer's distinct
 * codes of a JSON array (anything else counts as not answered), age groups of whole ages.
 */
export function rebuildTalliesSql(allWaves = false): string {
  const age = `case when typeof(g.num) in ('integer', 'real') and g.num = cast(g.num as integer) then case ${AGE_GROUPS.map((x) => `when g.num between ${x.min} and ${x.max} then ${quote(x.code)}`).join(" ")} end end`;
  const multiText = "case when json_valid(a.text) and json_type(a.text) = 'array' then a.text else '[]' end";
  return `insert into survey_tallies (wave, variable, code, region, settlement, sex, age_group, weight, weight2, n)
with c as materialized (
  select h.wave, h.response_id, h.region, h.settlement, h.weight,
         coalesce((select s.text from answers s where s.response_id = h.response_id and s.cell = 'sex'), '') as sex,
         coalesce((select ${age} from answers g where g.response_id = h.response_id and g.cell = 'age'), '') as age_group
    from survey_households h
   where ${allWaves ? "" : "h.wave = :wave and "}h.status = 'approved' and h.response_id is not null
     and exists (select 1 from answers r where r.response_id = h.response_id and r.cell = 'result' and r.text = '1')
), v as (
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, 'result' as variable, '1' as code from c
  union all
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, a.text
    from c join answers a on a.response_id = c.response_id
   where a.cell in (${list(KEY_INDICATORS)}) and a.text <> ''
  union all
  select c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, ''
    from c join answers a on a.response_id = c.response_id
   where a.cell in (${list(TALLY_MULTI)}) and exists (select 1 from json_each(${multiText}) j where j.type = 'text')
  union all
  select wave, region, settlement, sex, age_group, weight, cell, code from (
    select distinct c.response_id, c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, j.value as code
      from c join answers a on a.response_id = c.response_id join json_each(${multiText}) j
     where a.cell in (${list(TALLY_MULTI)}) and j.type = 'text')
)
select wave, variable, code, region, settlement, sex, age_group, sum(weight), sum(weight * weight), count(*) from v
 group by wave, variable, code, region, settlement, sex, age_group`;
}

type Statements = {
  upsert: Database.Statement;
  subtract: Database.Statement;
  household: Database.Statement;
  cells: Database.Statement;
  clearWave: Database.Statement;
  rebuildWave: Database.Statement;
  clearAll: Database.Statement;
  rebuildAll: Database.Statement;
};
const statements = new WeakMap<Database.Database, Statements>();

function prepared(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      upsert: sqlite.prepare(
        `insert into survey_tallies (wave, variable, code, region, settlement, sex, age_group, weight, weight2, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict do update set weight = weight + excluded.weight, weight2 = weight2 + excluded.weight2, n = n + excluded.n`,
      ),
      // a row whose count falls to 0 gets weights 0 exactly (no floating-point residue); the check
      // n >= 0 fails a removal of more than was added
      subtract: sqlite.prepare(
        `update survey_tallies set weight = case when n = :n then 0 else weight - :weight end,
                weight2 = case when n = :n then 0 else weight2 - :weight2 end, n = n - :n
          where wave = :wave and variable = :variable and code = :code and region = :region and settlement = :settlement and sex = :sex and age_group = :ageGroup`,
      ),
      household: sqlite.prepare("select wave, region, settlement, weight, status, response_id from survey_households where id = ?"),
      cells: sqlite.prepare(
        `select cell, num, text, status from answers where response_id = ? and cell in (${list(["result", "sex", "age", ...KEY_INDICATORS, ...TALLY_MULTI])})`,
      ),
      clearWave: sqlite.prepare("delete from survey_tallies where wave = ?"),
      rebuildWave: sqlite.prepare(rebuildTalliesSql(false)),
      clearAll: sqlite.prepare("delete from survey_tallies"),
      rebuildAll: sqlite.prepare(rebuildTalliesSql(true)),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * Adds (sign 1) or removes (sign −1) the contribution of household row `householdRowId` as stored
 * now: call with −1 before changing an approved interview's answers or household fields, and with
 * 1 once it is approved (again). Only approved interviews count; run it in the writer's transaction.
 */
export async function addInterviewTallies(tx: Executor, householdRowId: number, sign: 1 | -1): Promise<void> {
  const s = prepared(tx.$client);
  const h = s.household.get(householdRowId) as
    { wave: number; region: string; settlement: string; weight: number; status: string; response_id: number | null } | undefined;
  if (!h || h.status !== "approved" || h.response_id === null) return;
  const cells = (s.cells.all(h.response_id) as { cell: string; num: number | null; text: string | null; status: "NA" | "NAP" | null }[]).map(
    (r) => [r.cell, { num: r.num, text: r.text, status: r.status }] as [string, Answer],
  );
  for (const t of interviewTallies(h, cells)) {
    if (sign === 1) s.upsert.run(h.wave, t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup, t.weight, t.weight2, t.n);
    else if (s.subtract.run({ ...t, wave: h.wave }).changes !== 1) {
      throw new Error(`survey_tallies of wave ${h.wave} lack the contribution of household row ${householdRowId} (rebuildTallies repairs them)`);
    }
  }
}

/** Recomputes the tallies of one wave (or of every wave) from the stored answers, in one transaction. */
export async function rebuildTallies(db: Executor, wave?: number): Promise<void> {
  const s = prepared(db.$client);
  await inTransaction(db, () => {
    if (wave === undefined) {
      s.clearAll.run();
      s.rebuildAll.run();
    } else {
      s.clearWave.run(wave);
      s.rebuildWave.run({ wave });
    }
  });
}

const DIMENSIONS = { region: "region", settlement: "settlement", sex: "sex", ageGroup: "age_group" } as const;

/** The tally rows of a wave summed over sex and age group, or over one of them for a breakdown by
 *  the other (what is summed over becomes ""): what estimates by that dimension and overall need.
 *  Region and settlement are always kept: together they are the stratum, and a standard error needs
 *  the sums stratum by stratum. Some thousands of rows, read in primary-key order (no sort) but for
 *  "ageGroup". */
export async function waveTalliesBy(db: Executor, wave: number, by: keyof typeof DIMENSIONS): Promise<Tally[]> {
  const kept = by === "sex" || by === "ageGroup" ? by : null;
  const dims = (["sex", "ageGroup"] as const).map((key) => (key === kept ? `${DIMENSIONS[key]} as ${key}` : `'' as ${key}`)).join(", ");
  return db.$client
    .prepare(
      `select variable, code, region, settlement, ${dims}, sum(weight) as weight, sum(weight2) as weight2, sum(n) as n
       from survey_tallies where wave = ? and n > 0
      group by variable, code, region, settlement${kept ? `, ${DIMENSIONS[kept]}` : ""}`,
    )
    .all(wave) as Tally[];
}

/** The tally rows of a wave that count (n > 0). */
export async function waveTallies(db: Executor, wave: number): Promise<Tally[]> {
  return db.$client
    .prepare(`select variable, code, region, settlement, sex, age_group as ageGroup, weight, weight2, n from survey_tallies where wave = ? and n > 0`)
    .all(wave) as Tally[];
}
