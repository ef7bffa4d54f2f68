// The rules engine, the same code in the browser (live, per question) and on the server (saving,
// submitting, reports). Severity is explicit:
//   error   — blocks saving that value, or submitting (malformed, out of range, too long,
//             unanswered at submit time);
//   warning — allows submitting only with an explanation: the question's comment (this cycle's
//             reply) and a confirmation of each warning it explains (sums, case flow, "at most",
//             variation, a change between a figure and NA/NAP since the previous cycle).
import type { CellRef, Question, Questionnaire } from "./definition";
import { cellKey, cellsOf, commentKey, explanationsKey, questionStatusKey, type Cell } from "./cells";
import { cellEnabled, questionEnabled } from "./conditions";
import { isEmpty, multiIds, type Answer, type AnswerReader } from "./answers";
import { checkRange, exactSum } from "./numbers";
import { walkQuestions } from "./walk";

export type Severity = "error" | "warning";

export type IssueCode =
  | "notANumber"
  | "tooManyDecimals"
  | "belowMin"
  | "aboveMax"
  | "tooLarge"
  | "textTooLong"
  | "badDate"
  | "dateOutOfRange"
  | "unknownOption"
  | "tooManySelected"
  | "exclusiveOption"
  | "tooManyChecked"
  | "statusNotAllowed"
  | "unanswered"
  | "sumMismatch"
  | "totalNA"
  | "totalNAPWithParts"
  | "caseFlow"
  | "atMost"
  | "variation"
  | "referenceMismatch"
  | "statusChanged";

const SEVERITY: Record<IssueCode, Severity> = {
  notANumber: "error",
  tooManyDecimals: "error",
  belowMin: "error",
  aboveMax: "error",
  tooLarge: "error",
  textTooLong: "error",
  badDate: "error",
  dateOutOfRange: "error",
  unknownOption: "error",
  tooManySelected: "error",
  exclusiveOption: "error",
  tooManyChecked: "error",
  statusNotAllowed: "error",
  unanswered: "error",
  sumMismatch: "warning",
  totalNA: "warning",
  totalNAPWithParts: "warning",
  caseFlow: "warning",
  atMost: "warning",
  variation: "warning",
  referenceMismatch: "warning",
  statusChanged: "warning",
};

export type Issue = {
  code: IssueCode;
  severity: Severity;
  question: string;
  /** The cell the issue is shown at (a total, the pending-31-Dec cell …). */
  cell: string;
  params: Record<string, string | number>;
  /** For warnings: the question's comment explains it and the correspondent confirmed so for this
   *  warning (explanationsKey), so it does not block submission. */
  explained?: boolean;
};

/** The name a warning is confirmed under in the question's explanations: its code and cell. The
 *  parameters stay out (a total that still differs, by another amount, stays explained). */
export const warningId = (i: Pick<Issue, "code" | "cell">) => `${i.code}@${i.cell}`;

/** Most warnings a question's explanations may list (a grid of ~300 cells has fewer warnings). */
export const EXPLANATIONS_MAX = 1000;

/** The warnings confirmed as explained, from the stored text (a JSON array of warning ids);
 *  anything else confirms nothing. */
export function parseExplanations(text: string | null | undefined): Set<string> {
  if (!text) return new Set();
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? new Set(ids.filter((x): x is string => typeof x === "string")) : new Set();
  } catch {
    return new Set();
  }
}

/** Is this stored text a well-formed list of warning ids? (What a save accepts.) */
export function validExplanations(text: string): boolean {
  try {
    const ids: unknown = JSON.parse(text);
    return (
      Array.isArray(ids) &&
      ids.length <= EXPLANATIONS_MAX &&
      ids.every((x) => typeof x === "string" && x.length <= 250 && x.includes("@")) &&
      new Set(ids).size === ids.length
    );
  } catch {
    return false;
  }
}

/** The explanations' text with one warning confirmed or withdrawn (sorted: one text per set). */
export function withExplanation(text: string | null | undefined, id: string, confirmed: boolean): string {
  const ids = parseExplanations(text);
  if (confirmed) ids.add(id);
  else ids.delete(id);
  return ids.size ? JSON.stringify([...ids].sort()) : "";
}

/** Do two issues say the same thing (code, cell, severity, explained, parameters)? The rules build
 *  new Issue objects on every evaluation; the form uses this to skip re-rendering unchanged messages. */
export function sameIssue(a: Issue, b: Issue): boolean {
  if (a === b) return true;
  if (a.code !== b.code || a.cell !== b.cell || a.question !== b.question || a.severity !== b.severity || !!a.explained !== !!b.explained) return false;
  const ka = Object.keys(a.params),
    kb = Object.keys(b.params);
  return ka.length === kb.length && ka.every((k) => k in b.params && a.params[k] === b.params[k]);
}

const issue = (code: IssueCode, question: string, cell: string, params: Issue["params"] = {}): Issue => ({
  code,
  severity: SEVERITY[code],
  question,
  cell,
  params,
});

// ---------------------------------------------------------------------------------------------
// One cell's value against its spec: what blocks saving it.

export type ValueContext = {
  /** The survey wave's fieldwork period, for dates declared `within: "fieldwork"`. */
  fieldwork?: { start: string; end: string };
};

export function checkCellValue(cell: Cell, answer: Answer, context: ValueContext = {}): Issue | null {
  if (isEmpty(answer)) return null;
  const q = cell.question.id;
  const spec = cell.spec;
  switch (spec.kind) {
    case "number": {
      if (answer.status) {
        const allowed = answer.status === "NA" ? spec.number.allowNA : spec.number.allowNAP;
        return allowed ? null : issue("statusNotAllowed", q, cell.key, { status: answer.status });
      }
      if (answer.num === null) return issue("notANumber", q, cell.key);
      const r = checkRange(answer.num, spec.number);
      return r.ok ? null : issue(r.error.code, q, cell.key, numberParams(r.error));
    }
    case "choice":
      if (answer.status || answer.num !== null) return issue("unknownOption", q, cell.key);
      return spec.options.some((o) => o.id === answer.text) ? null : issue("unknownOption", q, cell.key);
    case "multi": {
      if (answer.status || answer.num !== null) return issue("unknownOption", q, cell.key);
      const ids = multiIds(answer);
      if (!answer.text?.startsWith("[") || ids.some((id) => !spec.options.some((o) => o.id === id)) || new Set(ids).size !== ids.length) {
        return issue("unknownOption", q, cell.key);
      }
      if (spec.maxSelected && ids.length > spec.maxSelected) return issue("tooManySelected", q, cell.key, { max: spec.maxSelected });
      const exclusive = spec.options.find((o) => o.exclusive && ids.includes(o.id));
      if (exclusive && ids.length > 1) return issue("exclusiveOption", q, cell.key, { option: exclusive.label.en });
      return null;
    }
    case "check":
      return answer.num === 0 || answer.num === 1 ? null : issue("unknownOption", q, cell.key);
    case "text":
      if (answer.text === null) return issue("unknownOption", q, cell.key);
      return answer.text.length > spec.maxLength ? issue("textTooLong", q, cell.key, { max: spec.maxLength }) : null;
    case "date": {
      if (answer.text === null || !isIsoDate(answer.text)) return issue("badDate", q, cell.key);
      const min = spec.within === "fieldwork" ? (context.fieldwork?.start ?? spec.min) : spec.min;
      const max = spec.within === "fieldwork" ? (context.fieldwork?.end ?? spec.max) : spec.max;
      if ((min && answer.text < min) || (max && answer.text > max)) return issue("dateOutOfRange", q, cell.key, { min: min ?? "", max: max ?? "" });
      return null;
    }
  }
}

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const numberParams = (e: { code: string } & Record<string, unknown>) =>
  Object.fromEntries(Object.entries(e).filter(([k]) => k !== "code")) as Record<string, number>;

/** Longest text allowed in a comment or an option's text. */
export const COMMENT_MAX = 10_000;
export const OPTION_TEXT_MAX = 2_000;

// ---------------------------------------------------------------------------------------------
// Consistency rules of a question: sums, case flow, "at most".

type NumberLike = { kind: "num"; value: number } | { kind: "NA" } | { kind: "NAP" } | { kind: "empty" };

function numberLike(a: Answer | undefined): NumberLike {
  if (!a || isEmpty(a)) return { kind: "empty" };
  if (a.status) return { kind: a.status };
  return a.num !== null ? { kind: "num", value: a.num } : { kind: "empty" };
}

/**
 * The computed sum of parts, shown live beside a typed total. NAP counts as 0 (the category does
 * not exist); an NA or empty part makes the sum unknown (null).
 */
export function computeSum(parts: string[], read: AnswerReader): number | null {
  const values: number[] = [];
  for (const key of parts) {
    const v = numberLike(read(key));
    if (v.kind === "num") values.push(v.value);
    else if (v.kind === "NAP") values.push(0);
    else return null;
  }
  return exactSum(values);
}

function sumRule(question: string, total: string, parts: string[], read: AnswerReader): Issue | null {
  const t = numberLike(read(total));
  const partValues = parts.map((k) => numberLike(read(k)));
  const allNumbers = partValues.every((p) => p.kind === "num" || p.kind === "NAP");
  if (!allNumbers) return null;
  const sum = exactSum(partValues.map((p) => (p.kind === "num" ? p.value : 0)));
  const anyFigure = partValues.some((p) => p.kind === "num");
  if (t.kind === "num" && t.value !== sum) return issue("sumMismatch", question, total, { total: t.value, sum, difference: exactSum([t.value, -sum]) });
  if (t.kind === "NA" && anyFigure) return issue("totalNA", question, total, { sum });
  if (t.kind === "NAP" && anyFigure && sum !== 0) return issue("totalNAPWithParts", question, total, { sum });
  return null;
}

function flowRule(question: string, keys: { ps: string; inc: string; res: string; pe: string }, read: AnswerReader): Issue | null {
  const [ps, inc, res, pe] = [keys.ps, keys.inc, keys.res, keys.pe].map((k) => numberLike(read(k)));
  if (ps.kind !== "num" || inc.kind !== "num" || res.kind !== "num" || pe.kind !== "num") return null;
  const expected = exactSum([ps.value, inc.value, -res.value]);
  return expected === pe.value ? null : issue("caseFlow", question, keys.pe, { expected, actual: pe.value, difference: exactSum([pe.value, -expected]) });
}

function atMostRule(question: string, key: string, maxKey: string, read: AnswerReader): Issue | null {
  const v = numberLike(read(key));
  const max = numberLike(read(maxKey));
  return v.kind === "num" && max.kind === "num" && v.value > max.value ? issue("atMost", question, key, { value: v.value, max: max.value }) : null;
}

/** The sums a question declares, as storage keys: for display (live computed totals) and rules. */
const sumsCache = new WeakMap<Question, { total: string; parts: string[] }[]>();

/** A question's sums (typed total = sum of parts), computed once per question object (the rules ask
 *  on every keystroke) and shared, frozen: do not modify. */
export function sumsOf(q: Question): { total: string; parts: string[] }[] {
  let sums = sumsCache.get(q);
  if (!sums) {
    sums = Object.freeze(buildSums(q).map((s) => Object.freeze({ total: s.total, parts: Object.freeze(s.parts) as string[] }))) as {
      total: string;
      parts: string[];
    }[];
    sumsCache.set(q, sums);
  }
  return sums;
}

function buildSums(q: Question): { total: string; parts: string[] }[] {
  const sums: { total: string; parts: string[] }[] = [];
  if (q.type === "grid") {
    const numberCols = q.columns.filter((c) => c.cell.kind === "number");
    const has = (rowId: string, colId: string) => !q.rows.find((r) => r.id === rowId)?.emptyColumns?.includes(colId);
    for (const row of q.rows) {
      if (!row.sumOf) continue;
      for (const col of numberCols) {
        if (!has(row.id, col.id)) continue;
        const parts = row.sumOf.filter((r) => has(r, col.id)).map((r) => cellKey({ q: q.id, row: r, col: col.id }));
        sums.push({ total: cellKey({ q: q.id, row: row.id, col: col.id }), parts });
      }
    }
    for (const col of numberCols) {
      if (!col.sumOf) continue;
      for (const row of q.rows) {
        if (!has(row.id, col.id)) continue;
        const parts = col.sumOf.filter((c) => has(row.id, c)).map((c) => cellKey({ q: q.id, row: row.id, col: c }));
        sums.push({ total: cellKey({ q: q.id, row: row.id, col: col.id }), parts });
      }
    }
  }
  for (const rule of q.rules ?? []) {
    if (rule.kind === "sum") sums.push({ total: cellKey(rule.total), parts: rule.parts.map(cellKey) });
  }
  return sums.filter((s) => s.parts.length > 0);
}

/** Every key a question's rules read: the form watches these to re-evaluate just this question. */
export function ruleKeys(q: Question): string[] {
  const keys = new Set(cellsOf(q).map((c) => c.key));
  keys.add(commentKey(q.id));
  keys.add(explanationsKey(q.id));
  for (const rule of q.rules ?? []) {
    const refs: CellRef[] =
      rule.kind === "sum"
        ? [rule.total, ...rule.parts]
        : rule.kind === "atMost"
          ? [rule.cell, rule.max]
          : [rule.pendingStart, rule.incoming, rule.resolved, rule.pendingEnd];
    refs.forEach((r) => keys.add(cellKey(r)));
  }
  return [...keys];
}

export type EvaluateOptions = {
  /** At submission, every enabled cell must be answered. */
  submit?: boolean;
  /** The previous cycle's answers of the same country: figures that moved too much need explaining. */
  previous?: AnswerReader;
  /** The cycle's variation threshold in % (a question may override it). */
  variationThreshold?: number;
  /** Values the definition refers to, such as the survey wave's fieldwork period. */
  context?: ValueContext;
  /** Figures another source gives for some cells (a national report for a CEPEJ cell): a value
   *  further from it than its threshold needs explaining. */
  references?: Record<string, ReferenceValue>;
};

/** Another source's figure for a cell, and how far (in %) the answer may be from it unexplained. */
export type ReferenceValue = { num: number; threshold: number; source: string };

/** Change from the previous cycle in %, one decimal; null when there is nothing to compare. */
export function variationOf(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (previous === 0) return current === 0 ? 0 : Infinity;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** All issues of one question (nothing when the question is disabled by its condition). */
export function evaluateQuestion(q: Question, read: AnswerReader, options: EvaluateOptions = {}): Issue[] {
  if (!questionEnabled(q, read)) return [];
  const issues: Issue[] = [];
  const cells = cellsOf(q).filter((c) => cellEnabled(c, read));
  const enabled = new Set(cells.map((c) => c.key));
  const wholeStatus = q.questionStatus?.length ? read(questionStatusKey(q.id))?.status : null;

  for (const cell of cells) {
    const answer = read(cell.key);
    const problem = answer ? checkCellValue(cell, answer, options.context) : null;
    if (problem) issues.push(problem);
    else if (options.submit && !wholeStatus && isEmpty(answer) && requiredAtSubmit(cell))
      issues.push(issue("unanswered", q.id, cell.key, unansweredParams(cell)));
  }
  if (wholeStatus) return issues; // the whole question is NA/NAP: its cells' consistency is moot

  for (const { total, parts } of sumsOf(q)) {
    if (!enabled.has(total) && q.type === "grid") continue;
    const found = sumRule(
      q.id,
      total,
      parts.filter((p) => enabled.has(p) || q.type !== "grid"),
      read,
    );
    if (found) issues.push(found);
  }
  if (q.type === "grid" && q.caseFlow) {
    const f = q.caseFlow;
    for (const row of q.rows) {
      const k = (col: string) => cellKey({ q: q.id, row: row.id, col });
      if (![f.pendingStart, f.incoming, f.resolved, f.pendingEnd].every((c) => enabled.has(k(c)))) continue;
      const found = flowRule(q.id, { ps: k(f.pendingStart), inc: k(f.incoming), res: k(f.resolved), pe: k(f.pendingEnd) }, read);
      if (found) issues.push(found);
    }
  }
  if (q.type === "grid") {
    for (const row of q.rows) {
      if (!row.atMost) continue;
      for (const col of q.columns.filter((c) => c.cell.kind === "number")) {
        const key = cellKey({ q: q.id, row: row.id, col: col.id });
        const max = cellKey({ q: q.id, row: row.atMost, col: col.id });
        if (!enabled.has(key) || !enabled.has(max)) continue;
        const found = atMostRule(q.id, key, max, read);
        if (found) issues.push(found);
      }
    }
    for (const limit of q.maxChecked ?? []) {
      const ticked = q.rows.filter(
        (r) => enabled.has(cellKey({ q: q.id, row: r.id, col: limit.col })) && read(cellKey({ q: q.id, row: r.id, col: limit.col }))?.num === 1,
      );
      if (ticked.length > limit.max)
        issues.push(issue("tooManyChecked", q.id, cellKey({ q: q.id, row: ticked[ticked.length - 1].id, col: limit.col }), { max: limit.max }));
    }
  }
  if (options.previous) {
    const threshold = q.variationThreshold ?? options.variationThreshold ?? 20;
    for (const cell of cells) {
      if (cell.spec.kind !== "number") continue;
      const v = variationOf(read(cell.key)?.num, options.previous(cell.key)?.num);
      if (v !== null && Math.abs(v) > threshold) {
        issues.push(issue("variation", q.id, cell.key, { previous: options.previous(cell.key)!.num!, variation: Number.isFinite(v) ? v : "∞", threshold }));
      }
      const moved = statusChange(read(cell.key), options.previous(cell.key));
      if (moved) issues.push(issue("statusChanged", q.id, cell.key, moved));
    }
  }
  if (options.references) {
    for (const cell of cells) {
      const ref = options.references[cell.key];
      if (!ref || cell.spec.kind !== "number") continue;
      const v = variationOf(read(cell.key)?.num, ref.num);
      if (v !== null && Math.abs(v) > ref.threshold) {
        issues.push(
          issue("referenceMismatch", q.id, cell.key, {
            reference: ref.num,
            difference: Number.isFinite(v) ? v : "∞",
            threshold: ref.threshold,
            source: ref.source,
          }),
        );
      }
    }
  }
  for (const rule of q.rules ?? []) {
    if (rule.kind === "atMost") {
      const found = atMostRule(q.id, cellKey(rule.cell), cellKey(rule.max), read);
      if (found) issues.push(found);
    } else if (rule.kind === "flow") {
      const found = flowRule(
        q.id,
        { ps: cellKey(rule.pendingStart), inc: cellKey(rule.incoming), res: cellKey(rule.resolved), pe: cellKey(rule.pendingEnd) },
        read,
      );
      if (found) issues.push(found);
    }
  }

  // An explanation is this reply's comment, confirmed warning by warning: a comment (one reused
  // from the previous cycle included) no longer explains every warning of the question at once.
  const comment = read(commentKey(q.id))?.text?.trim();
  const confirmed = comment ? parseExplanations(read(explanationsKey(q.id))?.text) : new Set<string>();
  for (const i of issues) if (i.severity === "warning") i.explained = confirmed.has(warningId(i));
  return issues;
}

/** A figure that was NA or NAP in the previous cycle, or NA/NAP that was a figure: the parameters
 *  of its warning, or null. */
export function statusChange(current: Answer | undefined, previous: Answer | undefined): { previous: string | number; current: string | number } | null {
  if (!current || !previous || isEmpty(current) || isEmpty(previous)) return null;
  if (previous.status && !current.status && current.num !== null) return { previous: previous.status, current: current.num };
  if (!previous.status && previous.num !== null && current.status) return { previous: previous.num, current: current.status };
  return null;
}

/** "Not answered" in the words of the cell: a figure (with NA/NAP when allowed), an option, a date. */
function unansweredParams(cell: Cell): Record<string, string> {
  const spec = cell.spec;
  if (spec.kind === "number") return { kind: spec.number.allowNA || spec.number.allowNAP ? "number" : "figure" };
  return { kind: spec.kind };
}

/** Numbers and single choices must be answered (a figure, NA, NAP or an option); tick boxes,
 *  multiple choices and texts may legitimately stay empty. */
function requiredAtSubmit(cell: Cell): boolean {
  return cell.spec.kind === "number" || cell.spec.kind === "choice" || cell.spec.kind === "date";
}

export function evaluateAll(q: Questionnaire, read: AnswerReader, options: EvaluateOptions = {}): Issue[] {
  const issues: Issue[] = [];
  for (const { question } of walkQuestions(q)) issues.push(...evaluateQuestion(question, read, options));
  return issues;
}

/** What still blocks submission: errors, and warnings nobody has explained. */
export const blocksSubmission = (i: Issue) => i.severity === "error" || !i.explained;
