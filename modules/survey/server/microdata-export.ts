// The microdata file of a wave, line by line (the microdata route streams it): approved interviews
// in household-row order, one row each (modules/survey/microdata.ts interviewToRow).
import "server-only";
import type { Executor } from "@/db/transaction";
import { allArrays } from "@/db/sql";
import { inTransaction } from "@/db/transaction";
import type { Answer } from "@/modules/questionnaire/answers";
import { BOM, csvLine } from "@/lib/csv/csv";
import { interviewToRow, microdataHeader } from "../microdata";
import { MICRODATA_PAGE, MICRODATA_PAGE_CELLS } from "./survey.sql";

/**
 * The header, then one line per approved interview (with at least one stored cell). Read in pages
 * of 500 households: no database cursor stays open between two lines pulled (another request on
 * this process's one connection would find it busy), and only one page of cells is in memory at a
 * time. A page is an index range (survey_households_wave_status: wave, status, id), so each costs
 * its own rows, not a sort of the whole wave. A page's households and its cells are two reads of one
 * snapshot; the cells (5 columns, not the household's fields repeated on each) are grouped by
 * household in memory, so the join needs no ORDER BY.
 */
export async function* microdataLines(db: Executor, wave: number): AsyncGenerator<string> {
  type Household = [number, string, string, string, number, number | null, string | null];
  type Cell = [number, string, number | null, string | null, "NA" | "NAP" | null];
  const read = (after: number) =>
    inTransaction(db, async (tx) => ({
      page: await allArrays<Household>(tx, MICRODATA_PAGE, wave, after),
      cells: await allArrays<Cell>(tx, MICRODATA_PAGE_CELLS, wave, after),
    }));
  yield BOM + csvLine(microdataHeader());
  let after = 0;
  for (;;) {
    const { page, cells: rows } = await read(after);
    if (!page.length) return;
    const answersOf = new Map<number, Record<string, Answer>>();
    for (const [id, cell, num, text, status] of rows) {
      let answers = answersOf.get(id);
      if (!answers) answersOf.set(id, (answers = {}));
      answers[cell] = { num, text, status };
    }
    for (const [id, household_id, region, settlement, weight, , language] of page) {
      const answers = answersOf.get(id);
      if (answers) yield csvLine(interviewToRow({ household_id, region, settlement, weight }, answers, language));
    }
    after = page[page.length - 1][0];
  }
}
