// Storage keys and the cells of each question. A key names one stored value:
//   "001"                 a single-answer question (number, choice, multi, text, sources)
//   "006:r2_1:approved"   a grid cell (question:row:column)
//   "018#yes"             the text attached to an option of a cell ("018:r1:c#yes" in a grid)
//   "006#comment"         the question's comment;  "014-0#status"  a whole-question NA/NAP
//   "006#explains"        the warnings the comment explains, as confirmed one by one (rules.ts)
import type { CellRef, CellSpec, Column, Question, Questionnaire, Row } from "./definition";
import { walkQuestions } from "./walk";

export const cellKey = (ref: CellRef) => (ref.row === undefined ? ref.q : `${ref.q}:${ref.row}:${ref.col}`);
export const commentKey = (questionId: string) => `${questionId}#comment`;
export const explanationsKey = (questionId: string) => `${questionId}#explains`;
export const questionStatusKey = (questionId: string) => `${questionId}#status`;
export const optionTextKey = (key: string, optionId: string) => `${key}#${optionId}`;

/** One answer cell of a question, with what it holds. */
export type Cell = { key: string; question: Question; spec: CellSpec; row?: Row; col?: Column };

/** What a non-grid question's single cell holds. */
function singleCellSpec(q: Exclude<Question, { type: "grid" }>): CellSpec {
  switch (q.type) {
    case "number":
      return { kind: "number", number: q.number };
    case "choice":
      return { kind: "choice", options: q.options };
    case "multi":
      return { kind: "multi", options: q.options, maxSelected: q.maxSelected };
    case "text":
    case "sources":
      return { kind: "text", maxLength: q.maxLength };
    case "date":
      return { kind: "date", min: q.min, max: q.max, within: q.within };
  }
}

// The rules, the progress and the form's messages ask for a question's cells on every keystroke;
// a grid's ~100 cells (and their keys) are built once per question object and shared, frozen so
// that no caller can change them (definitions are not changed once parsed).
const cellsCache = new WeakMap<Question, Cell[]>();

/** The cells of a question (a grid's less its empty ones), in row then column order. Shared: do not modify. */
export function cellsOf(q: Question): Cell[] {
  let cells = cellsCache.get(q);
  if (!cells) {
    cells = Object.freeze(buildCells(q)) as Cell[];
    cellsCache.set(q, cells);
  }
  return cells;
}

function buildCells(q: Question): Cell[] {
  if (q.type !== "grid") return [{ key: q.id, question: q, spec: singleCellSpec(q) }];
  const cells: Cell[] = [];
  for (const row of q.rows) {
    for (const col of q.columns) {
      if (row.emptyColumns?.includes(col.id)) continue;
      cells.push({ key: cellKey({ q: q.id, row: row.id, col: col.id }), question: q, spec: col.cell, row, col });
    }
  }
  return cells;
}

/** Every storable key of a question: its cells, option texts, comment and whole-question status. */
export function keysOf(q: Question): string[] {
  const keys: string[] = [];
  for (const cell of cellsOf(q)) {
    keys.push(cell.key);
    if (cell.spec.kind === "choice" || cell.spec.kind === "multi") {
      for (const o of cell.spec.options) if (o.text) keys.push(optionTextKey(cell.key, o.id));
    }
  }
  if (q.comment !== false) keys.push(commentKey(q.id), explanationsKey(q.id));
  if (q.questionStatus?.length) keys.push(questionStatusKey(q.id));
  return keys;
}

export type KeyInfo =
  | { kind: "cell"; cell: Cell }
  | { kind: "optionText"; cell: Cell; optionId: string }
  | { kind: "comment"; question: Question }
  | { kind: "explanations"; question: Question }
  | { kind: "questionStatus"; question: Question };

/** Index of a questionnaire: question by id, chapter of each question, what each key is. */
export type QuestionnaireIndex = {
  questionnaire: Questionnaire;
  questions: Map<string, Question>;
  chapterOf: Map<string, string>;
  keys: Map<string, KeyInfo>;
  cells: Map<string, Cell>;
};

export function indexQuestionnaire(q: Questionnaire): QuestionnaireIndex {
  const index: QuestionnaireIndex = { questionnaire: q, questions: new Map(), chapterOf: new Map(), keys: new Map(), cells: new Map() };
  for (const { question, chapter } of walkQuestions(q)) {
    index.questions.set(question.id, question);
    index.chapterOf.set(question.id, chapter.id);
    for (const cell of cellsOf(question)) {
      index.cells.set(cell.key, cell);
      index.keys.set(cell.key, { kind: "cell", cell });
      if (cell.spec.kind === "choice" || cell.spec.kind === "multi") {
        for (const o of cell.spec.options) {
          if (o.text) index.keys.set(optionTextKey(cell.key, o.id), { kind: "optionText", cell, optionId: o.id });
        }
      }
    }
    if (question.comment !== false) {
      index.keys.set(commentKey(question.id), { kind: "comment", question });
      index.keys.set(explanationsKey(question.id), { kind: "explanations", question });
    }
    if (question.questionStatus?.length) index.keys.set(questionStatusKey(question.id), { kind: "questionStatus", question });
  }
  return index;
}

/** The question a storage key belongs to ("006:r1:approved" → "006", "006#comment" → "006"). */
