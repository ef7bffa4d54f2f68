// Warnings are explained one by one: the comment of this reply, and a confirmation per warning that
// the reply stores (the "#explains" key). A change between a figure and NA/NAP since the previous
// cycle is a warning of its own. The same engine runs in the browser and on the server.
import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "./validate";
import { blocksSubmission, evaluateQuestion, parseExplanations, statusChange, validExplanations, warningId, withExplanation } from "./rules";
import { explanationsKey, indexQuestionnaire, keysOf } from "./cells";
import { num, status, text, type Answer } from "./answers";

const parsed = parseQuestionnaire({
  id: "t",
  version: "1",
  title: { en: "T" },
  parts: [
    {
      id: "1",
      title: { en: "One" },
      questions: [
        {
          id: "q1",
          type: "grid",
          label: { en: "Budget" },
          rows: [
            { id: "total", label: { en: "Total" }, sumOf: ["a", "b"] },
            { id: "a", label: { en: "Courts" } },
            { id: "b", label: { en: "Prosecution" } },
          ],
          columns: [
            { id: "approved", label: { en: "Approved" }, cell: { kind: "number" } },
            { id: "spent", label: { en: "Spent" }, cell: { kind: "number" } },
          ],
        },
        { id: "q2", type: "number", label: { en: "Judges" } },
        { id: "q3", type: "number", label: { en: "No comment box" }, comment: false },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const [q1, q2, q3] = parsed.questionnaire.parts[0].questions;
const reader = (values: Record<string, Answer>) => (k: string) => values[k];
const mismatch = {
  "q1:total:approved": num(10),
  "q1:a:approved": num(4),
  "q1:b:approved": num(5),
  "q1:total:spent": num(3),
  "q1:a:spent": num(1),
  "q1:b:spent": num(1),
};

describe("a warning is explained by this reply's comment, confirmed for that warning", () => {
  it("a comment alone explains nothing", () => {
    const issues = evaluateQuestion(q1, reader({ ...mismatch, "q1#comment": text("Rounding.") }));
    expect(issues.map((i) => [i.code, i.cell, i.explained])).toEqual([
      ["sumMismatch", "q1:total:approved", false],
      ["sumMismatch", "q1:total:spent", false],
    ]);
    expect(issues.every(blocksSubmission)).toBe(true);
  });
  it("each confirmation covers its own warning only", () => {
    const explains = withExplanation(null, "sumMismatch@q1:total:approved", true);
    const issues = evaluateQuestion(q1, reader({ ...mismatch, "q1#comment": text("Rounding."), "q1#explains": text(explains) }));
    expect(issues.map((i) => [i.cell, i.explained])).toEqual([
      ["q1:total:approved", true],
      ["q1:total:spent", false],
    ]);
    expect(issues.filter(blocksSubmission).map(warningId)).toEqual(["sumMismatch@q1:total:spent"]);
  });
  it("a confirmation without a comment (it was emptied) explains nothing", () => {
    const issues = evaluateQuestion(q1, reader({ ...mismatch, "q1#comment": text("  "), "q1#explains": text('["sumMismatch@q1:total:approved"]') }));
    expect(issues.some((i) => i.explained)).toBe(false);
  });
  it("a comment reused from the previous cycle must be confirmed too", () => {
    const previous = reader({ q2: num(100), "q2#comment": text("New courts opened.") });
    const values = { q2: num(200), "q2#comment": text("New courts opened.") };
    const options = { previous, variationThreshold: 20 };
    expect(evaluateQuestion(q2, reader(values), options).map((i) => [i.code, i.explained])).toEqual([["variation", false]]);
    const confirmed = { ...values, "q2#explains": text(withExplanation("", "variation@q2", true)) };
    expect(evaluateQuestion(q2, reader(confirmed), options).map((i) => [i.code, i.explained])).toEqual([["variation", true]]);
  });
});

describe("a change between a figure and NA/NAP since the previous cycle", () => {
  it("is a warning both ways, and not between figures or between statuses", () => {
    const options = (prev: Answer) => ({ previous: reader({ q2: prev }), variationThreshold: 20 });
    expect(evaluateQuestion(q2, reader({ q2: num(12) }), options(status("NAP")))).toEqual([
      { code: "statusChanged", severity: "warning", question: "q2", cell: "q2", params: { previous: "NAP", current: 12 }, explained: false },
    ]);
    expect(evaluateQuestion(q2, reader({ q2: status("NA") }), options(num(12))).map((i) => [i.code, i.params])).toEqual([
      ["statusChanged", { previous: 12, current: "NA" }],
    ]);
    expect(evaluateQuestion(q2, reader({ q2: num(12) }), options(num(12)))).toEqual([]);
    expect(evaluateQuestion(q2, reader({ q2: status("NA") }), options(status("NAP")))).toEqual([]);
    expect(statusChange(undefined, status("NA"))).toBeNull();
  });
  it("needs an explanation like any other warning", () => {
    const values = { q2: num(12), "q2#comment": text("The category exists since 2023."), "q2#explains": text('["statusChanged@q2"]') };
    const issues = evaluateQuestion(q2, reader(values), { previous: reader({ q2: status("NAP") }) });
    expect(issues.filter(blocksSubmission)).toEqual([]);
  });
});

describe("the stored explanations", () => {
  it("are a key of every question with a comment box", () => {
    const index = indexQuestionnaire(parsed.questionnaire);
    expect(index.keys.get(explanationsKey("q1"))?.kind).toBe("explanations");
    expect(keysOf(q1)).toContain("q1#explains");
    expect(keysOf(q3)).not.toContain("q3#explains");
  });
  it("are a sorted JSON list; confirming twice or withdrawing keeps one text per set", () => {
    const a = withExplanation("", "variation@q2", true);
    const b = withExplanation(a, "caseFlow@q1:r1:end", true);
    expect(b).toBe('["caseFlow@q1:r1:end","variation@q2"]');
    expect(withExplanation(b, "variation@q2", true)).toBe(b);
    expect(withExplanation(withExplanation(b, "variation@q2", false), "caseFlow@q1:r1:end", false)).toBe("");
    expect(parseExplanations("not json")).toEqual(new Set());
    expect(parseExplanations('{"a":1}')).toEqual(new Set());
  });
  it("are checked on save", () => {
    expect(validExplanations('["variation@q2"]')).toBe(true);
    expect(validExplanations("[]")).toBe(true);
    expect(validExplanations('["variation@q2","variation@q2"]')).toBe(false);
    expect(validExplanations('["no-at-sign"]')).toBe(false);
    expect(validExplanations('"variation@q2"')).toBe(false);
    expect(validExplanations("{")).toBe(false);
  });
});

describe("the wording of an unanswered cell follows its type", () => {
  it("says figure, option or date", () => {
    const def = parseQuestionnaire({
      id: "w",
      version: "1",
      title: { en: "W" },
      parts: [
        {
          id: "1",
          title: { en: "One" },
          questions: [
            { id: "n", type: "number", label: { en: "N" } },
            { id: "f", type: "number", label: { en: "F" }, number: { allowNA: false, allowNAP: false } },
            {
              id: "c",
              type: "choice",
              label: { en: "C" },
              options: [
                { id: "1", label: { en: "Yes" } },
                { id: "2", label: { en: "No" } },
              ],
            },
            { id: "d", type: "date", label: { en: "D" } },
          ],
        },
      ],
    });
    if (!def.ok) throw new Error(JSON.stringify(def.errors));
    const params = def.questionnaire.parts[0].questions.map((q) => evaluateQuestion(q, reader({}), { submit: true })[0].params);
    expect(params).toEqual([{ kind: "number" }, { kind: "figure" }, { kind: "choice" }, { kind: "date" }]);
  });
});
