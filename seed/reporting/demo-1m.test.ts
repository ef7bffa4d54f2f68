import { describe, expect, it } from "vitest";
import { REGIONS } from "../../db/reference-data";
import { cellsOf, keysOf } from "../../modules/questionnaire/cells";
import { evaluateQuestion, sumsOf } from "../../modules/questionnaire/rules";
import { parseQuestionnaire } from "../../modules/questionnaire/validate";
import { walkQuestions } from "../../modules/questionnaire/walk";
import form1m from "../../modules/reporting/definitions/form-1m.json";
import { DEMO_1M_YEARS, FORM_1M_ROWS, generateDemo1M, NATIONAL_TOTALS, PUBLISHED_REGIONAL_TOTALS, sumOver, type Demo1MReport } from "./demo-1m";

const parsed = parseQuestionnaire(form1m);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
const definition = parsed.questionnaire;
const questions = Array.from(walkQuestions(definition), (x) => x.question);
const q1 = questions.find((q) => q.id === "q1")!;
const reports = generateDemo1M();
const yearTotal = (region: string, year: number) => sumOver(reports, region, "q1:total:period", `${year}-01`, `${year}-12`);
const months = DEMO_1M_YEARS.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`));

describe("form 1-M definition", () => {
  it("parses as a questionnaire with a grid q1 (period, ytd) and a sources question", () => {
    expect(definition).toMatchObject({ id: "form-1m", version: "1" });
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ["q1", "grid"],
      ["A1", "sources"],
    ]);
    if (q1.type !== "grid") throw new Error("q1 is a grid");
    expect(q1.rows.map((r) => r.id)).toEqual([...FORM_1M_ROWS]);
    expect(q1.columns.map((c) => c.id)).toEqual(["period", "ytd"]);
    for (const c of q1.columns) {
      expect(c.cell).toEqual({ kind: "number", number: { decimals: 0, min: 0, allowNA: true, allowNAP: false } });
    }
  });
  it("declares total = crimes + misdemeanours, crimes = the four gravities, and the of-which limits", () => {
    if (q1.type !== "grid") throw new Error("q1 is a grid");
    expect(sumsOf(q1)).toEqual([
      { total: "q1:total:period", parts: ["q1:r1:period", "q1:r2:period"] },
      { total: "q1:total:ytd", parts: ["q1:r1:ytd", "q1:r2:ytd"] },
      { total: "q1:r1:period", parts: ["q1:r1_1:period", "q1:r1_2:period", "q1:r1_3:period", "q1:r1_4:period"] },
      { total: "q1:r1:ytd", parts: ["q1:r1_1:ytd", "q1:r1_2:ytd", "q1:r1_3:ytd", "q1:r1_4:ytd"] },
    ]);
    const atMost = Object.fromEntries(q1.rows.filter((r) => r.atMost).map((r) => [r.id, r.atMost]));
    expect(atMost).toMatchObject({ r3: "total", r8: "total", r10: "total", r10_1: "r10", r16_1: "r16", r17: "total" });
    expect(Object.keys(atMost)).toHaveLength(FORM_1M_ROWS.length - 7);
  });
  it("flags a month above the year to date, a misdemeanour sum that does not add up, and NAP", () => {
    const answers: Record<string, { num: number | null; text: null; status: "NA" | "NAP" | null }> = {};
    for (const row of FORM_1M_ROWS) {
      answers[`q1:${row}:period`] = { num: 1, text: null, status: null };
      answers[`q1:${row}:ytd`] = { num: 1, text: null, status: null };
    }
    answers["q1:r3:period"] = { num: 2, text: null, status: null };
    answers["q1:r4:ytd"] = { num: null, text: null, status: "NAP" };
    const codes = evaluateQuestion(q1, (k) => answers[k]).map((i) => `${i.code} ${i.cell}`);
    expect(codes).toContain("sumMismatch q1:total:period");
    expect(codes).toContain("atMost q1:r3:period");
    expect(codes).toContain("statusNotAllowed q1:r4:ytd");
  });
});

describe("synthetic 1-M reports", () => {
  it("covers the 20 regions × 120 months 2016-01 … 2025-12, once each", () => {
    expect(reports).toHaveLength(20 * 120);
    expect(new Set(reports.map((r) => `${r.region} ${r.period}`)).size).toBe(2400);
    expect(new Set(reports.map((r) => r.region))).toEqual(new Set(REGIONS.map((r) => r.code)));
    expect([...new Set(reports.map((r) => r.period))].sort()).toEqual(months);
  });
  it("fills exactly the definition's cells and sources", () => {
    const expected = questions.flatMap((q) => cellsOf(q).map((c) => c.key)).sort();
    const storable = new Set(questions.flatMap(keysOf));
    for (const r of reports) {
      expect(Object.keys(r.answers).sort()).toEqual(expected);
      for (const k of Object.keys(r.answers)) expect(storable.has(k)).toBe(true);
    }
  });
  it("passes the rules engine at submission: no errors, no warnings", () => {
    const bad: string[] = [];
    for (const r of reports) {
      for (const q of questions) {
        const issues = evaluateQuestion(q, (k) => r.answers[k], { submit: true });
        if (issues.length) bad.push(`${r.region} ${r.period}: ${issues.map((i) => `${i.code} ${i.cell}`).join(", ")}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it("keeps the mutually exclusive types (lines 3–13, 15) within the total", () => {
    const exclusive = ["r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13", "r15"];
    for (const r of reports) {
      for (const col of ["period", "ytd"]) {
        const sum = exclusive.reduce((a, row) => a + r.answers[`q1:${row}:${col}`].num!, 0);
        expect(sum).toBeLessThanOrEqual(r.answers[`q1:total:${col}`].num!);
      }
    }
  });
  it("gives every line since the start of the year as the sum of the year's months so far", () => {
    const byRegion = new Map<string, Demo1MReport[]>();
    for (const r of reports) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r]);
    for (const list of byRegion.values()) {
      const ytd = new Map<string, number>();
      for (const r of [...list].sort((a, b) => a.period.localeCompare(b.period))) {
        if (r.period.endsWith("-01")) ytd.clear();
        for (const row of FORM_1M_ROWS) {
          const v = (ytd.get(row) ?? 0) + r.answers[`q1:${row}:period`].num!;
          ytd.set(row, v);
          expect(r.answers[`q1:${row}:ytd`].num, `${r.region} ${r.period} ${row}`).toBe(v);
        }
      }
    }
  });
  it("adds up to the published national totals of each year", () => {
    for (const y of DEMO_1M_YEARS) {
      expect(REGIONS.reduce((a, r) => a + yearTotal(r.code, y), 0)).toBe(NATIONAL_TOTALS[y]);
    }
    expect(NATIONAL_TOTALS[2024]).toBe(132_778);
  });
  it("has the 2025 release's top three regions: Almaty 22 150, Astana 16 045, Almaty region 8 746", () => {
    const ranked = REGIONS.map((r) => [r.code, yearTotal(r.code, 2025)] as const).sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 3)).toEqual([
      ["ALA", 22_150],
      ["AST", 16_045],
      ["ALM", 8_746],
    ]);
  });
  it("has the 2024 figures (Almaty 24 965, Astana 17 339, Almaty region 10 385) as the year 2024, top three", () => {
    const ranked = REGIONS.map((r) => [r.code, yearTotal(r.code, 2024)] as const).sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 4)).toEqual([
      ["ALA", 24_965],
      ["AST", 17_339],
      ["ALM", 10_385],
      ["KAR", 7_562],
    ]);
    // December's "since the beginning of the year" carries the same figure.
    const dec = reports.find((r) => r.region === "ALA" && r.period === "2024-12")!;
    expect(dec.answers["q1:total:ytd"].num).toBe(24_965);
  });
  it("matches every published regional year total", () => {
    for (const p of PUBLISHED_REGIONAL_TOTALS) expect(yearTotal(p.region, p.year), `${p.region} ${p.year}`).toBe(p.total);
  });
  it("falls over ten years as the national series does, and is deterministic", () => {
    const national = DEMO_1M_YEARS.map((y) => REGIONS.reduce((a, r) => a + yearTotal(r.code, y), 0));
    expect(national[0] / national[9]).toBeGreaterThan(2.5);
    const again = generateDemo1M();
    expect(again[1234]).toEqual(reports[1234]);
    expect(JSON.stringify(again.slice(0, 50))).toBe(JSON.stringify(reports.slice(0, 50)));
    expect(JSON.stringify(generateDemo1M("another seed").slice(0, 50))).not.toBe(JSON.stringify(reports.slice(0, 50)));
  });
});
