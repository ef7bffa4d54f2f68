import { describe, expect, it } from "vitest";
import { csvCell, guardFormula, toCsv, unguardFormula } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });
  it("neutralises cells a spreadsheet would run as formulas, but not numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe("-2");
  });
  it("also after leading spaces, and in their full-width forms", () => {
    for (const text of [" =1+1", "\u00a0=1", "\u3000@A1", "\t=1", "\uff1dSUM(A1)", "\uff0b1", "\uff0d1", "\uff20A1", "  \uff1d1"]) {
      expect(csvCell(text), JSON.stringify(text)).toMatch(/^"?'/);
      expect(unguardFormula(String(guardFormula(text)))).toBe(text);
    }
    for (const text of ["1 = 1", "a-b", "x@example.org", "Astana"]) expect(csvCell(text)).toBe(text);
  });
  it("starts with a BOM and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("\ufeffa,b\r\n1,x\r\n");
  });
});
