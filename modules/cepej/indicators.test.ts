// CEPEJ derived indicators, checked on Kazakhstan's 2020 reply (fixture kz-2020-2022.json).
import { describe, expect, it } from "vitest";
import fixture from "../../seed/cepej/kz-2020-2022.json";
import { num, status, type Answer, type AnswerReader } from "../questionnaire/answers";
import { indexQuestionnaire } from "../questionnaire/cells";
import { parseQuestionnaire } from "../questionnaire/validate";
import { CEPEJ_2020_2022 } from "./definitions/cepej-2020-2022";
import { CASE_FLOW_QUESTIONS, computeIndicators, indicatorsByQuestion, shortRowLabel, type Indicator } from "./indicators";

const answers = fixture.answers as Record<string, Answer>;
const kz: AnswerReader = (key) => answers[key];
const list = computeIndicators(kz);
const byId = (id: string, l: Indicator[] = list) => {
  const found = l.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
/** Formulas group digits with no-break spaces; compare them with ordinary ones. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");
/** The fixture with some cells replaced. */
const withCells =
  (over: Record<string, Answer | undefined>): AnswerReader =>
  (key) =>
    key in over ? over[key] : answers[key];

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid definition");
const index = indexQuestionnaire(parsed.questionnaire);

describe("case-flow indicators", () => {
  it("Q091 row r1 (civil litigious): clearance rate 362 194 ÷ 358 017 × 100 = 101.2 %", () => {
    const cr = byId("clearance-rate:091:r1");
    expect(cr.value).toBe(101.2);
    expect(cr.unit).toBe("%");
    expect(cr.questionId).toBe("091");
    expect(cr.row).toBe("r1");
    expect(cr.inputs).toEqual(["091:r1:resolved", "091:r1:incoming"]);
    expect(plain(cr.formula)).toBe("resolved ÷ incoming × 100 = 362 194 ÷ 358 017 × 100");
    expect(cr.label).toBe("Clearance rate – First instance, other than criminal law cases – 1. Civil (and commercial) litigious cases");
  });

  it("Q091 row r1: disposition time 47 189 ÷ 362 194 × 365 = 48 days", () => {
    const dt = byId("disposition-time:091:r1");
    expect(dt.value).toBe(48);
    expect(dt.unit).toBe("days");
    expect(dt.inputs).toEqual(["091:r1:pending_end", "091:r1:resolved"]);
    expect(plain(dt.formula)).toBe("pending 31 Dec ÷ resolved × 365 = 47 189 ÷ 362 194 × 365");
  });

  it("total rows and other instances", () => {
    expect(byId("clearance-rate:091:total").value).toBe(100.5); // 1 014 391 ÷ 1 009 334
    expect(byId("disposition-time:091:total").value).toBe(21); // 57 614 ÷ 1 014 391 × 365 = 20.7
    expect(byId("clearance-rate:100:total").value).toBe(96.9); // 5 561 ÷ 5 736
    expect(byId("disposition-time:100:total").value).toBe(35); // 530 ÷ 5 561 × 365 = 34.8
  });

  it("cover every row of Q091, Q094, Q097, Q098, Q099, Q100 (row ids and flow columns from ch04.json)", () => {
    for (const qid of Object.keys(CASE_FLOW_QUESTIONS)) {
      const q = index.questions.get(qid);
      if (!q || q.type !== "grid" || !q.caseFlow) throw new Error(`${qid} is not a case-flow grid`);
      expect(q.caseFlow).toEqual({ pendingStart: "pending_start", incoming: "incoming", resolved: "resolved", pendingEnd: "pending_end" });
      const rows = q.rows.map((r) => r.id);
      expect(list.filter((i) => i.kind === "clearanceRate" && i.questionId === qid).map((i) => i.row)).toEqual(rows);
      expect(list.filter((i) => i.kind === "dispositionTime" && i.questionId === qid).map((i) => i.row)).toEqual(rows);
    }
    expect(list.filter((i) => i.kind === "clearanceRate")).toHaveLength(11 + 4 + 11 + 4 + 11 + 4);
  });

  it("a NAP row (Q091 2.2 registry cases) gives — and names the missing inputs", () => {
    const cr = byId("clearance-rate:091:r2_2");
    expect(cr.value).toBeNull();
    expect(cr.formula).toBe("resolved ÷ incoming × 100 — not computed: resolved (091:r2_2:resolved) is NAP; incoming (091:r2_2:incoming) is NAP");
    expect(byId("disposition-time:091:r2_2_1").value).toBeNull();
    expect(byId("clearance-rate:099:r2").value).toBeNull();
  });

  it("one NA or empty input is enough for —", () => {
    const l = computeIndicators(withCells({ "091:r1:incoming": status("NA"), "094:r1:pending_end": undefined }));
    expect(byId("clearance-rate:091:r1", l).value).toBeNull();
    expect(byId("clearance-rate:091:r1", l).formula).toMatch(/incoming \(091:r1:incoming\) is NA$/);
    expect(byId("disposition-time:091:r1", l).value).toBe(48); // does not read incoming
    expect(byId("disposition-time:094:r1", l).value).toBeNull();
    expect(byId("disposition-time:094:r1", l).formula).toMatch(/pending 31 Dec \(094:r1:pending_end\) is empty$/);
  });

  it("division by zero gives null", () => {
    const l = computeIndicators(withCells({ "094:r2:incoming": num(0), "094:r2:resolved": num(0) }));
    const cr = byId("clearance-rate:094:r2", l);
    expect(cr.value).toBeNull();
    expect(cr.formula).toBe("resolved ÷ incoming × 100 = 0 ÷ 0 × 100 — division by zero: incoming (094:r2:incoming) is 0");
    expect(byId("disposition-time:094:r2", l).value).toBeNull();
    // 0 resolved out of some incoming is a clearance rate of 0, not a missing one
    const l2 = computeIndicators(withCells({ "094:r2:resolved": num(0) }));
    expect(byId("clearance-rate:094:r2", l2).value).toBe(0);
  });
});

describe("resources per 100 000 inhabitants (Q001 = 18 879 552)", () => {
  it("professional judges: Q046 total 2 394 → 12.68", () => {
    const j = byId("judges-per-100k");
    expect(j.value).toBe(12.68);
    expect(j.questionId).toBe("046");
    expect(j.unit).toBe("per 100 000 inhabitants");
    expect(j.inputs).toEqual(["046:total:total", "001"]);
    expect(plain(j.formula)).toBe("professional judges ÷ inhabitants × 100 000 = 2 394 ÷ 18 879 552 × 100 000");
  });

  it("non-judge staff (Q052), prosecutors (Q055), lawyers (Q146)", () => {
    expect(byId("non-judge-staff-per-100k")).toMatchObject({ value: 41.26, questionId: "052", inputs: ["052:total:total", "001"] });
    expect(byId("prosecutors-per-100k")).toMatchObject({ value: 30.28, questionId: "055", inputs: ["055:total:total", "001"] });
    expect(byId("lawyers-per-100k")).toMatchObject({ value: 28.86, questionId: "146", inputs: ["146:number_of_lawyers:total", "001"] });
  });

  it("no inhabitants: every per-inhabitant figure is —", () => {
    const l = computeIndicators(withCells({ "001": status("NA") }));
    for (const id of ["judges-per-100k", "lawyers-per-100k", "court-budget-per-inhabitant", "court-budget-percent-gdp"]) {
      expect(byId(id, l).value).toBeNull();
      expect(byId(id, l).formula).toContain("inhabitants (001) is NA");
    }
    expect(byId("judges-per-100k", computeIndicators(withCells({ "001": num(0) }))).value).toBeNull();
  });
});

describe("court budget (implemented, Q006 total)", () => {
  it("per inhabitant: 109 468 639 ÷ 18 879 552 = 5.80 €", () => {
    const b = byId("court-budget-per-inhabitant");
    expect(b).toMatchObject({ value: 5.8, unit: "€", questionId: "006", inputs: ["006:total:implemented", "001"] });
    expect(plain(b.formula)).toBe("implemented court budget ÷ inhabitants = 109 468 639 ÷ 18 879 552");
  });

  it("as % of GDP: 109 468 639 ÷ (7 991 × 18 879 552) × 100 = 0.073 %", () => {
    const g = byId("court-budget-percent-gdp");
    expect(g).toMatchObject({ value: 0.073, unit: "%", questionId: "006", inputs: ["006:total:implemented", "003", "001"] });
    expect(plain(g.formula)).toBe("implemented court budget ÷ (GDP per capita × inhabitants) × 100 = 109 468 639 ÷ (7 991 × 18 879 552) × 100");
    const l = computeIndicators(withCells({ "003": num(0) }));
    expect(byId("court-budget-percent-gdp", l).value).toBeNull();
    expect(byId("court-budget-percent-gdp", l).formula).toContain("division by zero: GDP per capita (003) is 0");
  });

  it("does not fall back to the approved budget", () => {
    const l = computeIndicators(withCells({ "006:total:implemented": status("NA") }));
    expect(byId("court-budget-per-inhabitant", l).value).toBeNull();
    expect(byId("court-budget-per-inhabitant", l).formula).toContain("implemented court budget (006:total:implemented) is NA");
  });
});

describe("structure", () => {
  it("every input is a cell of the definition and every indicator sits beside an existing question", () => {
    for (const ind of list) {
      for (const key of ind.inputs) expect(index.cells.has(key), key).toBe(true);
      expect(index.questions.has(ind.questionId)).toBe(true);
    }
    expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
  });

  it("an empty reply gives only —", () => {
    expect(computeIndicators(() => undefined).every((i) => i.value === null)).toBe(true);
  });

  it("indicatorsByQuestion groups by question, keeping order", () => {
    const groups = indicatorsByQuestion(list);
    expect(Object.keys(groups).sort()).toEqual(["006", "046", "052", "055", "091", "094", "097", "098", "099", "100", "146"]);
    expect(groups["006"].map((i) => i.id)).toEqual(["court-budget-per-inhabitant", "court-budget-percent-gdp"]);
    expect(groups["091"].slice(0, 2).map((i) => i.id)).toEqual(["clearance-rate:091:total", "disposition-time:091:total"]);
    expect(Object.values(groups).flat()).toHaveLength(list.length);
  });

  it("computeIndicators(read, { questionId }) gives exactly that question's indicators, in the same order", () => {
    const readers = [kz, withCells({ "091:r1:incoming": num(0), "001": status("NA") }), () => undefined];
    for (const read of readers) {
      const all = computeIndicators(read);
      for (const questionId of [...new Set(all.map((i) => i.questionId)), "001", "999"]) {
        expect(computeIndicators(read, { questionId })).toEqual(all.filter((i) => i.questionId === questionId));
      }
    }
    // only that question's inputs are read
    const seen = new Set<string>();
    computeIndicators((key) => (seen.add(key), answers[key]), { questionId: "091" });
    expect([...seen].every((k) => k.startsWith("091:"))).toBe(true);
  });

  it("shortens row labels", () => {
    expect(shortRowLabel("Total of other than criminal law cases (1+2+3+4)")).toBe("Total of other than criminal law cases");
    expect(shortRowLabel("2.1. General civil (and commercial) non-litigious cases, e.g. uncontested payment orders, (…)")).toBe(
      "2.1. General civil (and commercial) non-litigious cases",
    );
  });
});
