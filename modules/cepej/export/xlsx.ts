// XLSX of CEPEJ replies for analysts: a metadata sheet (cycle, country, generation date,
// questionnaire version, status legend), then one sheet per chapter in a tidy layout — one row per
// cell, codes and labels in their own columns, figures as numeric cells with number formats in a
// column of their own, texts and choice labels in another, NA / NAP / not retained in a status
// column — with a frozen header and filters. One reply, or a whole cycle (a country column tells
// the replies apart; cells without content are left out).
import ExcelJS from "exceljs";
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { AnswerReader } from "@/modules/questionnaire/answers";
import { exportCells, hasContent, type ExportCell } from "./cells";
import { guardFormula } from "@/lib/csv/csv";

export type XlsxReply = { country: string; countryName: string; status: string; read: AnswerReader; flags?: Record<string, string> };
export type XlsxMeta = { cycle: string; cycleName: string; generatedOn: Date; countryLabel: string };

/** The status column's value of a value withheld from publication. */
export const NOT_RETAINED = "not retained";
export const STATUS_LEGEND: [string, string][] = [
  ["NA", "Information not available: the question applies but the figure is not known."],
  ["NAP", "Not applicable: the question does not apply in the country."],
  [NOT_RETAINED, "Value not retained for publication by the secretariat (left out)."],
  ["(empty)", "Not answered."],
];

export const CHAPTER_COLUMNS = [
  { header: "country", width: 8 },
  { header: "question", width: 9 },
  { header: "question_label", width: 50 },
  { header: "part", width: 9 },
  { header: "row_id", width: 10 },
  { header: "row", width: 36 },
  { header: "col_id", width: 12 },
  { header: "column", width: 28 },
  { header: "option", width: 10 },
  { header: "value", width: 16 },
  { header: "answer", width: 36 },
  { header: "status", width: 12 },
  { header: "comment", width: 50 },
] as const;

const FORBIDDEN = /[[\]:*?/\\]/g;
/** An Excel sheet name (31 characters at most) cut at a word boundary, never mid-word; unique in `taken`. */
export function sheetName(id: string, title: string, taken: Set<string> = new Set()): string {
  const words = `${id} ${title}`.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim().split(" ");
  let name = words[0].slice(0, 31);
  for (const w of words.slice(1)) {
    if (`${name} ${w}`.length > 31) break;
    name = `${name} ${w}`;
  }
  name = name.replace(/[\s,;.–-]+$/, "");
  for (let i = 2, base = name; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const numberFormat = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");
const text = (v: string) => guardFormula(v) as string;

function cellRow(country: string, c: ExportCell, label: string): (string | number | null)[] {
  const numeric = (c.kind === "number" || c.kind === "check") && typeof c.value === "number";
  return [
    country,
    c.question,
    text(label),
    c.part,
    c.rowId,
    text(c.row),
    c.colId,
    text(c.column),
    c.option,
    numeric ? (c.value as number) : null,
    numeric || c.value === "" ? null : text(String(c.value)),
    c.notRetained ? NOT_RETAINED : c.status || null,
    text(c.notRetained ? [c.comment, `[not retained for publication: ${c.notRetained}]`].filter(Boolean).join(" ") : c.comment) || null,
  ];
}

/**
 * The workbook of `replies` (read one at a time, in order). contentOnly leaves out the cells that
 * have no value, NA/NAP, comment or mark.
 */
export async function repliesXlsx(
  q: Questionnaire,
  meta: XlsxMeta,
  replies: Iterable<XlsxReply> | AsyncIterable<XlsxReply>,
  options: { contentOnly?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Justice Statistics";
  wb.created = meta.generatedOn;
  const labels = new Map<string, string>();
  for (const chapter of q.parts) collectLabels(chapter, labels);

  const info = wb.addWorksheet("Metadata");
  info.columns = [{ width: 24 }, { width: 90 }];
  const taken = new Set(["metadata"]);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const chapter of q.parts) {
    const ws = wb.addWorksheet(sheetName(chapter.id, chapter.title.en, taken), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.columns = CHAPTER_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    sheets.set(chapter.id, ws);
  }
  const statuses: [string, string][] = [];
  for await (const reply of replies) {
    statuses.push([reply.country, `${reply.countryName}: ${reply.status}`]);
    for (const c of exportCells(q, reply.read, { flags: reply.flags })) {
      if (options.contentOnly && !hasContent(c)) continue;
      const ws = sheets.get(c.chapter)!;
      const row = ws.addRow(cellRow(reply.country, c, labels.get(c.question) ?? ""));
      if (typeof c.value === "number") row.getCell(10).numFmt = numberFormat(c.decimals);
    }
  }
  for (const ws of sheets.values()) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(ws.rowCount, 1), column: CHAPTER_COLUMNS.length } };

  info.addRow(["CEPEJ evaluation", meta.cycleName]).font = { bold: true };
  info.addRow(["cycle", meta.cycle]);
  info.addRow(["country", meta.countryLabel]);
  info.addRow(["questionnaire", q.id]);
  info.addRow(["questionnaire version", q.version]);
  const generated = info.addRow(["generated on", meta.generatedOn]);
  generated.getCell(2).numFmt = "yyyy-mm-dd hh:mm";
  generated.getCell(2).alignment = { horizontal: "left" };
  info.addRow([]);
  info.addRow(["reply status"]).font = { bold: true };
  for (const [code, s] of statuses) info.addRow([code, text(s)]);
  info.addRow([]);
  info.addRow(["status legend"]).font = { bold: true };
  for (const [code, meaning] of STATUS_LEGEND) info.addRow([code, meaning]);
  info.addRow([]);
  info.addRow(["columns"]).font = { bold: true };
  const COLUMN_NOTES: Record<string, string> = {
    question: "Question code",
    part: "Part of the questionnaire",
    row_id: "Grid row code (empty for a single answer)",
    col_id: "Grid column code (empty for a single answer)",
    option: 'Code of the option chosen (codes separated by "; " for several)',
    value: "Figure (numeric; ticked = 1, not ticked = 0)",
    answer: "Text answer or label of the option chosen",
    status: "NA, NAP or not retained (see the legend)",
  };
  for (const [k, v] of Object.entries(COLUMN_NOTES)) info.addRow([k, v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One reply: every enabled cell, with or without content. */
export function replyXlsx(q: Questionnaire, meta: XlsxMeta, reply: XlsxReply): Promise<Buffer> {
  return repliesXlsx(q, meta, [reply]);
}

function collectLabels(part: Questionnaire["parts"][number], into: Map<string, string>) {
  for (const q of part.questions) into.set(q.id, q.label.en);
  for (const p of part.parts) collectLabels(p, into);
}
