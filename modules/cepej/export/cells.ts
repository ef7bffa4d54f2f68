// The exportable view of a reply, in questionnaire order: one entry per enabled answer cell, with
// labels, the value as text or number, NA/NAP, the question's comment and "not retained" marks.
// CSV, XLSX and the print view are all written from this one walk.
import type { Part, Question, Questionnaire } from "@/modules/questionnaire/definition";
import { cellsOf, commentKey, optionTextKey, questionStatusKey, type Cell } from "@/modules/questionnaire/cells";
import { cellEnabled, questionEnabled } from "@/modules/questionnaire/conditions";
import { multiIds, type AnswerReader } from "@/modules/questionnaire/answers";

export type ExportCell = {
  question: string;
  part: string;
  chapter: string;
  row: string;
  column: string;
  /** The grid row's and column's codes ("" for a question's single cell). */
  rowId: string;
  colId: string;
  /** The code of the option chosen ("; " between the codes of a multiple choice), else "". */
  option: string;
  /** What the cell holds: figures are "number" (and "check": 1 ticked, 0 not). */
  kind: Cell["spec"]["kind"];
  /** Decimals a figure may have (its number format). */
  decimals: number;
  /** A number stays a number (XLSX writes it as one); choices become their labels. */
  value: string | number;
  status: "NA" | "NAP" | "";
  /** The question's comment, on the question's first cell only. */
  comment: string;
  notRetained: string | null;
};

export type ExportOptions = { flags?: Record<string, string> };

/** Every enabled cell of the questionnaire, with its value from `read`. */
export function* exportCells(q: Questionnaire, read: AnswerReader, options: ExportOptions = {}): Generator<ExportCell> {
  for (const chapter of q.parts) yield* exportPart(chapter, chapter, read, options);
}

function* exportPart(part: Part, chapter: Part, read: AnswerReader, options: ExportOptions): Generator<ExportCell> {
  for (const question of part.questions) yield* exportQuestion(question, part.id, chapter.id, read, options);
  for (const sub of part.parts) yield* exportPart(sub, chapter, read, options);
}

function* exportQuestion(question: Question, part: string, chapter: string, read: AnswerReader, options: ExportOptions): Generator<ExportCell> {
  if (!questionEnabled(question, read)) return; // answers under a false condition are kept, not exported
  const comment = read(commentKey(question.id))?.text ?? "";
  const whole = question.questionStatus?.length ? (read(questionStatusKey(question.id))?.status ?? null) : null;
  let first = true;
  for (const cell of cellsOf(question)) {
    if (!cellEnabled(cell, read)) continue;
    const flag = options.flags?.[cell.key] ?? null;
    const { value, status, option } = flag ? { value: "", status: "" as const, option: "" } : valueOf(cell, read, whole);
    yield {
      question: question.id,
      part,
      chapter,
      row: cell.row?.label.en ?? "",
      column: cell.col?.label.en ?? "",
      rowId: cell.row?.id ?? "",
      colId: cell.col?.id ?? "",
      option,
      kind: cell.spec.kind,
      decimals: cell.spec.kind === "number" ? cell.spec.number.decimals : 0,
      value,
      status,
      comment: first ? comment : "",
      notRetained: flag,
    };
    first = false;
  }
}

function valueOf(cell: Cell, read: AnswerReader, whole: "NA" | "NAP" | null): { value: string | number; status: "NA" | "NAP" | ""; option: string } {
  const a = read(cell.key);
  if (!a || (a.num === null && a.text === null && a.status === null)) return { value: "", status: whole ?? "", option: "" };
  if (a.status) return { value: "", status: a.status, option: "" };
  const spec = cell.spec;
  const withText = (id: string, label: string) => {
    const extra = read(optionTextKey(cell.key, id))?.text;
    return extra ? `${label} (${extra})` : label;
  };
  switch (spec.kind) {
    case "number":
      return { value: a.num ?? "", status: "", option: "" };
    case "check":
      return { value: a.num === 1 ? 1 : 0, status: "", option: "" };
    case "choice": {
      const o = spec.options.find((x) => x.id === a.text);
      return { value: o ? withText(o.id, o.label.en) : (a.text ?? ""), status: "", option: a.text ?? "" };
    }
    case "multi": {
      const ids = multiIds(a);
      return {
        value: ids
          .map((id) => {
            const o = spec.options.find((x) => x.id === id);
            return o ? withText(o.id, o.label.en) : id;
          })
          .join("; "),
        status: "",
        option: ids.join("; "),
      };
    }
    case "text":
    case "date":
      return { value: a.text ?? "", status: "", option: "" };
  }
}

/** Whether a cell has anything to show: a value, NA/NAP, a comment or a "not retained" mark. */
export const hasContent = (c: ExportCell) => c.value !== "" || c.status !== "" || c.comment !== "" || c.notRetained !== null;
