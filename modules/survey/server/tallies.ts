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
import { inTransaction, type Executor } from "@/db/transaction";
import { all, get, run, statement } from "@/db/sql";
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
// SQL (statements of db/sql.ts: prepared once per connection on SQLite, named prepared statements on
// PostgreSQL; the incremental ones run on every approval and every imported interview)

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]) => xs.map(quote).join(", ");

/**
 * PostgreSQL's test that a text is a JSON array whose elements are strings, numbers, true, false or
 * null (JSON's own grammar, whitespace included): PostgreSQL 15 has no JSON test that does not
 * fail on invalid text (`is json` and pg_input_is_valid came in 16), and a cast of invalid text
 * fails the statement. What the form and the import store (an array of option ids) passes; an
 * array holding arrays or objects, or a \u0000 or unpaired surrogate escape (which PostgreSQL cannot
 * turn into text), does not, and counts as not answered (JSON.parse and SQLite's json_each would
 * still read its strings: no writer stores one).
 */
const JSON_SCALAR_ARRAY = (() => {
  const ws = "[ \\t\\n\\r]*";
  const hex = "[0-9a-fA-F]";
  // \u escapes PostgreSQL can read back as text: not \u0000, surrogates only as a pair
  const unicode = `u(?!0000)([0-9a-cA-CefEF]${hex}{3}|[dD][0-7]${hex}{2})|u[dD][89abAB]${hex}{2}\\\\u[dD][c-fC-F]${hex}{2}`;
  const string = `"([^"\\\\\\u0001-\\u001f]|\\\\(["\\\\/bfnrt]|${unicode}))*"`;
  const number = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?";
  const scalar = `(${string}|${number}|true|false|null)`;
  return `^${ws}\\[${ws}(${scalar}(${ws},${ws}${scalar})*)?${ws}\\]${ws}$`;
})();

/**
 * The statement that (re)computes the tallies from the stored answers: of one wave (parameter
 * ?: the wave) or, with `allWaves`, of every wave (migration 0006 holds SQLite's text of that one
 * verbatim; a test checks). The same rules as interviewTallies: result = 1, codes as stored, a
 * multiple answer's distinct codes of a JSON array (anything else counts as not answered), age
 * groups of whole ages. PostgreSQL's text differs in the age test (its num is double precision:
 * no typeof) and in reading the JSON array (json_array_elements, see JSON_SCALAR_ARRAY).
 */
export function rebuildTalliesSql(allWaves = false, engine: "sqlite" | "postgres" = "sqlite"): string {
  const pg = engine === "postgres";
  const whole = pg ? "g.num = trunc(g.num)" : "typeof(g.num) in ('integer', 'real') and g.num = cast(g.num as integer)";
  const age = `case when ${whole} then case ${AGE_GROUPS.map((x) => `when g.num between ${x.min} and ${x.max} then ${quote(x.code)}`).join(" ")} end end`;
  // the elements of a multiple answer that are strings: j.value, their text
  const multiText = "case when json_valid(a.text) and json_type(a.text) = 'array' then a.text else '[]' end";
  const elements = pg
    ? `json_array_elements(case when a.text ~ ${quote(JSON_SCALAR_ARRAY)} then a.text else '[]' end::json) as e(element)`
    : `json_each(${multiText}) j`;
  const isText = pg ? "json_typeof(e.element) = 'string'" : "j.type = 'text'";
  const value = pg ? "e.element #>> '{}'" : "j.value";
  return `insert into survey_tallies (wave, variable, code, region, settlement, sex, age_group, weight, weight2, n)
with c as materialized (
  select h.wave, h.response_id, h.region, h.settlement, h.weight,
         coalesce((select s.text from answers s where s.response_id = h.response_id and s.cell = 'sex'), '') as sex,
         coalesce((select ${age} from answers g where g.response_id = h.response_id and g.cell = 'age'), '') as age_group
    from survey_households h
   where ${allWaves ? "" : "h.wave = ? and "}h.status = 'approved' and h.response_id is not null
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
   where a.cell in (${list(TALLY_MULTI)}) and exists (select 1 from ${elements} where ${isText})
  union all
  select wave, region, settlement, sex, age_group, weight, cell, code from (
    select distinct c.response_id, c.wave, c.region, c.settlement, c.sex, c.age_group, c.weight, a.cell, ${value} as code
      from c join answers a on a.response_id = c.response_id ${pg ? "cross join" : "join"} ${elements}
     where a.cell in (${list(TALLY_MULTI)}) and ${isText})${pg ? " d" : ""}
)
select wave, variable, code, region, settlement, sex, age_group, sum(weight), sum(weight * weight), count(*) from v
 group by wave, variable, code, region, settlement, sex, age_group`;
}

const TALLY_KEY = "wave, variable, code, region, settlement, sex, age_group";

/** Adds one contribution to its row (created at 0 if missing). The conflict target is named and the
 *  old values qualified: PostgreSQL requires the one and finds bare names ambiguous. */
const UPSERT = statement(
  `insert into survey_tallies (${TALLY_KEY}, weight, weight2, n) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   on conflict (${TALLY_KEY}) do update set weight = survey_tallies.weight + excluded.weight,
     weight2 = survey_tallies.weight2 + excluded.weight2, n = survey_tallies.n + excluded.n`,
);
/** Removes one contribution (n, weight, n, weight2, n, then the row's key): a row whose count falls
 *  to 0 gets weights 0 exactly (no floating-point residue); the check n >= 0 fails a removal of more
 *  than was added. */
const SUBTRACT = statement(
  `update survey_tallies set weight = case when n = ? then 0 else weight - ? end,
          weight2 = case when n = ? then 0 else weight2 - ? end, n = n - ?
    where wave = ? and variable = ? and code = ? and region = ? and settlement = ? and sex = ? and age_group = ?`,
);
const HOUSEHOLD = statement("select wave, region, settlement, weight, status, response_id from survey_households where id = ?");
const CELLS = statement(
  `select cell, num, text, status from answers where response_id = ? and cell in (${list(["result", "sex", "age", ...KEY_INDICATORS, ...TALLY_MULTI])})`,
);
const CLEAR_WAVE = statement("delete from survey_tallies where wave = ?");
const REBUILD_WAVE = statement(rebuildTalliesSql(false), rebuildTalliesSql(false, "postgres"));
const CLEAR_ALL = statement("delete from survey_tallies");
const REBUILD_ALL = statement(rebuildTalliesSql(true), rebuildTalliesSql(true, "postgres"));

/**
 * Adds (sign 1) or removes (sign −1) the contribution of household row `householdRowId` as stored
 * now: call with −1 before changing an approved interview's answers or household fields, and with
 * 1 once it is approved (again). Only approved interviews count; run it in the writer's transaction.
 */
export async function addInterviewTallies(tx: Executor, householdRowId: number, sign: 1 | -1): Promise<void> {
  const h = await get<{ wave: number; region: string; settlement: string; weight: number; status: string; response_id: number | null }>(
    tx,
    HOUSEHOLD,
    householdRowId,
  );
  if (!h || h.status !== "approved" || h.response_id === null) return;
  const cells = (await all<{ cell: string; num: number | null; text: string | null; status: "NA" | "NAP" | null }>(tx, CELLS, h.response_id)).map(
    (r) => [r.cell, { num: r.num, text: r.text, status: r.status }] as [string, Answer],
  );
  // In one order for every interview (its rows are locked in this order on PostgreSQL: two approvals
  // that share rows cannot deadlock).
  const ordered = interviewTallies(h, cells).sort((a, b) => compare(a.variable, b.variable) || compare(a.code, b.code));
  for (const t of ordered) {
    if (sign === 1) await run(tx, UPSERT, h.wave, t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup, t.weight, t.weight2, t.n);
    else if ((await run(tx, SUBTRACT, t.n, t.weight, t.n, t.weight2, t.n, h.wave, t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup)) !== 1) {
      throw new Error(`survey_tallies of wave ${h.wave} lack the contribution of household row ${householdRowId} (rebuildTallies repairs them)`);
    }
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Recomputes the tallies of one wave (or of every wave) from the stored answers, in one transaction. */
export async function rebuildTallies(db: Executor, wave?: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (wave === undefined) {
      await run(tx, CLEAR_ALL);
      await run(tx, REBUILD_ALL);
    } else {
      await run(tx, CLEAR_WAVE, wave);
      await run(tx, REBUILD_WAVE, wave);
    }
  });
}

const DIMENSIONS = { region: "region", settlement: "settlement", sex: "sex", ageGroup: "age_group" } as const;

/** The statement of waveTalliesBy that keeps `kept` (sex or age group) or neither. Aliases quoted
 *  (PostgreSQL folds them to lower case); the sums cast (PostgreSQL's sum of an integer is a bigint,
 *  which node-postgres returns as a string; its sum of double precision is one). */
function talliesBy(kept: "sex" | "ageGroup" | null) {
  const dims = (["sex", "ageGroup"] as const).map((key) => (key === kept ? `${DIMENSIONS[key]} as "${key}"` : `'' as "${key}"`)).join(", ");
  return statement(
    `select variable, code, region, settlement, ${dims}, sum(weight) as weight, sum(weight2) as weight2, cast(sum(n) as integer) as n
       from survey_tallies where wave = ? and n > 0
      group by variable, code, region, settlement${kept ? `, ${DIMENSIONS[kept]}` : ""}`,
  );
}
const TALLIES_BY = { none: talliesBy(null), sex: talliesBy("sex"), ageGroup: talliesBy("ageGroup") };

/** The tally rows of a wave summed over sex and age group, or over one of them for a breakdown by
 *  the other (what is summed over becomes ""): what estimates by that dimension and overall need.
 *  Region and settlement are always kept: together they are the stratum, and a standard error needs
 *  the sums stratum by stratum. Some thousands of rows, read in primary-key order (no sort) but for
 *  "ageGroup". */
export async function waveTalliesBy(db: Executor, wave: number, by: keyof typeof DIMENSIONS): Promise<Tally[]> {
  return await all<Tally>(db, by === "sex" || by === "ageGroup" ? TALLIES_BY[by] : TALLIES_BY.none, wave);
}

const TALLIES = statement(
  `select variable, code, region, settlement, sex, age_group as "ageGroup", weight, weight2, n from survey_tallies where wave = ? and n > 0`,
);

/** The tally rows of a wave that count (n > 0). */
export async function waveTallies(db: Executor, wave: number): Promise<Tally[]> {
  return await all<Tally>(db, TALLIES, wave);
}
