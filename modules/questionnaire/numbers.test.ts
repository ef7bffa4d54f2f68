import { describe, expect, it } from "vitest";
import { checkRange, exactSum, formatNumber, parseClipboardBlock, parseNumber, readCellEntry } from "./numbers";

const count = { decimals: 0, min: 0 as number | null, max: undefined as number | undefined };
const rate = { decimals: 5, min: 0, max: undefined };
const percent = { decimals: 2, min: 0, max: 100 };

describe("parseNumber", () => {
  it("accepts figures pasted with grouping spaces or commas", () => {
    for (const input of ["110346857", "110 346 857", "110,346,857", "110\u202f346\u202f857", "110\u00a0346\u00a0857", " 110 346 857 "]) {
      expect(parseNumber(input, count)).toEqual({ ok: true, value: 110346857 });
    }
    expect(parseNumber("1 447 838", count)).toEqual({ ok: true, value: 1447838 });
  });
  it("treats an empty input as an empty cell", () => {
    expect(parseNumber("", count)).toEqual({ ok: true, value: null });
    expect(parseNumber("   ", count)).toEqual({ ok: true, value: null });
  });
  it("accepts a decimal comma or point where decimals are allowed", () => {
    expect(parseNumber("516,79", rate)).toEqual({ ok: true, value: 516.79 });
    expect(parseNumber("516.79", rate)).toEqual({ ok: true, value: 516.79 });
    expect(parseNumber("1 234,56789", rate)).toEqual({ ok: true, value: 1234.56789 });
  });
  it("refuses malformed input with a reason", () => {
    for (const input of ["12abc", "1e309", "1e5", "abc", "1.2.3", "--5", "12,34,5", "NaN", "Infinity", "0x10"]) {
      expect(parseNumber(input, count)).toEqual({ ok: false, error: { code: "notANumber" } });
    }
  });
  it("refuses negative counts, too many decimals and values beyond the range", () => {
    expect(parseNumber("-5", count)).toEqual({ ok: false, error: { code: "belowMin", min: 0 } });
    expect(parseNumber("1.5", count)).toEqual({ ok: false, error: { code: "tooManyDecimals", decimals: 0 } });
    expect(parseNumber("1,5", count)).toEqual({ ok: false, error: { code: "notANumber" } });
    expect(parseNumber("516.123456", rate)).toEqual({ ok: false, error: { code: "tooManyDecimals", decimals: 5 } });
    expect(parseNumber("100.5", percent)).toEqual({ ok: false, error: { code: "aboveMax", max: 100 } });
    expect(parseNumber("99.5", percent)).toEqual({ ok: true, value: 99.5 });
    expect(parseNumber("9".repeat(400), count)).toEqual({ ok: false, error: { code: "tooLarge" } });
  });
  it("normalises -0 and typographic minus where negatives are allowed", () => {
    expect(parseNumber("-0", count)).toEqual({ ok: true, value: 0 });
    expect(parseNumber("\u22125", { decimals: 0, min: null, max: undefined })).toEqual({ ok: true, value: -5 });
  });
});

describe("checkRange", () => {
  it("checks typed numbers from the API", () => {
    expect(checkRange(Number.NaN, count).ok).toBe(false);
    expect(checkRange(Infinity, count).ok).toBe(false);
    expect(checkRange(0.1 + 0.2, { decimals: 1, min: 0, max: undefined })).toEqual({ ok: true, value: 0.1 + 0.2 });
    expect(checkRange(1.25, { decimals: 1, min: 0, max: undefined }).ok).toBe(false);
  });
});

describe("formatNumber / exactSum", () => {
  it("groups thousands with no-break spaces", () => {
    expect(formatNumber(110346857)).toBe("110\u00a0346\u00a0857");
    expect(formatNumber(516.79)).toBe("516.79");
    expect(formatNumber(-1234)).toBe("-1\u00a0234");
    expect(formatNumber(0)).toBe("0");
  });
  it("writes the decimal sign of the user's language, and reads it back", () => {
    expect(formatNumber(1234.5, "ru")).toBe("1\u00a0234,5");
    expect(formatNumber(1234.5, "kk")).toBe("1\u00a0234,5");
    expect(formatNumber(1234.5, "fr")).toBe("1\u00a0234,5");
    expect(formatNumber(1234.5, "en")).toBe("1\u00a0234.5");
    for (const locale of ["en", "ru", "kk", "fr"])
      for (const value of [1234.5, 0.125, -9876543.25, 42])
        expect(parseNumber(formatNumber(value, locale), { decimals: 3, min: null, max: undefined })).toEqual({ ok: true, value });
  });
  it("adds decimals without binary noise", () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([88100652, 1447838, 60597, 3354558, 2397784, 919430, 14065998])).toBe(110346857);
  });
});

describe("decimals, the same in browser and server", () => {
  // The same function checks a typed figure in the form and a JSON number at the API.
  it("refuses a figure with more decimals than its cell allows", () => {
    expect(checkRange(1234567.5, { decimals: 0, min: null })).toMatchObject({ ok: false, error: { code: "tooManyDecimals" } });
    expect(checkRange(1e-7, { decimals: 0, min: null })).toMatchObject({ ok: false, error: { code: "tooManyDecimals" } });
    expect(checkRange(12.3456789, { decimals: 5, min: null })).toMatchObject({ ok: false, error: { code: "tooManyDecimals" } });
    expect(checkRange(12.34567, { decimals: 5, min: null })).toEqual({ ok: true, value: 12.34567 });
    expect(checkRange(88100652, { decimals: 0, min: null })).toEqual({ ok: true, value: 88100652 });
  });
});

describe("pasting from a spreadsheet", () => {
  const cell = { decimals: 0, min: 0, max: undefined, allowNA: true, allowNAP: true };
  const decimal = { ...cell, decimals: 1 };
  it("splits a block copied from Excel or LibreOffice into rows and cells", () => {
    expect(parseClipboardBlock("1\t2\t3\r\n4\t\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "", "6"],
    ]);
    expect(parseClipboardBlock("1\n2\n3")).toEqual([["1"], ["2"], ["3"]]);
    expect(parseClipboardBlock("\t\n")).toEqual([["", ""]]);
    expect(parseClipboardBlock('"a\tb"\t"say ""x"""\n"two\nlines"\tz')).toEqual([
      ["a\tb", 'say "x"'],
      ["two\nlines", "z"],
    ]);
    expect(parseClipboardBlock('5" pipe\t7')).toEqual([['5" pipe', "7"]]);
    expect(parseClipboardBlock("")).toEqual([]);
  });
  it("reads every writing of a figure, NA, NAP and empty cells", () => {
    for (const text of ["1 234", "1,234", "1\u00a0234", "1\u202f234", "1234", " 1234 "])
      expect(readCellEntry(text, cell, "en-US")).toEqual({ kind: "number", value: 1234 });
    expect(readCellEntry("1.234,5", decimal, "de-DE")).toEqual({ kind: "number", value: 1234.5 });
    expect(readCellEntry("1.234", cell, "de-DE")).toEqual({ kind: "number", value: 1234 });
    expect(readCellEntry("1,5", decimal, "de-DE")).toEqual({ kind: "number", value: 1.5 });
    expect(readCellEntry("NA", cell)).toEqual({ kind: "status", status: "NA" });
    expect(readCellEntry("nap", cell)).toEqual({ kind: "status", status: "NAP" });
    expect(readCellEntry("N/A", cell)).toEqual({ kind: "status", status: "NA" });
    expect(readCellEntry("", cell)).toEqual({ kind: "number", value: null });
  });
  it("never reads points as groups where the locale does not write them so", () => {
    expect(readCellEntry("1.234,5", decimal, "en-US")).toEqual({ kind: "invalid", text: "1.234,5", error: { code: "notANumber" } });
    expect(readCellEntry("1.234", cell, "en-US")).toEqual({ kind: "invalid", text: "1.234", error: { code: "tooManyDecimals", decimals: 0 } });
    expect(readCellEntry("1.5", decimal, "ru")).toEqual({ kind: "number", value: 1.5 });
  });
  it("keeps what it cannot read, with the reason", () => {
    expect(readCellEntry("12 cases", cell)).toEqual({ kind: "invalid", text: "12 cases", error: { code: "notANumber" } });
    expect(readCellEntry("-3", cell)).toEqual({ kind: "invalid", text: "-3", error: { code: "belowMin", min: 0 } });
    expect(readCellEntry("NAP", { ...cell, allowNAP: false })).toEqual({ kind: "invalid", text: "NAP", error: { code: "statusNotAllowed", status: "NAP" } });
  });
});
