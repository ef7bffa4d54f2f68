// Where answers are read and written. Every save is validated cell by cell against the
// definition (the same rules engine as the browser), checked for conflicting edits, and written
// with its history. The writers run inside the calling service's transaction (they refuse to run
// outside one): the service re-reads the state it depends on, moves it and writes its audit row in
// the same transaction.
import "server-only";
import type { Executor } from "@/db/transaction";
import { prepared } from "@/db/statements";
import { INSERT_HISTORY, LOAD_ANSWERS, SELECT_STORED_ANSWER, TOUCH_RESPONSE, UPSERT_ANSWER } from "./questionnaire.sql";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { isEmpty, sameAnswer, type Answer } from "@/modules/questionnaire/answers";
import { checkCellValue, COMMENT_MAX, OPTION_TEXT_MAX, validExplanations, type ValueContext } from "@/modules/questionnaire/rules";
import type { AnswerChange, Conflict, RejectedCell, SaveAnswersResponse, SavedCell } from "../schemas";

export type StoredAnswer = { answer: Answer; version: number };

export async function loadAnswers(db: Executor, responseId: number): Promise<Map<string, StoredAnswer>> {
  const rows = prepared(db.$client, LOAD_ANSWERS).all(responseId) as {
    cell: string;
    num: number | null;
    text: string | null;
    status: "NA" | "NAP" | null;
    version: number;
  }[];
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

/** The two statements of every answer write: the cell (versioned) and its history. */
function writeStatements(sqlite: Executor["$client"]) {
  return {
    upsert: prepared(sqlite, UPSERT_ANSWER),
    history: prepared(sqlite, INSERT_HISTORY),
  };
}

type Row = { num: number | null; text: string | null; status: "NA" | "NAP" | null; version: number; updated_at: string; updated_by_name: string | null };

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
  const sqlite = inside(tx);
  const select = prepared(sqlite, SELECT_STORED_ANSWER);
  const { upsert, history } = writeStatements(sqlite);
  const touch = prepared(sqlite, TOUCH_RESPONSE);

  {
    const saved: SavedCell[] = [];
    const conflicts: Conflict[] = [];
    for (const change of changes) {
      const row = select.get(responseId, change.cell) as Row | undefined;
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
      upsert.run({
        responseId,
        cell: change.cell,
        num: value?.num ?? null,
        text: value?.text ?? null,
        status: value?.status ?? null,
        version: version + 1,
        userId,
      });
      history.run(
        responseId,
        change.cell,
        stored ? JSON.stringify(stored) : null,
        value ? JSON.stringify(value) : null,
        userId,
        sources?.get(change.cell) ?? null,
      );
      saved.push({ cell: change.cell, version: version + 1 });
    }
    if (saved.length) touch.run(responseId);
    return { saved, conflicts };
  }
}

/** Replaces every stored answer of a response with `next` (an import), in one transaction, keeping
 *  the history of each cell that changes. Returns how many cells changed. */
export async function replaceAnswers(tx: Executor, responseId: number, userId: number, next: Map<string, Answer>): Promise<number> {
  const sqlite = inside(tx);
  const current = await loadAnswers(tx, responseId);
  const { upsert, history } = writeStatements(sqlite);
  {
    let changed = 0;
    const cells = new Set([...current.keys(), ...next.keys()]);
    for (const cell of cells) {
      const before = current.get(cell);
      const after = next.get(cell) && !isEmpty(next.get(cell)) ? next.get(cell)! : null;
      if (sameAnswer(before?.answer ?? null, after)) continue;
      upsert.run({
        responseId,
        cell,
        num: after?.num ?? null,
        text: after?.text ?? null,
        status: after?.status ?? null,
        version: (before?.version ?? 0) + 1,
        userId,
      });
      history.run(responseId, cell, before ? JSON.stringify(before.answer) : null, after ? JSON.stringify(after) : null, userId, null);
      changed++;
    }
    if (changed) prepared(sqlite, TOUCH_RESPONSE).run(responseId);
    return changed;
  }
}

/** The connection of an executor that is inside a transaction: a write outside the service's
 *  transaction would commit on its own, apart from the state change and audit row it belongs to. */
function inside(tx: Executor) {
  if (!tx.$client.inTransaction) throw new Error("answers are written inside the calling service's transaction (db/transaction.ts inTransaction)");
  return tx.$client;
}
