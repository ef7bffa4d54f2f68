// The microdata file of a wave, line by line (the microdata route streams it): approved interviews
// in household-row order, one row each (lib/survey/microdata.ts interviewToRow).
import "server-only";
import type Database from "better-sqlite3";
import type { Answer } from "@/lib/questionnaire/answers";
import { BOM, csvLine } from "@/lib/export/csv";
import { interviewToRow, microdataHeader } from "../microdata";

const PAGE = "select id, household_id, region, settlement, weight, response_id from survey_households where wave = ? and status = 'approved' and id > ? order by id limit 500";
type Entry = { household: { household_id: string; region: string; settlement: string; weight: number }; answers: Record<string, Answer> };

/**
 * The header, then one line per approved interview (with at least one stored cell). Read in pages
 * of 500 households: no database cursor stays open between two lines pulled (another request on
 * this process's one connection would find it busy), and only one page of cells is in memory at a
 * time. A page is an index range (survey_households_wave_status: wave, status, id), so each costs
 * its own rows, not a sort of the whole wave; its cells are grouped by household in memory, so the
 * join needs no ORDER BY (no sort of the page's cells either).
 */
export function* microdataLines(sqlite: Database.Database, wave: number): Generator<string> {
  const lastOfPage = sqlite.prepare(`select max(id) from (${PAGE})`).pluck();
  const page = sqlite.prepare(
    `select h.id, h.household_id, h.region, h.settlement, h.weight, a.cell, a.num, a.text, a.status
       from (${PAGE}) h join answers a on a.response_id = h.response_id`,
  ).raw();
  yield BOM + csvLine(microdataHeader());
  let after = 0;
  for (;;) {
    const last = lastOfPage.get(wave, after) as number | null;
    if (last === null) return;
    const rows = page.all(wave, after) as [number, string, string, string, number, string, number | null, string | null, "NA" | "NAP" | null][];
    const byId = new Map<number, Entry>();
    for (const [id, household_id, region, settlement, weight, cell, num, text, status] of rows) {
      let e = byId.get(id);
      if (!e) byId.set(id, (e = { household: { household_id, region, settlement, weight }, answers: {} }));
      e.answers[cell] = { num, text, status };
    }
    for (const id of [...byId.keys()].sort((a, b) => a - b)) {
      const e = byId.get(id)!;
      yield csvLine(interviewToRow(e.household, e.answers));
    }
    after = last;
  }
}
