// The codebook of the UDN microdata, derived from the same columns as the microdata itself
// (modules/survey/microdata.ts): a CSV codebook for people, and SPSS syntax that reads the microdata
// CSV with its variable labels and value labels.
import { toCsv } from "@/lib/csv/csv";
import { MICRODATA_COLUMNS, describeCondition } from "./microdata";
import { REGIONS, SETTLEMENT } from "./codes";
import type { InterviewLanguage } from "./paradata";

export type VariableType = "string" | "numeric" | "date";

export type MicrodataVariable = {
  name: string;
  label: string;
  type: VariableType;
  /** Value labels, in code order. */
  values: [string, string][];
  /** When the variable is asked (empty: always); not asked → empty cell (system-missing). */
  askedIf: string;
  /** SPSS input format for the CSV. */
  spssFormat: string;
  /** Codes that mean "no opinion" (8 never encountered it, 9 difficult to answer): answers in the
   *  release's distributions, missing for an analysis of opinions only. Stata gets them as the
   *  extended missing values .a (8) and .b (9); SPSS and R as commented-out declarations. */
  missing: string[];
};

/** The "no opinion" codes of a variable: 8 and 9 of the trust scale, 9 "difficult to answer" elsewhere. */
function missingCodes(name: string, values: [string, string][]): string[] {
  if (name.startsWith("trust_")) return values.filter(([c]) => c === "8" || c === "9").map(([c]) => c);
  return values.some(([c, l]) => c === "9" && l === "difficult to answer") ? ["9"] : [];
}

const HOUSEHOLD_LABELS: Record<string, string> = {
  household_id: "Household identifier (from the sample)",
  region: "Region",
  settlement: "Settlement type",
  weight: "Design weight (households in the stratum / sampled households in the stratum)",
};

const LANGUAGE_LABEL = "Interview language (the respondent's; the questionnaire's texts were shown in it)";
const LANGUAGE_NAMES: Record<InterviewLanguage, string> = { kk: "Kazakh", ru: "Russian", en: "English" };

const FLAG_VALUES: [string, string][] = [
  ["0", "not mentioned"],
  ["1", "mentioned"],
];

/** Every microdata column with its label, type and value labels, in column order. */
export function microdataVariables(): MicrodataVariable[] {
  return MICRODATA_COLUMNS.map((c) => variableOf(c)).map((v) => ({ ...v, missing: missingCodes(v.name, v.values) }));
}

function variableOf(c: (typeof MICRODATA_COLUMNS)[number]): Omit<MicrodataVariable, "missing"> {
  if (c.kind === "language") {
    return { name: c.name, label: LANGUAGE_LABEL, type: "string", values: Object.entries(LANGUAGE_NAMES), askedIf: "", spssFormat: "A2" };
  }
  if (c.kind === "household") {
    const base = { name: c.name, label: HOUSEHOLD_LABELS[c.field], askedIf: "" };
    switch (c.field) {
      case "household_id":
        return { ...base, type: "string", values: [], spssFormat: "A64" };
      case "region":
        return { ...base, type: "string", values: REGIONS.map((r) => [r.code, r.name]), spssFormat: "A3" };
      case "settlement":
        return { ...base, type: "numeric", values: Object.entries(SETTLEMENT), spssFormat: "F1.0" };
      case "weight":
        return { ...base, type: "numeric", values: [], spssFormat: "F24.12" };
    }
  }
  const q = c.question;
  const askedIf = q.enabledWhen ? describeCondition(q.enabledWhen) : "";
  if (c.kind === "flag") {
    return { name: c.name, label: `${q.label.en}: ${c.option.label.en}`, type: "numeric", values: FLAG_VALUES, askedIf, spssFormat: "F1.0" };
  }
  if (c.kind === "optionText") {
    const prompt = c.option.text ? `, ${c.option.text.en}` : "";
    return {
      name: c.name,
      label: `${q.label.en}: ${c.option.label.en}${prompt}`,
      type: "string",
      values: [],
      askedIf: `${askedIf ? `${askedIf} and ` : ""}${q.id}_${c.option.id} = 1`,
      spssFormat: "A2000",
    };
  }
  switch (q.type) {
    case "choice": {
      const width = Math.max(...q.options.map((o) => o.id.length));
      const numeric = q.options.every((o) => /^\d+$/.test(o.id));
      return {
        name: c.name,
        label: q.label.en,
        type: numeric ? "numeric" : "string",
        values: q.options.map((o) => [o.id, o.label.en]),
        askedIf,
        spssFormat: numeric ? `F${width}.0` : `A${width}`,
      };
    }
    case "number": {
      const range = q.number.min !== null && q.number.max !== undefined ? ` (${q.number.min}–${q.number.max})` : "";
      const width = Math.max(String(Math.trunc(q.number.max ?? 1e9)).length + (q.number.decimals ? q.number.decimals + 1 : 0), 1);
      return { name: c.name, label: `${q.label.en}${range}`, type: "numeric", values: [], askedIf, spssFormat: `F${width}.${q.number.decimals}` };
    }
    case "date":
      return { name: c.name, label: `${q.label.en} (YYYY-MM-DD)`, type: "date", values: [], askedIf, spssFormat: "SDATE10" };
    default:
      return { name: c.name, label: q.label.en, type: "string", values: [], askedIf, spssFormat: "A2000" };
  }
}

/** The codebook as CSV: variable, label, type, values ("1=male; 2=female"), asked_if, missing ("8; 9": the no-opinion codes). */
export function codebookCsv(): string {
  return toCsv(
    ["variable", "label", "type", "values", "asked_if", "missing"],
    microdataVariables().map((v) => [v.name, v.label, v.type, v.values.map(([k, l]) => `${k}=${l}`).join("; "), v.askedIf, v.missing.join("; ")]),
  );
}

/** An SPSS string literal: double quotes, inner quotes doubled. */
const spssText = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * SPSS syntax (.sps) that reads the microdata CSV (UTF-8, header row, comma-delimited, quoted
 * texts) and applies variable labels, value labels, measurement levels and the design weight.
 */
export function spssSyntax(options: { file?: string } = {}): string {
  const file = options.file ?? "udn-microdata.csv";
  const vars = microdataVariables();
  const lines: string[] = [];
  lines.push(
    "* Encoding: UTF-8.",
    "* Household survey UDN: The level of public confidence in law enforcement agencies and the judicial system.",
    "* Microdata: one case per interview. Questions that are not asked (skip logic) are empty: system-missing.",
    "",
    "GET DATA",
    "  /TYPE=TXT",
    `  /FILE=${spssText(file)}`,
    "  /ENCODING='UTF8'",
    "  /ARRANGEMENT=DELIMITED",
    "  /DELCASE=LINE",
    "  /FIRSTCASE=2",
    '  /DELIMITERS=","',
    "  /QUALIFIER='\"'",
    "  /VARIABLES=",
    ...vars.map((v) => `    ${v.name} ${v.spssFormat}`),
    ".",
    "CACHE.",
    "EXECUTE.",
    "",
    "FORMATS weight (F12.6).",
    "",
    "VARIABLE LABELS",
    ...vars.map((v, i) => `  ${i ? "/" : ""}${v.name} ${spssText(v.label)}`),
    ".",
    "",
    "VALUE LABELS",
  );
  const labelled = vars.filter((v) => v.values.length);
  labelled.forEach((v, i) => {
    lines.push(`  ${i ? "/" : ""}${v.name}`);
    for (const [code, label] of v.values) lines.push(`    ${v.type === "string" ? spssText(code) : code} ${spssText(label)}`);
  });
  lines.push(".", "");

  const scale = vars.filter((v) => v.type === "numeric" && !v.values.length).map((v) => v.name);
  const nominal = vars.filter((v) => v.values.length).map((v) => v.name);
  lines.push(`VARIABLE LEVEL ${scale.join(" ")} (SCALE).`);
  lines.push("VARIABLE LEVEL", ...chunk(nominal, 6).map((names) => `  ${names.join(" ")}`), "  (NOMINAL).", "");

  lines.push(
    "* MISSING VALUES: none are declared. Skipped questions are already system-missing, and the release's",
    "* distributions count 8 (never encountered it) and 9 (difficult to answer) as answers, so they stay valid.",
    "* To analyse only respondents with an opinion, declare them missing, e.g.:",
    `* MISSING VALUES ${vars
      .filter((v) => v.name.startsWith("trust_"))
      .map((v) => v.name)
      .join(" ")} (8, 9).`,
    `* MISSING VALUES ${vars
      .filter((v) => v.values.some(([code, l]) => code === "9" && l === "difficult to answer") && !v.name.startsWith("trust_"))
      .map((v) => v.name)
      .join(" ")} (9).`,
    "",
    "* Results are weighted estimates: weight every case by its design weight.",
    "WEIGHT BY weight.",
    "EXECUTE.",
    "",
  );
  return lines.join("\r\n");
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The paradata file's columns (modules/survey/server/paradata.ts), one row per interview. */
export const PARADATA_VARIABLES: [string, string, VariableType, string][] = [
  ["household_id", "Household identifier (from the sample)", "string", ""],
  ["region", "Region", "string", REGIONS.map((r) => `${r.code}=${r.name}`).join("; ")],
  ["status", "State of the interview when exported", "string", "assigned; in_progress; completed; rejected; approved"],
  ["interviewer_id", "Interviewer (user id)", "numeric", ""],
  [
    "interview_language",
    LANGUAGE_LABEL,
    "string",
    Object.entries(LANGUAGE_NAMES)
      .map(([k, l]) => `${k}=${l}`)
      .join("; "),
  ],
  ["started_at", "First action in the interview (UTC, ISO 8601)", "string", ""],
  ["ended_at", "Last action in the interview (UTC, ISO 8601)", "string", ""],
  ["duration_seconds", "Time spent on the interview, seconds: each session's first to last action, pauses over 5 minutes left out", "numeric", ""],
  ["sessions", "Times the interview was opened and worked on", "numeric", ""],
  ["user_agent", "Device: the browser's user agent of the last session", "string", ""],
  ["seconds_per_question", "Seconds on each question (question=seconds; …), pauses over 5 minutes left out", "string", ""],
  ["changes_per_question", "Changes of each question's answer (question=changes; …)", "string", ""],
];

/** The paradata codebook as CSV: variable, label, type, values. */
export function paradataCodebookCsv(): string {
  return toCsv(
    ["variable", "label", "type", "values"],
    PARADATA_VARIABLES.map(([name, label, type, values]) => [name, label, type, values]),
  );
}
