// CSV writing shared by every export: RFC 4180 quoting, UTF-8 with BOM (Excel opens it right),
// and cells that a spreadsheet would run as a formula neutralised with a quote.

/** What a spreadsheet may run as a formula: = + - @ (also full-width, as an IME types them), after
 *  any leading spaces (Excel and LibreOffice skip them), or a leading tab or CR. */
const FORMULA_START = /^(?:[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/** A text cell as a spreadsheet will show it, never run it; numbers stay numbers. */
export const guardFormula = <T extends string | number>(value: T): T | string => (typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value);

/** Reverses guardFormula, for reading back a file this app wrote. */
export const unguardFormula = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(guardFormula(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(",") + "\r\n";

export const BOM = "\ufeff";

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join("");
}
