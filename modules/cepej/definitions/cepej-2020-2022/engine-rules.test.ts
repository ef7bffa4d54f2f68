// The engine on the largest definition it serves: the CEPEJ questionnaire (cells, sums, case flow).
import { describe, expect, it } from "vitest";
import { Question, type QuestionnaireInput } from "@/modules/questionnaire/definition";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { blocksSubmission, computeSum, evaluateQuestion, sameIssue, sumsOf, checkCellValue, variationOf, type Issue } from "@/modules/questionnaire/rules";
import { cellsOf } from "@/modules/questionnaire/cells";
import { EMPTY, multi, num, status, text, type Answer } from "@/modules/questionnaire/answers";
import { progressOf } from "@/modules/questionnaire/progress";
import { CEPEJ_2020_2022 } from ".";
import { walkQuestions } from "@/modules/questionnaire/walk";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("definition invalid");
const find = (id: string) => Array.from(walkQuestions(parsed.questionnaire)).find((x) => x.question.id === id)!.question;
const reader = (values: Record<string, Answer>) => (key: string) => values[key];

// Kazakhstan's 2020 approved court budget (Q006), as the seed prints it.
const q006Approved: Record<string, Answer> = {
  "006:total:approved": num(110346857),
  "006:r1:approved": num(88100652),
  "006:r2:approved": num(1447838),
  "006:r2_1:approved": status("NAP"),
  "006:r2_2:approved": num(1447838),
  "006:r3:approved": num(60597),
  "006:r4:approved": num(3354558),
  "006:r5:approved": num(2397784),
  "006:r6:approved": num(919430),
  "006:r7:approved": num(14065998),
};

describe("sum rules (Q006)", () => {
  const q006 = find("006");
  it("derives a rule per total row and number column", () => {
    const sums = sumsOf(q006);
    expect(sums).toContainEqual({
      total: "006:total:approved",
      parts: ["006:r1:approved", "006:r2:approved", "006:r3:approved", "006:r4:approved", "006:r5:approved", "006:r6:approved", "006:r7:approved"],
    });
    expect(sums).toContainEqual({ total: "006:r2:implemented", parts: ["006:r2_1:implemented", "006:r2_2:implemented"] });
  });
  it("accepts the seed's figures, counting NAP as 0", () => {
    const issues = evaluateQuestion(q006, reader(q006Approved)).filter((i) => i.cell.endsWith("approved"));
    expect(issues).toEqual([]);
    expect(computeSum(["006:r2_1:approved", "006:r2_2:approved"], reader(q006Approved))).toBe(1447838);
  });
  it("warns when a part changes and the total no longer adds up", () => {
    const values = { ...q006Approved, "006:r3:approved": num(60598) };
    const issues = evaluateQuestion(q006, reader(values));
    expect(issues).toEqual([
      {
        code: "sumMismatch",
        severity: "warning",
        question: "006",
        cell: "006:total:approved",
        params: { total: 110346857, sum: 110346858, difference: -1 },
        explained: false,
      },
    ]);
    expect(issues.every(blocksSubmission)).toBe(true);
  });
  it("accepts the warning once the comment explains it and that is confirmed for this warning", () => {
    const values = {
      ...q006Approved,
      "006:r3:approved": num(60598),
      "006#comment": text("Rounded by the Ministry of Finance."),
      "006#explains": text('["sumMismatch@006:total:approved"]'),
    };
    const issues = evaluateQuestion(q006, reader(values));
    expect(issues).toHaveLength(1);
    expect(issues[0].explained).toBe(true);
    expect(issues.some(blocksSubmission)).toBe(false);
  });
  it("checks nothing while a part is NA or empty", () => {
    expect(evaluateQuestion(q006, reader({ ...q006Approved, "006:r3:approved": status("NA") }))).toEqual([]);
    expect(computeSum(["006:r3:approved"], reader({ "006:r3:approved": status("NA") }))).toBeNull();
    expect(evaluateQuestion(q006, reader({ ...q006Approved, "006:r3:approved": EMPTY }))).toEqual([]);
  });
  it("warns when a total is NA while all its parts are figures", () => {
    const issues = evaluateQuestion(q006, reader({ ...q006Approved, "006:total:approved": status("NA") }));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["totalNA", "006:total:approved"]]);
  });
  it("requires every enabled number cell at submission", () => {
    const issues = evaluateQuestion(q006, reader(q006Approved), { submit: true });
    expect(issues.filter((i) => i.code === "unanswered")).toHaveLength(10); // the implemented column
    expect(issues.every((i) => i.severity === "error")).toBe(true);
  });
});

// A small definition exercising the other rules.
const small: QuestionnaireInput = {
  id: "t",
  version: "1",
  title: { en: "t" },
  parts: [
    {
      id: "1",
      title: { en: "One" },
      questions: [
        {
          id: "flow",
          type: "grid",
          label: { en: "Cases" },
          columns: ["ps", "in", "res", "pe"].map((id) => ({ id, label: { en: id }, cell: { kind: "number" as const } })),
          rows: [
            { id: "total", label: { en: "Total" }, sumOf: ["r1", "r2"] },
            { id: "r1", label: { en: "1" } },
            { id: "r2", label: { en: "2" }, atMost: "r1" },
          ],
          caseFlow: { pendingStart: "ps", incoming: "in", resolved: "res", pendingEnd: "pe" },
        },
        {
          id: "yn",
          type: "choice",
          label: { en: "Does it?" },
          options: [
            { id: "yes", label: { en: "Yes" } },
            { id: "no", label: { en: "No" } },
          ],
        },
        { id: "follow", type: "number", label: { en: "If yes, how many?" }, enabledWhen: { cell: { q: "yn" }, in: ["yes"] } },
        {
          id: "pick",
          type: "multi",
          label: { en: "Which?" },
          maxSelected: 2,
          options: [
            { id: "a", label: { en: "A" } },
            { id: "b", label: { en: "B" } },
            { id: "c", label: { en: "C" } },
            { id: "none", label: { en: "None" }, exclusive: true },
          ],
        },
        { id: "pct", type: "number", label: { en: "Share" }, number: { decimals: 2, max: 100, allowNAP: false } },
        {
          id: "crit",
          type: "grid",
          label: { en: "Criteria" },
          maxChecked: [{ col: "main", max: 1 }],
          rows: [
            { id: "x", label: { en: "X" } },
            { id: "y", label: { en: "Y" } },
          ],
          columns: [{ id: "main", label: { en: "Main" }, cell: { kind: "check" } }],
        },
        { id: "long", type: "text", label: { en: "Describe" }, maxLength: 10 },
      ],
    },
  ],
};
const sp = parseQuestionnaire(small);
if (!sp.ok) throw new Error(JSON.stringify(sp.errors));
const q = (id: string) => Array.from(walkQuestions(sp.questionnaire)).find((x) => x.question.id === id)!.question;

describe("case flow", () => {
  const row = (r: string, ps: number, inc: number, res: number, pe: number) => ({
    [`flow:${r}:ps`]: num(ps),
    [`flow:${r}:in`]: num(inc),
    [`flow:${r}:res`]: num(res),
    [`flow:${r}:pe`]: num(pe),
  });
  it("holds when pending 1 Jan + incoming − resolved = pending 31 Dec", () => {
    const values = { ...row("total", 62671, 1009334, 1014391, 57614), ...row("r1", 51366, 358017, 362194, 47189), ...row("r2", 11305, 651317, 652197, 10425) };
    expect(evaluateQuestion(q("flow"), reader(values)).filter((i) => i.code === "caseFlow")).toEqual([]);
  });
  it("warns at the pending-31-Dec cell when it does not", () => {
    const issues = evaluateQuestion(q("flow"), reader(row("r1", 10, 5, 3, 13)));
    expect(issues).toContainEqual(expect.objectContaining({ code: "caseFlow", cell: "flow:r1:pe", params: { expected: 12, actual: 13, difference: 1 } }));
  });
  it("warns when an 'of which' row exceeds its row", () => {
    const issues = evaluateQuestion(q("flow"), reader({ "flow:r1:in": num(5), "flow:r2:in": num(6) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: "atMost", cell: "flow:r2:in", severity: "warning" }));
  });
});

describe("cellsOf and sumsOf are computed once per question", () => {
  it("return the same frozen lists, equal to a fresh computation", () => {
    const q006 = find("006");
    expect(cellsOf(q006)).toBe(cellsOf(q006));
    expect(sumsOf(q006)).toBe(sumsOf(q006));
    expect(Object.isFrozen(cellsOf(q006))).toBe(true);
    expect(Object.isFrozen(sumsOf(q006)[0].parts)).toBe(true);
    const copy = structuredClone(q006); // another question object: computed afresh, same content
    expect(cellsOf(copy)).not.toBe(cellsOf(q006));
    expect(cellsOf(copy).map((c) => c.key)).toEqual(cellsOf(q006).map((c) => c.key));
    expect(sumsOf(copy)).toEqual(sumsOf(q006));
    expect(() => (cellsOf(q006) as unknown[]).push(1)).toThrow();
  });
});

describe("sameIssue (the form re-renders a message only when it changes)", () => {
  const row = (r: string, ps: number, inc: number, res: number, pe: number) => ({
    [`flow:${r}:ps`]: num(ps),
    [`flow:${r}:in`]: num(inc),
    [`flow:${r}:res`]: num(res),
    [`flow:${r}:pe`]: num(pe),
  });
  const base: Issue = { code: "caseFlow", severity: "warning", question: "flow", cell: "flow:r1:pe", params: { expected: 12, actual: 13, difference: 1 } };
  it("is true for the same message evaluated twice", () => {
    const a = evaluateQuestion(q("flow"), reader(row("r1", 10, 5, 3, 13)));
    const b = evaluateQuestion(q("flow"), reader(row("r1", 10, 5, 3, 13)));
    expect(a.length).toBeGreaterThan(0);
    a.forEach((x, i) => expect(sameIssue(x, b[i])).toBe(true));
    expect(sameIssue(base, { ...base, params: { difference: 1, actual: 13, expected: 12 } })).toBe(true);
    expect(sameIssue(base, { ...base, explained: false })).toBe(true);
  });
  it("is false when anything shown differs", () => {
    expect(sameIssue(base, { ...base, params: { ...base.params, actual: 14 } })).toBe(false);
    expect(sameIssue(base, { ...base, params: { expected: 12, actual: 13 } })).toBe(false);
    expect(sameIssue(base, { ...base, params: { expected: 12, actual: 13, other: 1 } })).toBe(false);
    expect(sameIssue(base, { ...base, explained: true })).toBe(false);
    expect(sameIssue(base, { ...base, cell: "flow:r2:pe" })).toBe(false);
    expect(sameIssue(base, { ...base, code: "sumMismatch" })).toBe(false);
    expect(sameIssue(base, { ...base, severity: "error" })).toBe(false);
  });
});

describe("conditions", () => {
  it("leaves a disabled question out of validation, and keeps its answer", () => {
    const values = { yn: text("no"), follow: num(-3) };
    expect(evaluateQuestion(q("follow"), reader(values), { submit: true })).toEqual([]);
    expect(values.follow).toEqual(num(-3));
    expect(evaluateQuestion(q("follow"), reader({ ...values, yn: text("yes") })).map((i) => i.code)).toEqual(["belowMin"]);
  });
  it("counts only enabled cells in progress", () => {
    const questions = [q("yn"), q("follow")];
    expect(progressOf(questions, reader({ yn: text("no") }))).toEqual({ answered: 1, total: 1 });
    expect(progressOf(questions, reader({ yn: text("yes") }))).toEqual({ answered: 1, total: 2 });
  });
});

describe("cell values", () => {
  const cell = (id: string) => cellsOf(q(id))[0];
  it("refuses NA/NAP where the cell does not allow it", () => {
    expect(checkCellValue(cell("pct"), status("NAP"))?.code).toBe("statusNotAllowed");
    expect(checkCellValue(cell("pct"), status("NA"))).toBeNull();
    expect(checkCellValue(cell("pct"), num(100.01))?.code).toBe("aboveMax");
    expect(checkCellValue(cell("pct"), num(12.345))?.code).toBe("tooManyDecimals");
  });
  it("checks choices, multiple choices and texts", () => {
    expect(checkCellValue(cell("yn"), text("maybe"))?.code).toBe("unknownOption");
    expect(checkCellValue(cell("pick"), multi(["a", "b", "c"]))?.code).toBe("tooManySelected");
    expect(checkCellValue(cell("pick"), multi(["a", "none"]))?.code).toBe("exclusiveOption");
    expect(checkCellValue(cell("pick"), multi(["a", "zz"]))?.code).toBe("unknownOption");
    expect(checkCellValue(cell("pick"), multi(["none"]))).toBeNull();
    expect(checkCellValue(cell("long"), text("01234567890"))?.code).toBe("textTooLong");
    expect(checkCellValue(cell("long"), text("0123456789"))).toBeNull();
  });
  it("limits ticks per column", () => {
    const issues = evaluateQuestion(q("crit"), reader({ "crit:x:main": num(1), "crit:y:main": num(1) }));
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["tooManyChecked", "error"]]);
  });
});

describe("definition validation", () => {
  it("rejects a malformed definition with the path of each problem", () => {
    const bad = structuredClone(small) as any;
    bad.parts[0].questions[0].rows[0].sumOf = ["r1", "r9"];
    bad.parts[0].questions[2].enabledWhen = { cell: { q: "nope" }, in: ["yes"] };
    bad.parts[0].questions.push({
      id: "yn",
      type: "choice",
      label: { en: "dup" },
      options: [
        { id: "a", label: { en: "a" } },
        { id: "b", label: { en: "b" } },
      ],
    });
    const result = parseQuestionnaire(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: "parts[0].questions[0].rows[0].sumOf", message: 'unknown row "r9"' },
        { path: "parts[0].questions[2].enabledWhen.cell", message: 'unknown question "nope"' },
        expect.objectContaining({ path: "parts[0].questions[7].id", message: expect.stringContaining('duplicate question id "yn"') }),
      ]),
    );
  });
  it("rejects wrong shapes with zod paths", () => {
    const result = parseQuestionnaire({
      id: "x",
      version: "1",
      title: { en: "x" },
      parts: [{ id: "1", title: {}, questions: [{ id: "1", type: "number", label: { en: "n" }, number: { decimals: -1 } }] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["parts.0.title.en", "parts.0.questions.0.number.decimals"]));
  });
  it("accepts every question type of the model", () => {
    expect(Question.options.map((o) => o.shape.type.value).sort()).toEqual(["choice", "date", "grid", "multi", "number", "sources", "text"]);
  });
});

describe("variation from the previous cycle", () => {
  const q001 = find("001");
  const prev = reader({ "001": num(18_879_552) });
  it("warns beyond the threshold and is explained by the comment", () => {
    expect(evaluateQuestion(q001, reader({ "001": num(19_000_000) }), { previous: prev, variationThreshold: 20 })).toEqual([]);
    const issues = evaluateQuestion(q001, reader({ "001": num(30_000_000) }), { previous: prev, variationThreshold: 20 });
    expect(issues).toEqual([
      {
        code: "variation",
        severity: "warning",
        question: "001",
        cell: "001",
        params: { previous: 18879552, variation: 58.9, threshold: 20 },
        explained: false,
      },
    ]);
    const explained = evaluateQuestion(
      q001,
      reader({ "001": num(30_000_000), "001#comment": text("Census revision"), "001#explains": text('["variation@001"]') }),
      { previous: prev, variationThreshold: 20 },
    );
    expect(explained[0].explained).toBe(true);
  });
  it("compares only figures with figures", () => {
    expect(variationOf(5, null)).toBeNull();
    expect(variationOf(null, 5)).toBeNull();
    expect(variationOf(0, 0)).toBe(0);
    expect(variationOf(3, 0)).toBe(Infinity);
    expect(variationOf(80, 100)).toBe(-20);
    expect(evaluateQuestion(find("004"), reader({ "004": status("NA") }), { previous: reader({ "004": num(5424) }) }).map((i) => i.code)).toEqual([
      "statusChanged",
    ]);
  });
});

describe("dates", () => {
  const def = parseQuestionnaire({
    id: "d",
    version: "1",
    title: { en: "d" },
    parts: [{ id: "1", title: { en: "A" }, questions: [{ id: "interview_date", type: "date", label: { en: "Date of interview" }, within: "fieldwork" }] }],
  });
  if (!def.ok) throw new Error("invalid");
  const q = def.questionnaire.parts[0].questions[0];
  const fieldwork = { start: "2025-10-01", end: "2025-11-30" };
  it("refuses malformed dates and dates outside fieldwork", () => {
    expect(evaluateQuestion(q, reader({ interview_date: text("2025-02-30") }), { context: { fieldwork } }).map((i) => i.code)).toEqual(["badDate"]);
    expect(evaluateQuestion(q, reader({ interview_date: text("2025-12-01") }), { context: { fieldwork } })).toEqual([
      expect.objectContaining({ code: "dateOutOfRange", severity: "error", params: { min: "2025-10-01", max: "2025-11-30" } }),
    ]);
    expect(evaluateQuestion(q, reader({ interview_date: text("2025-10-15") }), { context: { fieldwork } })).toEqual([]);
    expect(evaluateQuestion(q, reader({}), { submit: true, context: { fieldwork } }).map((i) => i.code)).toEqual(["unanswered"]);
  });
});
