// CSV writing shared by every export: RFC 4180 quoting, UTF-8 with BOM (Excel opens it right),
// and cells that a spreadsheet would run as a formula (= + - @, tab, CR) neutralised with a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]) => cells.map(csvCell).join(",") + "\r\n";

export const BOM = "\ufeff";

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join("");
}
