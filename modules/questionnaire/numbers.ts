// Parsing what people type or paste into a number cell, and displaying numbers grouped.
import type { NumberSpec } from "./definition";

export type NumberError =
  | { code: "notANumber" }
  | { code: "tooManyDecimals"; decimals: number }
  | { code: "belowMin"; min: number }
  | { code: "aboveMax"; max: number }
  | { code: "tooLarge" };

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; error: NumberError };

/** Spaces people use to group digits: ordinary, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
/** Above this, doubles no longer count units exactly: no real judicial figure gets there. */
const LARGEST = 1e15;

/**
 * "110 346 857", "110,346,857" and "110 346 857" (narrow spaces) all give 110346857.
 * Where decimals are allowed, a single comma is a decimal comma ("516,79"); elsewhere commas
 * group thousands. An empty input is an empty cell (null), not an error.
 */
export function parseNumber(input: string, spec: Pick<NumberSpec, "decimals" | "min" | "max">, numberLocale?: string): ParsedNumber {
  let s = input.replace(GROUP_SPACES, "");
  if (s === "") return { ok: true, value: null };
  s = s.replace(/^[\u2212\u2013]/, "-"); // typographic minus signs
  // Where the locale groups with points and writes a decimal comma ("1.234,5" in German), points
  // that group thousands are read as such; nowhere else is "1.234" anything but 1.234.
  if (numberLocale && pointGroupsIn(numberLocale) && /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "");
  const commas = (s.match(/,/g) ?? []).length;
  if (commas > 0) {
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && !(spec.decimals > 0 && commas === 1 && !s.includes("."))) {
      s = s.replace(/,/g, "");
    } else if (spec.decimals > 0 && commas === 1 && !s.includes(".")) {
      s = s.replace(",", ".");
    } else {
      return { ok: false, error: { code: "notANumber" } };
    }
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, error: { code: "notANumber" } };
  const decimals = s.includes(".") ? s.split(".")[1].length : 0;
  if (decimals > spec.decimals) return { ok: false, error: { code: "tooManyDecimals", decimals: spec.decimals } };
  let value = Number(s);
  if (!Number.isFinite(value) || Math.abs(value) >= LARGEST) return { ok: false, error: { code: "tooLarge" } };
  if (Object.is(value, -0)) value = 0;
  return checkRange(value, spec);
}

/** Range check alone, for numbers that arrive already typed (API, imports). */
/** Whether a number has at most `decimals` places, up to binary noise only (0.1 + 0.2 has one): the
 *  rounded value must differ from it by a few units in the last place, not by a tolerance relative
 *  to the value (which let 1234567.5 pass as a whole number, and 1e-7 too). */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Math.abs(rounded - value) <= 4 * Number.EPSILON * Math.max(1, Math.abs(value));
}

export function checkRange(value: number, spec: Pick<NumberSpec, "decimals" | "min" | "max">): ParsedNumber {
  if (!Number.isFinite(value) || Math.abs(value) >= LARGEST) return { ok: false, error: { code: "tooLarge" } };
  if (spec.min !== null && spec.min !== undefined && value < spec.min) return { ok: false, error: { code: "belowMin", min: spec.min } };
  if (spec.max !== undefined && value > spec.max) return { ok: false, error: { code: "aboveMax", max: spec.max } };
  if (!hasAtMostDecimals(value, spec.decimals)) return { ok: false, error: { code: "tooManyDecimals", decimals: spec.decimals } };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** "110346857" → "110 346 857" (no-break spaces, so a figure never wraps); decimals with the
 *  language's sign (516.79 in English, 516,79 in Russian). */
export function formatNumber(value: number, locale = "en"): string {
  const negative = value < 0;
  const [int, frac] = Math.abs(value).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return (negative ? "-" : "") + grouped + (frac ? decimalSign(locale) + frac : "");
}

const pointGroups = new Map<string, boolean>();
/** Whether the locale writes 1234.5 as "1.234,5" (German, Italian, Spanish…). */
function pointGroupsIn(locale: string): boolean {
  let answer = pointGroups.get(locale);
  if (answer === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale).formatToParts(12345.5);
      answer = parts.find((p) => p.type === "group")?.value === "." && parts.find((p) => p.type === "decimal")?.value === ",";
    } catch {
      answer = false;
    }
    pointGroups.set(locale, answer);
  }
  return answer;
}

const decimalSigns = new Map<string, string>();
const OWN_DECIMAL_SIGNS: Record<string, string> = { en: ".", ru: ",", kk: ",", fr: "," };
/** The language's decimal sign: "." in English, "," in Russian, Kazakh and French. parseNumber
 *  reads either back wherever decimals are allowed (a single comma is a decimal comma there). */
function decimalSign(locale: string): string {
  // The app's own languages from the table: a browser without Kazakh data (Debian's Chromium) would write 516.79.
  if (locale in OWN_DECIMAL_SIGNS) return OWN_DECIMAL_SIGNS[locale];
  let sign = decimalSigns.get(locale);
  if (sign === undefined) {
    try {
      sign = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
    } catch {
      sign = ".";
    }
    decimalSigns.set(locale, sign);
  }
  return sign;
}

/** Sums without binary noise (0.1 + 0.2 → 0.3) for figures with up to 10 decimals. */
export function exactSum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e10) / 1e10;
}

/**
 * A block copied from a spreadsheet (Excel, LibreOffice, Google Sheets): rows separated by line
 * breaks, cells by tabs; a cell holding a tab, a line break or a quote comes quoted ("a ""b"""). The
 * line break that ends the last row is not a row of its own.
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell; a quote that does not close it before a separator is kept as typed.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        quoted += text[j++];
      }
      if (closed && (j === text.length || text[j] === "\t" || text[j] === "\n" || text[j] === "\r")) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** What one pasted (or typed) cell text means for a number cell. */
export type CellEntry =
  | { kind: "number"; value: number | null }
  | { kind: "status"; status: "NA" | "NAP" }
  | { kind: "invalid"; text: string; error: NumberError | { code: "statusNotAllowed"; status: "NA" | "NAP" } };

/** A status word typed or pasted into a figure cell: NA or NAP, in any case, "N/A" too. */
export function statusWord(input: string): "NA" | "NAP" | null {
  const s = input.trim().toUpperCase();
  return s === "NA" || s === "N/A" ? "NA" : s === "NAP" ? "NAP" : null;
}

/** A cell's text from the clipboard, read for a number cell: a figure in any of the writings
 *  parseNumber reads (and the user's locale's own), NA, NAP or empty; anything else is invalid and
 *  keeps its text, so that the cell shows it marked rather than losing it. */
export function readCellEntry(input: string, spec: Pick<NumberSpec, "decimals" | "min" | "max" | "allowNA" | "allowNAP">, numberLocale?: string): CellEntry {
  const word = statusWord(input);
  if (word) {
    const allowed = word === "NA" ? spec.allowNA : spec.allowNAP;
    return allowed ? { kind: "status", status: word } : { kind: "invalid", text: input.trim(), error: { code: "statusNotAllowed", status: word } };
  }
  const parsed = parseNumber(input, spec, numberLocale);
  return parsed.ok ? { kind: "number", value: parsed.value } : { kind: "invalid", text: input.trim(), error: parsed.error };
}
