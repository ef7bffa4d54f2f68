// Conditions that enable questions, rows and cells. A disabled answer is kept (never deleted) but
// greyed, and left out of validation, progress and exports.
import type { Condition, Question, Row } from "./definition";
import { cellKey, type Cell } from "./cells";
import { isEmpty, multiIds, type AnswerReader } from "./answers";

export function holds(condition: Condition, read: AnswerReader): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, read));
  if ("any" in condition) return condition.any.some((c) => holds(c, read));
  if ("not" in condition) return !holds(condition.not, read);
  const answer = read(cellKey(condition.cell));
  if ("answered" in condition) return !isEmpty(answer);
  if (!answer?.text) return false;
  const chosen = answer.text.startsWith("[") ? multiIds(answer) : [answer.text];
  return chosen.some((id) => condition.in.includes(id));
}

export const questionEnabled = (q: Question, read: AnswerReader) => !q.enabledWhen || holds(q.enabledWhen, read);
export const rowEnabled = (row: Row | undefined, read: AnswerReader) => !row?.enabledWhen || holds(row.enabledWhen, read);
export const cellEnabled = (cell: Cell, read: AnswerReader) => questionEnabled(cell.question, read) && rowEnabled(cell.row, read);

/** Keys a question's enablement (and its rows') depends on: watched by the form to re-evaluate. */
export function conditionKeys(q: Question): string[] {
  const keys = new Set<string>();
  const visit = (c: Condition) => {
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else keys.add(cellKey(c.cell));
  };
  if (q.enabledWhen) visit(q.enabledWhen);
  if (q.type === "grid") for (const row of q.rows) if (row.enabledWhen) visit(row.enabledWhen);
  return [...keys];
}
