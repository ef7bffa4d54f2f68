// Microdata of the household survey (form UDN): one row per interview, in the instrument's codes.
// Columns: household_id, region, settlement, weight (from the sample), then every question of the
// definition in instrument order (result, interview_date, sex, age, …), then interview_language (the
// respondent's language: kk, ru, en; optional in an imported file). A multiple choice becomes
// 0/1 columns `<code>_<value>` (unsafe_reasons_1 … unsafe_reasons_8) and its "other, please
// specify" text a column `<code>_other`. A question that is not asked (skip logic) is left empty.
//
// The columns, the codes and the skip logic all come from udn-definition.json; values are checked
// by the questionnaire's rules engine, so an import accepts exactly what the form accepts.
import definitionJson from "./udn-definition.json";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import type { Condition, Option, Question, Questionnaire } from "@/modules/questionnaire/definition";
import { optionTextKey } from "@/modules/questionnaire/cells";
import { questionEnabled } from "@/modules/questionnaire/conditions";
import { evaluateAll, OPTION_TEXT_MAX, type Issue } from "@/modules/questionnaire/rules";
import { isEmpty, multi, multiIds, num, text, type Answer, type AnswerReader } from "@/modules/questionnaire/answers";
import { walkQuestions } from "@/modules/questionnaire/walk";
import { csvLine, BOM } from "@/lib/csv/csv";
import { clipped, readCsv, shown, unguardCell } from "./csv-read";
import { checkHousehold, type Household } from "./sample-frame";
import { INTERVIEW_LANGUAGES, isInterviewLanguage, type InterviewLanguage } from "./paradata";

const parsed = parseQuestionnaire(definitionJson);
if (!parsed.ok) throw new Error(`udn-definition.json is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);

/** The interviewer's form UDN as a questionnaire definition (id "udn"). */
const UDN_DEFINITION: Questionnaire = parsed.questionnaire;
const UDN_QUESTIONS: Question[] = Array.from(walkQuestions(UDN_DEFINITION), (x) => x.question);

export type { Household };

export type Interview = {
  household: Household;
  result: string;
  interview_date: string;
  /** By the definition's storage keys ("result", "age", "unsafe_reasons", "unsafe_reasons#8" …). */
  answers: Record<string, Answer>;
  /** The respondent's language, when the file gives it. */
  language?: InterviewLanguage;
  /** The file's line (header = 1), for the error report of an import. */
  row?: number;
};

export type FieldworkPeriod = { start: string; end: string };
export type RowError = { column: string; reason: string };
export type ImportError = { row: number; column: string; reason: string };

// ---------------------------------------------------------------------------------------------
// Columns

export type MicrodataColumn =
  | { name: string; kind: "household"; field: keyof Household }
  /** A single-answer question (choice, number, date): the column is the question's code. */
  | { name: string; kind: "single"; question: Question }
  /** One option of a multiple choice: 1 chosen, 0 not chosen. */
  | { name: string; kind: "flag"; question: Question; option: Option }
  /** The text an option carries ("other, please specify"). */
  | { name: string; kind: "optionText"; question: Question; option: Option; key: string }
  /** The interview's language (the respondent's). */
  | { name: typeof LANGUAGE_COLUMN; kind: "language" };

export const LANGUAGE_COLUMN = "interview_language";

const HOUSEHOLD_FIELDS = ["household_id", "region", "settlement", "weight"] as const;

/** The name of the text column of an option that carries one: `<code>_other` for "other". */
const optionTextColumn = (q: Question, o: Option) => (o.label.en.toLowerCase() === "other" ? `${q.id}_other` : `${q.id}_${o.id}_text`);

function buildColumns(): MicrodataColumn[] {
  const cols: MicrodataColumn[] = HOUSEHOLD_FIELDS.map((field) => ({ name: field, kind: "household", field }));
  for (const q of UDN_QUESTIONS) {
    if (q.type === "choice" || q.type === "number" || q.type === "date" || q.type === "text") {
      cols.push({ name: q.id, kind: "single", question: q });
    } else if (q.type === "multi") {
      for (const o of q.options) cols.push({ name: `${q.id}_${o.id}`, kind: "flag", question: q, option: o });
      for (const o of q.options)
        if (o.text) cols.push({ name: optionTextColumn(q, o), kind: "optionText", question: q, option: o, key: optionTextKey(q.id, o.id) });
    } else {
      throw new Error(`microdata: question type "${q.type}" of ${q.id} has no column layout`);
    }
  }
  cols.push({ name: LANGUAGE_COLUMN, kind: "language" });
  return cols;
}

export const MICRODATA_COLUMNS: readonly MicrodataColumn[] = buildColumns();

/** The microdata header, in column order. */
export function microdataHeader(): string[] {
  return MICRODATA_COLUMNS.map((c) => c.name);
}

/** The column that shows an issue of a storage key (a multi's first flag column). */
function columnOfKey(key: string): string {
  const col = MICRODATA_COLUMNS.find((c) => (c.kind === "single" && c.question.id === key) || (c.kind === "optionText" && c.key === key));
  if (col) return col.name;
  return MICRODATA_COLUMNS.find((c) => c.kind === "flag" && c.question.id === key)?.name ?? key;
}

// ---------------------------------------------------------------------------------------------
// Interview → row

const readerOf =
  (answers: Record<string, Answer>): AnswerReader =>
  (key) =>
    answers[key];

function singleCell(q: Question, a: Answer | undefined): string {
  if (!a || isEmpty(a) || a.status) return "";
  if (q.type === "number") return a.num === null ? "" : String(a.num);
  return a.text ?? "";
}

/**
 * The columns grouped by question, in column order, and the distinct conditions: a row is filled
 * question by question, each distinct condition evaluated and each multiple answer parsed once per
 * interview (instead of once per column).
 */
type QuestionPlan = {
  question: Question;
  /** Index into CONDITIONS, or -1 when always asked. */
  condition: number;
  single: number | null;
  flags: { index: number; option: string }[];
  texts: { index: number; option: string; key: string }[];
};
const { PLANS, CONDITIONS, HOUSEHOLD_COLUMNS } = (() => {
  const plans = new Map<string, QuestionPlan>();
  const conditions: Question[] = []; // one question per distinct condition (compared by value)
  const conditionIndex = new Map<string, number>();
  const household: { index: number; field: keyof Household }[] = [];
  MICRODATA_COLUMNS.forEach((c, index) => {
    if (c.kind === "household") return void household.push({ index, field: c.field });
    if (c.kind === "language") return;
    const q = c.question;
    let plan = plans.get(q.id);
    if (!plan) {
      let condition = -1;
      if (q.enabledWhen) {
        const k = JSON.stringify(q.enabledWhen);
        condition = conditionIndex.get(k) ?? conditions.push(q) - 1;
        conditionIndex.set(k, condition);
      }
      plan = { question: q, condition, single: null, flags: [], texts: [] };
      plans.set(q.id, plan);
    }
    if (c.kind === "single") plan.single = index;
    else if (c.kind === "flag") plan.flags.push({ index, option: c.option.id });
    else plan.texts.push({ index, option: c.option.id, key: c.key });
  });
  return { PLANS: [...plans.values()], CONDITIONS: conditions, HOUSEHOLD_COLUMNS: household };
})();

/**
 * One interview as a row of cells aligned with microdataHeader(). Answers of questions that are
 * not asked (their condition does not hold) are left out, as in every export.
 */
export function interviewToRow(household: Household, answers: Record<string, Answer>, language: string | null = null): string[] {
  const read = readerOf(answers);
  const row = new Array<string>(MICRODATA_COLUMNS.length);
  row[LANGUAGE_INDEX] = language ?? "";
  for (const { index, field } of HOUSEHOLD_COLUMNS) row[index] = field === "weight" ? String(household.weight) : household[field];
  const enabled = CONDITIONS.map((q) => questionEnabled(q, read));
  for (const p of PLANS) {
    const asked = p.condition < 0 || enabled[p.condition];
    if (p.single !== null) row[p.single] = asked ? singleCell(p.question, answers[p.question.id]) : "";
    if (!p.flags.length && !p.texts.length) continue;
    const chosen = asked ? multiIds(answers[p.question.id]) : [];
    for (const f of p.flags) row[f.index] = asked ? (chosen.includes(f.option) ? "1" : "0") : "";
    for (const t of p.texts) row[t.index] = asked && chosen.includes(t.option) ? (answers[t.key]?.text ?? "") : "";
  }
  return row;
}

const LANGUAGE_INDEX = MICRODATA_COLUMNS.findIndex((c) => c.kind === "language");

/** The microdata file: UTF-8 with BOM, CRLF, RFC 4180 quoting (lib/csv/csv.ts). */
export function microdataCsv(interviews: { household: Household; answers: Record<string, Answer>; language?: string | null }[]): string {
  return BOM + csvLine(microdataHeader()) + interviews.map((i) => csvLine(interviewToRow(i.household, i.answers, i.language))).join("");
}

// ---------------------------------------------------------------------------------------------
// Row → interview

const CODE_LIST = (options: Option[]) => options.map((o) => `${o.id}=${o.label.en}`).join(", ");
const NUMBER = /^-?\d+(\.\d+)?$/;

/** "result = 1 and (safe_day is 3 or 4 or safe_night is 3 or 4)". */
export function describeCondition(c: Condition): string {
  const inner = (x: Condition) => ("all" in x || "any" in x ? `(${describeCondition(x)})` : describeCondition(x));
  if ("all" in c) return c.all.map(inner).join(" and ");
  if ("any" in c) return c.any.map(inner).join(" or ");
  if ("not" in c) return `not ${inner(c.not)}`;
  const name = c.cell.q;
  if ("answered" in c) return `${name} is answered`;
  return c.in.length === 1 ? `${name} = ${c.in[0]}` : `${name} is ${c.in.slice(0, -1).join(", ")} or ${c.in[c.in.length - 1]}`;
}

function issueReason(i: Issue, cell: string | undefined, q: Question | undefined): string {
  const p = i.params;
  const value = clipped(cell ?? "");
  switch (i.code) {
    case "unanswered":
      return "required answer missing";
    case "unknownOption":
      return q && "options" in q ? `${shown(cell ?? "")} is not a code of ${q.id} (${CODE_LIST(q.options)})` : `${shown(cell ?? "")} is not a valid value`;
    case "belowMin":
      return `${value} is below the minimum ${p.min}${q?.type === "number" && q.number.max !== undefined ? ` (allowed ${p.min}–${q.number.max})` : ""}`;
    case "aboveMax":
      return `${value} is above the maximum ${p.max}${q?.type === "number" && q.number.min !== null ? ` (allowed ${q.number.min}–${p.max})` : ""}`;
    case "tooManyDecimals":
      return p.decimals === 0 ? `${value} is not a whole number` : `${value} has more than ${p.decimals} decimals`;
    case "tooLarge":
      return `${value} is too large`;
    case "badDate":
      return `${shown(cell ?? "")} is not a date written YYYY-MM-DD`;
    case "dateOutOfRange":
      return `${value} is outside the fieldwork period ${p.min || "…"} to ${p.max || "…"}`;
    case "textTooLong":
      return `text longer than ${p.max} characters`;
    case "statusNotAllowed":
      return `${p.status} is not allowed`;
    default:
      return i.code;
  }
}

export type RowResult = { ok: true; interview: Interview } | { ok: false; errors: RowError[] };

/**
 * One microdata record (header → cell) back into an interview, checked against the instrument:
 * household fields, every code against its value labels, dates within the fieldwork period, and
 * skip logic both ways (an answer to a question that is not asked is an error; an answer missing
 * from a question that is asked is an error).
 */
export function rowToInterview(record: Record<string, string | undefined>, options: { fieldwork?: FieldworkPeriod } = {}): RowResult {
  const errors: RowError[] = [];
  const cell = (name: string) => record[name] ?? "";
  const fail = (column: string, reason: string) => errors.push({ column, reason });

  // Household (from the sample frame).
  const { household, errors: householdErrors } = checkHousehold(record);
  errors.push(...householdErrors);
  const language = cell(LANGUAGE_COLUMN);
  if (language !== "" && !isInterviewLanguage(language)) fail(LANGUAGE_COLUMN, `${shown(language)} is not a language code (${INTERVIEW_LANGUAGES.join(", ")})`);

  // Cells → answers; malformed cells are reported here and left out of the answers.
  const answers: Record<string, Answer> = {};
  const malformed = new Set<string>();
  for (const c of MICRODATA_COLUMNS) {
    if (c.kind !== "single") continue;
    const v = cell(c.name);
    if (v === "") continue;
    if (c.question.type === "number") {
      if (!NUMBER.test(v)) {
        fail(c.name, `${shown(v)} is not a number`);
        malformed.add(c.name);
      } else answers[c.question.id] = num(Number(v));
    } else answers[c.question.id] = text(c.question.type === "text" ? unguardCell(v) : v);
  }
  const flags = new Map<string, { chosen: string[]; empty: string[]; filled: string[] }>();
  for (const c of MICRODATA_COLUMNS) {
    if (c.kind !== "flag") continue;
    const f = flags.get(c.question.id) ?? { chosen: [], empty: [], filled: [] };
    flags.set(c.question.id, f);
    const v = cell(c.name);
    if (v === "") f.empty.push(c.name);
    else if (v === "0" || v === "1") {
      f.filled.push(c.name);
      if (v === "1") f.chosen.push(c.option.id);
    } else {
      fail(c.name, `${shown(v)} must be 0 (not mentioned) or 1 (mentioned)`);
      malformed.add(c.name);
      f.filled.push(c.name);
    }
  }
  for (const [qid, f] of flags) if (f.chosen.length) answers[qid] = multi(f.chosen);
  for (const c of MICRODATA_COLUMNS) {
    if (c.kind === "optionText" && cell(c.name) !== "") answers[c.key] = text(unguardCell(cell(c.name)));
  }

  // Skip logic: what is not asked must be empty, a multiple choice that is asked needs all its 0/1s.
  const read = readerOf(answers);
  const notAsked = new Set<string>();
  for (const c of MICRODATA_COLUMNS) {
    if (c.kind === "household" || c.kind === "language") continue;
    const q = c.question;
    const asked = questionEnabled(q, read);
    const v = cell(c.name);
    if (!asked) {
      notAsked.add(q.id);
      if (v !== "") fail(c.name, `answered but not asked: ${q.id} is asked only if ${describeCondition(q.enabledWhen!)}`);
    } else if (c.kind === "flag" && v === "") {
      fail(c.name, `required answer missing: 0 or 1 expected (${q.id} is asked${q.enabledWhen ? ` because ${describeCondition(q.enabledWhen)}` : ""})`);
    } else if (c.kind === "optionText" && v !== "" && !multiIds(answers[q.id]).includes(c.option.id)) {
      fail(c.name, `text given but ${q.id}_${c.option.id} (${c.option.label.en}) is not 1`);
    } else if (c.kind === "optionText" && v.length > OPTION_TEXT_MAX) {
      fail(c.name, `text longer than ${OPTION_TEXT_MAX} characters`);
    }
  }

  // Values and required answers, by the rules engine (as on the form at submission).
  const issues = evaluateAll(UDN_DEFINITION, read, { submit: true, context: { fieldwork: options.fieldwork } });
  const erroneous = new Set(errors.map((e) => e.column));
  for (const i of issues) {
    if (i.severity !== "error" || notAsked.has(i.question)) continue;
    const column = columnOfKey(i.cell);
    if (malformed.has(column) || erroneous.has(column)) continue;
    erroneous.add(column);
    const q = UDN_QUESTIONS.find((x) => x.id === i.question);
    fail(column, issueReason(i, record[column], q));
  }

  if (errors.length) {
    const position = new Map(microdataHeader().map((name, i) => [name, i]));
    return { ok: false, errors: errors.sort((a, b) => (position.get(a.column) ?? -1) - (position.get(b.column) ?? -1)) };
  }
  // Only what is asked is kept (nothing else can be present once the checks pass).
  const kept = Object.fromEntries(Object.entries(answers).filter(([key]) => !notAsked.has(key.split("#")[0])));
  return {
    ok: true,
    interview: {
      household: household!,
      result: kept.result?.text ?? "",
      interview_date: kept.interview_date?.text ?? "",
      answers: kept,
      ...(isInterviewLanguage(language) ? { language } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// File import

export type MicrodataImport = { ok: true; interviews: Interview[] } | { ok: false; errors: ImportError[] };

/** Checks the header against microdataHeader(): same names, same order; interview_language may be
 *  left out (files written before it existed). */
function checkHeader(fields: string[]): ImportError[] {
  const expected = microdataHeader().filter((name) => name !== LANGUAGE_COLUMN || fields.includes(LANGUAGE_COLUMN));
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  fields.forEach((name, i) => {
    if (seen.has(name)) errors.push({ row: 1, column: name, reason: `duplicate column (position ${i + 1})` });
    else if (!expected.includes(name)) errors.push({ row: 1, column: name, reason: `unknown column (position ${i + 1})` });
    seen.add(name);
  });
  for (const name of expected) if (!seen.has(name)) errors.push({ row: 1, column: name, reason: "missing column" });
  if (!errors.length) {
    const at = fields.findIndex((name, i) => name !== expected[i]);
    if (at >= 0) errors.push({ row: 1, column: fields[at], reason: `columns out of order: position ${at + 1} must be ${expected[at]}` });
  }
  return errors;
}

/**
 * Reads a microdata CSV (as written by microdataCsv). All or nothing: any error in any row
 * rejects the whole file and every error is listed with its row (the file's line, header = 1),
 * column and reason.
 */
export function parseMicrodataCsv(csv: string, options: { fieldwork?: FieldworkPeriod } = {}): MicrodataImport {
  const read = readCsv(csv);
  if (!read.ok) return { ok: false, errors: [{ row: read.error.row, column: "", reason: read.error.reason }] };
  const [head, ...rows] = read.records;
  if (!head) return { ok: false, errors: [{ row: 1, column: "", reason: "empty file: a header row is expected" }] };
  const headerErrors = checkHeader(head.fields);
  if (headerErrors.length) return { ok: false, errors: headerErrors };
  if (!rows.length) return { ok: false, errors: [{ row: 2, column: "", reason: "no interviews: the file has only a header" }] };

  const errors: ImportError[] = [];
  const interviews: Interview[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== head.fields.length) {
      errors.push({ row: r.row, column: "", reason: `expected ${head.fields.length} fields, found ${r.fields.length}` });
      continue;
    }
    const record = Object.fromEntries(head.fields.map((name, i) => [name, r.fields[i]]));
    const result = rowToInterview(record, options);
    if (!result.ok) for (const e of result.errors) errors.push({ row: r.row, ...e });
    else interviews.push({ ...result.interview, row: r.row });
    const id = unguardCell(record.household_id);
    if (id.trim() === "") continue;
    const first = firstRowOf.get(id);
    if (first !== undefined) errors.push({ row: r.row, column: "household_id", reason: `duplicate household_id ${shown(id)} (first on row ${first})` });
    else firstRowOf.set(id, r.row);
  }
  return errors.length ? { ok: false, errors } : { ok: true, interviews };
}
