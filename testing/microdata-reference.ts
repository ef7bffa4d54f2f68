// The microdata export as it was before it was made fast (tests compare the current one with it,
// byte for byte): interviewToRow column by column, and the route's paging with a sorted join. Reads
// through db/sql.ts, so on either engine (the demo database of the test, testing/demo-database.ts).
import { allArrays, statement } from "@/db/sql";
import type { Executor } from "@/db/transaction";
import { isEmpty, multiIds, type Answer, type AnswerReader } from "@/modules/questionnaire/answers";
import { questionEnabled } from "@/modules/questionnaire/conditions";
import type { Question } from "@/modules/questionnaire/definition";
import { BOM, csvLine } from "@/lib/csv/csv";
import { MICRODATA_COLUMNS, microdataHeader, type Household } from "@/modules/survey/microdata";

/** The previous interviewToRow: every column re-evaluates its question's condition and parses its multiple answer. */
export function referenceRow(household: Household, answers: Record<string, Answer>, language: string | null = null): string[] {
  const read: AnswerReader = (key) => answers[key];
  const singleCell = (q: Question, a: Answer | undefined) => {
    if (!a || isEmpty(a) || a.status) return "";
    if (q.type === "number") return a.num === null ? "" : String(a.num);
    return a.text ?? "";
  };
  return MICRODATA_COLUMNS.map((c) => {
    if (c.kind === "household") return c.field === "weight" ? String(household.weight) : household[c.field];
    if (c.kind === "language") return language ?? "";
    if (!questionEnabled(c.question, read)) return "";
    if (c.kind === "single") return singleCell(c.question, answers[c.question.id]);
    const chosen = multiIds(answers[c.question.id]).includes(c.option.id);
    if (c.kind === "flag") return chosen ? "1" : "0";
    return chosen ? (answers[c.key]?.text ?? "") : "";
  });
}

/** A page: 500 households after the given id, joined to their cells, ordered by household. */
const PAGE = statement(
  `select h.id, h.household_id, h.region, h.settlement, h.weight, h.interview_language, a.cell, a.num, a.text, a.status
   from (select * from survey_households where wave = ? and status = 'approved' and id > ? order by id limit 500) h
   join answers a on a.response_id = h.response_id order by h.id`,
);

/** The previous microdata route's lines: pages of 500 households joined to their cells, ordered by household. */
export async function* referenceMicrodataLines(db: Executor, year: number): AsyncGenerator<string> {
  yield BOM + csvLine(microdataHeader());
  let after = 0;
  for (;;) {
    const rows = await allArrays<[number, string, string, string, number, string | null, string, number | null, string | null, "NA" | "NAP" | null]>(
      db,
      PAGE,
      year,
      after,
    );
    if (!rows.length) return;
    let current: number | null = null;
    let household: Household | null = null;
    let answers: Record<string, Answer> = {};
    let lang: string | null = null;
    for (const [id, household_id, region, settlement, weight, language, cell, num, text, status] of rows) {
      if (id !== current) {
        if (household) yield csvLine(referenceRow(household, answers, lang));
        current = id;
        household = { household_id, region, settlement, weight };
        lang = language;
        answers = {};
      }
      answers[cell] = { num, text, status };
    }
    if (household) yield csvLine(referenceRow(household, answers, lang));
    after = current!;
  }
}
