import { describe, expect, it } from "vitest";
import { codebookCsv, microdataVariables, spssSyntax } from "./codebook";
import { microdataHeader } from "./microdata";
import { readCsv } from "./csv-read";
import { TRUST_BODIES } from "./codes";

describe("codebook", () => {
  const header = microdataHeader();
  it("lists every microdata variable, in order, with label, type and values", () => {
    const read = readCsv(codebookCsv());
    if (!read.ok) throw new Error(read.error.reason);
    const [head, ...rows] = read.records.map((r) => r.fields);
    expect(head).toEqual(["variable", "label", "type", "values", "asked_if", "missing"]);
    expect(rows.map((r) => r[0])).toEqual(header);
    const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byName.sex).toEqual(["sex", "Sex", "numeric", "1=male; 2=female", "result = 1", ""]);
    expect(byName.region[3]).toContain("ABA=Abai; AKM=Akmola");
    expect(byName.trust_police[3]).toBe("1=trust fully; 2=partially trust; 3=rather distrust; 4=distrust; 8=never encountered it; 9=difficult to answer");
    expect(byName.unsafe_reasons_8[3]).toBe("0=not mentioned; 1=mentioned");
    expect(byName.unsafe_reasons_other[2]).toBe("string");
    expect(byName.unsafe_reasons_other[4]).toContain("unsafe_reasons_8 = 1");
    expect(byName.interview_date[2]).toBe("date");
    expect(byName.reported_theft[4]).toBe("result = 1 and victim_theft = 1");
    for (const r of rows) expect(r[1], r[0]).not.toBe("");
  });

  it("writes SPSS syntax that reads, labels and weights every variable", () => {
    const sps = spssSyntax();
    const section = (from: string, to: string) => sps.slice(sps.indexOf(from), sps.indexOf(to, sps.indexOf(from)));
    const getData = section("GET DATA", "CACHE.");
    const varLabels = section("VARIABLE LABELS", "\r\n.\r\n");
    const valueLabels = section("VALUE LABELS", "\r\n.\r\n");
    for (const name of header) {
      expect(getData, name).toMatch(new RegExp(`\\n    ${name} [A-Z]+[0-9.]+\\r`));
      expect(varLabels, name).toMatch(new RegExp(`\\n  /?${name} "`));
    }
    for (const v of microdataVariables().filter((x) => x.values.length)) expect(valueLabels, v.name).toMatch(new RegExp(`\\n  /?${v.name}\\r`));
    expect(getData).toContain('/FILE="udn-microdata.csv"');
    expect(getData).toContain("/FIRSTCASE=2");
    expect(getData).toContain("interview_date SDATE10");
    expect(getData).toContain("region A3");
    expect(varLabels).toContain('/trust_prosecutor "How much do you trust: Prosecutor\'s office"');
    expect(valueLabels).toContain('    "ABA" "Abai"');
    expect(valueLabels).toContain('    9 "difficult to answer"');
    expect(sps).toContain(`MISSING VALUES ${TRUST_BODIES.map((b) => b.code).join(" ")} (8, 9).`);
    expect(sps).toContain("WEIGHT BY weight.");
    expect(spssSyntax({ file: "C:\\data\\udn 2025.csv" })).toContain('/FILE="C:\\data\\udn 2025.csv"');
  });
});
