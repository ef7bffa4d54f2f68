// A small RFC 4180 CSV reader for the survey's imports (sample frame, microdata): quoted fields
// with doubled quotes, CRLF or LF line ends, line breaks inside quotes, a leading UTF-8 BOM.
// Writing uses lib/csv/csv.ts (csvLine / csvCell), whose formula guard this file undoes.
import { unguardFormula } from "@/lib/csv/csv";

export type CsvRecord = { /** 1-based line of the file where the record starts (header = 1). */ row: number; fields: string[] };
export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; error: { row: number; reason: string } };

/** Splits CSV text into records. Blank lines (outside quotes) are skipped. */
export function readCsv(input: string): CsvReadResult {
  const text = input.startsWith("\ufeff") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordStart = 1;
  let i = 0;
  let fieldStarted = false; // the current record has any content (so an empty line is skipped)

  const endRecord = () => {
    fields.push(field);
    if (fieldStarted || fields.length > 1) records.push({ row: recordStart, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === "") {
      // A quoted field: runs to the closing quote; "" is a literal quote.
      fieldStarted = true;
      const openedAt = line;
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (d === "\n") line++;
        field += d;
        i++;
      }
      if (!closed) return { ok: false, error: { row: openedAt, reason: "unterminated quoted field" } };
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        return { ok: false, error: { row: line, reason: "unexpected text after a closing quote" } };
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordStart = line;
      continue;
    }
    if (c === '"') return { ok: false, error: { row: line, reason: "a quote inside an unquoted field" } };
    field += c;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || field !== "" || fields.length) endRecord();
  return { ok: true, records };
}

/** A cell's value as an error's reason names it, cut short: a reason does not carry a
 *  100 000-character cell back to the client. */
export const clipped = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
/** The same, quoted. */
export const shown = (value: string) => JSON.stringify(clipped(value));

/** Undoes lib/csv/csv.ts's formula guard. */
export const unguardCell = unguardFormula;
