import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "../../../questionnaire/validate";
import { walkQuestions } from "../../../questionnaire/walk";
import { CEPEJ_2020_2022 } from ".";

describe("CEPEJ 2020–2022 definition", () => {
  const parsed = parseQuestionnaire(CEPEJ_2020_2022);

  it("is a valid definition", () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it("has the twelve chapters in order", () => {
    if (!parsed.ok) throw new Error("invalid");
    expect(parsed.questionnaire.parts.map((p) => p.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
  });

  it("encodes chapter 1 as the seed prints it", () => {
    if (!parsed.ok) throw new Error("invalid");
    const ch1 = Array.from(walkQuestions(parsed.questionnaire))
      .filter((x) => x.chapter.id === "1")
      .map((x) => x.question.id);
    expect(ch1).toEqual([
      "001",
      "002",
      "003",
      "004",
      "005",
      "A1",
      "006",
      "007",
      "008",
      "008-1",
      "008-2",
      "009",
      "012",
      "012-1",
      "012-2",
      "012-3",
      "013",
      "014",
      "014-0",
      "014-1",
      "A2",
      "015-1",
      "015-2",
      "015-3",
      "A3",
      "015-4",
      "015-5",
    ]);
    const q006 = Array.from(walkQuestions(parsed.questionnaire)).find((x) => x.question.id === "006")!.question;
    if (q006.type !== "grid") throw new Error("006 is a grid");
    expect(q006.rows.find((r) => r.id === "total")!.sumOf).toEqual(["r1", "r2", "r3", "r4", "r5", "r6", "r7"]);
    expect(q006.rows.find((r) => r.id === "r2")!.sumOf).toEqual(["r2_1", "r2_2"]);
  });
});
