import { describe, expect, it } from "vitest";
import type { Question } from "./definition";
import type { Answer } from "./answers";
import { blocksSubmission, evaluateQuestion } from "./rules";

const q = {
  id: "107",
  type: "grid",
  label: { en: "Cases" },
  columns: [{ id: "cases", label: { en: "n" }, cell: { kind: "number", number: { decimals: 0, min: 0, allowNA: true, allowNAP: true } } }],
  rows: [{ id: "r2", label: { en: "incoming" } }],
} as unknown as Question;
const num = (n: number): Answer => ({ num: n, text: null, status: null });
const references = { "107:r2:cases": { num: 1000, threshold: 10, source: "Form 1-M" } };
const run = (answers: Record<string, Answer>) => evaluateQuestion(q, (k) => answers[k], { references });

describe("a figure far from another source's", () => {
  it("is a warning beyond the threshold, with the figures, and blocks submission until explained", () => {
    expect(run({ "107:r2:cases": num(1100) })).toEqual([]); // +10 %: at the threshold
    const [issue] = run({ "107:r2:cases": num(1101) });
    expect(issue).toMatchObject({ code: "referenceMismatch", severity: "warning", cell: "107:r2:cases", explained: false });
    expect(issue.params).toEqual({ reference: 1000, difference: 10.1, threshold: 10, source: "Form 1-M" });
    expect(blocksSubmission(issue)).toBe(true);
    // A comment explains the warning once the correspondent confirms it covers this one (rules.ts).
    const [explained] = run({
      "107:r2:cases": num(28),
      "107#comment": { num: null, text: "CEPEJ counts cases with an indictment", status: null },
      "107#explains": { num: null, text: JSON.stringify(["referenceMismatch@107:r2:cases"]), status: null },
    });
    expect(explained.params.difference).toBe(-97.2);
    expect(blocksSubmission(explained)).toBe(false);
  });
  it("says nothing without an answer or without a reference", () => {
    expect(run({})).toEqual([]);
    expect(evaluateQuestion(q, () => num(5), {})).toEqual([]);
  });
});
