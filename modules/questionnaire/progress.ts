// Progress of a part: enabled cells that need an answer, and how many have one.
import type { Question } from "./definition";
import { cellsOf, questionStatusKey } from "./cells";
import { cellEnabled } from "./conditions";
import { isEmpty, type AnswerReader } from "./answers";

export type Progress = { answered: number; total: number };

export function progressOf(questions: Iterable<Question>, read: AnswerReader): Progress {
  let answered = 0;
  let total = 0;
  for (const q of questions) {
    const whole = q.questionStatus?.length ? !isEmpty(read(questionStatusKey(q.id))) : false;
    for (const cell of cellsOf(q)) {
      if (cell.spec.kind !== "number" && cell.spec.kind !== "choice" && cell.spec.kind !== "date") continue;
      if (!cellEnabled(cell, read)) continue;
      total++;
      if (whole || !isEmpty(read(cell.key))) answered++;
    }
  }
  return { answered, total };
}
