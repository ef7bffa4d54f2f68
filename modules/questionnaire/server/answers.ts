// Where answers are read and written. Every save is validated cell by cell against the
// definition (the same rules engine as the browser), checked for conflicting edits, and written
// with its history. The writers run inside the calling service's transaction (they refuse to run
// outside one): the service re-reads the state it depends on, moves it and writes its audit row in
// the same transaction.
import "server-only";
import { isInTransaction, type Executor } from "@/db/transaction";
import { all, onPostgres, run } from "@/db/sql";
import { INSERT_HISTORY, INSERT_HISTORY_PG, LOAD_ANSWERS, SELECT_STORED_ANSWERS, TOUCH_RESPONSE, UPSERT_ANSWER, UPSERT_ANSWERS_PG } from "./questionnaire.sql";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { isEmpty, sameAnswer, type Answer } from "@/modules/questionnaire/answers";
import { checkCellValue, COMMENT_MAX, OPTION_TEXT_MAX, validExplanations, type ValueContext } from "@/modules/questionnaire/rules";
import type { AnswerChange, Conflict, RejectedCell, SaveAnswersResponse, SavedCell } from "../schemas";

export type StoredAnswer = { answer: Answer; version: number };

export async function loadAnswers(db: Executor, responseId: number): Promise<Map<string, StoredAnswer>> {
  const rows = await all<{
    cell: string;
    num: number | null;
    text: string | null;
    status: "NA" | "NAP" | null;
    version: number;
  }>(db, LOAD_ANSWERS, responseId);
  return new Map(rows.map((r) => [r.cell, { answer: { num: r.num, text: r.text, status: r.status }, version: r.version }]));
}

/** Refusals that block saving: unknown cells and values that break their cell's rules. */
export function validateChanges(index: QuestionnaireIndex, changes: AnswerChange[], context: ValueContext = {}): RejectedCell[] {
  const rejected: RejectedCell[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    if (seen.has(change.cell)) {
      rejected.push({ cell: change.cell, code: "duplicateCell" });
      continue;
    }
    seen.add(change.cell);
    const info = index.keys.get(change.cell);
    const v = change.value;
    if (!info) {
      rejected.push({ cell: change.cell, code: "unknownCell" });
      continue;
    }
    if (!v || isEmpty(v)) continue; // clearing is always allowed
    if (info.kind === "cell") {
      const problem = checkCellValue(info.cell, v, context);
      if (problem) rejected.push({ cell: change.cell, code: problem.code, params: problem.params });
    } else if (info.kind === "questionStatus") {
      if (!v.status || v.num !== null || v.text !== null || !info.question.questionStatus?.includes(v.status)) {
        rejected.push({ cell: change.cell, code: "statusNotAllowed" });
      }
    } else if (info.kind === "explanations") {
      if (v.text === null || v.num !== null || v.status !== null || !validExplanations(v.text)) rejected.push({ cell: change.cell, code: "badExplanations" });
    } else {
      const max = info.kind === "comment" ? COMMENT_MAX : OPTION_TEXT_MAX;
      if (v.text === null || v.num !== null || v.status !== null) rejected.push({ cell: change.cell, code: "textExpected" });
      else if (v.text.length > max) rejected.push({ cell: change.cell, code: "textTooLong", params: { max } });
    }
  }
  return rejected;
}

type Written = { cell: string; value: Answer | null; version: number; before: Answer | null; source: string | null };

/** Every answer write is two rows: the cell (versioned) and its history. SQLite: two prepared
 *  statements per cell, in process. PostgreSQL: two statements for all the cells, since each
 *  statement is a round trip to the server (an interview's 26 cells were 52 of them). */
async function writeAll(tx: Executor, responseId: number, userId: number, at: string, written: Written[]) {
  if (!written.length) return;
  const json = (a: Answer | null) => (a ? JSON.stringify(a) : null);
  if (onPostgres(tx)) {
    const cells = written.map((w) => ({
      cell: w.cell,
      num: w.value?.num ?? null,
      text: w.value?.text ?? null,
      status: w.value?.status ?? null,
      version: w.version,
    }));
    await run(tx, UPSERT_ANSWERS_PG, responseId, userId, at, JSON.stringify(cells));
    const history = written.map((w) => ({ cell: w.cell, old: json(w.before), new: json(w.value), source: w.source }));
    await run(tx, INSERT_HISTORY_PG, responseId, userId, JSON.stringify(history));
    return;
  }
  for (const w of written) {
    const v = w.value;
    await run(tx, UPSERT_ANSWER, responseId, w.cell, v?.num ?? null, v?.text ?? null, v?.status ?? null, w.version, userId, at);
    await run(tx, INSERT_HISTORY, responseId, w.cell, json(w.before), json(v), userId, w.source);
  }
}

type Row = {
  cell: string;
  num: number | null;
  text: string | null;
  status: "NA" | "NAP" | null;
  version: number;
  updated_at: string;
  updated_by_name: string | null;
};

/** Writes valid changes. A change based on an older version than the stored one is a conflict
 *  (unless it writes the value already stored): it is reported with both values, not applied.
 *  `sources` (cell → text) says where copied values came from, for their history rows. */
export async function saveAnswers(
  tx: Executor,
  responseId: number,
  userId: number,
  changes: AnswerChange[],
  sources?: ReadonlyMap<string, string>,
): Promise<SaveAnswersResponse> {
  inside(tx);
  const at = new Date().toISOString();

  {
    const saved: SavedCell[] = [];
    const conflicts: Conflict[] = [];
    const written: Written[] = [];
    // The changed cells as stored, in one read (a cell named twice in `changes` is refused by validateChanges).
    const storedRows = changes.length
      ? new Map((await all<Row>(tx, SELECT_STORED_ANSWERS, responseId, JSON.stringify(changes.map((c) => c.cell)))).map((r) => [r.cell, r]))
      : new Map<string, Row>();
    for (const change of changes) {
      const row = storedRows.get(change.cell);
      const stored: Answer | null = row ? { num: row.num, text: row.text, status: row.status } : null;
      const version = row?.version ?? 0;
      const value = change.value && !isEmpty(change.value) ? change.value : null;
      if (sameAnswer(stored, value)) {
        saved.push({ cell: change.cell, version });
        continue;
      }
      if (version !== change.baseVersion) {
        conflicts.push({
          cell: change.cell,
          yours: value,
          theirs: stored && !isEmpty(stored) ? stored : null,
          version,
          by: row?.updated_by_name ?? null,
          at: row?.updated_at ?? null,
        });
        continue;
      }
      written.push({ cell: change.cell, value, version: version + 1, before: stored, source: sources?.get(change.cell) ?? null });
      saved.push({ cell: change.cell, version: version + 1 });
    }
    await writeAll(tx, responseId, userId, at, written);
    if (saved.length) await run(tx, TOUCH_RESPONSE, at, responseId);
    return { saved, conflicts };
  }
}

/** Replaces every stored answer of a response with `next` (an import), in one transaction, keeping
 *  the history of each cell that changes. Returns how many cells changed. */
export async function replaceAnswers(tx: Executor, responseId: number, userId: number, next: Map<string, Answer>): Promise<number> {
  inside(tx);
  const at = new Date().toISOString();
  const current = await loadAnswers(tx, responseId);
  {
    const written: Written[] = [];
    const cells = new Set([...current.keys(), ...next.keys()]);
    for (const cell of cells) {
      const before = current.get(cell);
      const after = next.get(cell) && !isEmpty(next.get(cell)) ? next.get(cell)! : null;
      if (sameAnswer(before?.answer ?? null, after)) continue;
      written.push({ cell, value: after, version: (before?.version ?? 0) + 1, before: before?.answer ?? null, source: null });
    }
    await writeAll(tx, responseId, userId, at, written);
    if (written.length) await run(tx, TOUCH_RESPONSE, at, responseId);
    return written.length;
  }
}

/** Refuses an executor outside a transaction: a write there would commit on its own, apart from
 *  the state change and audit row it belongs to. */
function inside(tx: Executor) {
  if (!isInTransaction(tx)) throw new Error("answers are written inside the calling service's transaction (db/transaction.ts inTransaction)");
}
