// The benchmark's smoke in CI (seconds): the SurveyJS side of part 1 must keep rendering the same
// questions with the same inputs as our form when the definitions change.
import { describe, expect, it } from "vitest";
import { CEPEJ_2020_2022 } from "@/modules/cepej/definitions/cepej-2020-2022";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { cellsOf } from "@/modules/questionnaire/cells";
import type { Part, Question } from "@/modules/questionnaire/definition";
import fixture from "@/seed/cepej/kz-2020-2022.json";
import { nameOf, toSurveyData, toSurveyJs } from "./convert";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("the CEPEJ definition does not parse");
const q = parsed.questionnaire;
const chapter4 = q.parts.find((p) => p.id === "4")!;
const questionsOf = (p: Part): Question[] => [...p.questions, ...p.parts.flatMap(questionsOf)];

type Element = { type: string; name: string; elements?: Element[]; columns?: { name: string; cellType?: string }[]; rows?: unknown[] };
const elementsOf = (e: Element): Element[] => [e, ...(e.elements ?? []).flatMap(elementsOf)];

describe("bench: our definition converted to SurveyJS", () => {
  const { json } = toSurveyJs(q, "4");
  const all = json.pages[0].elements.flatMap((e) => elementsOf(e as Element));

  it("converts every question of the chapter", () => {
    const names = new Set(all.map((e) => e.name));
    for (const question of questionsOf(chapter4)) expect(names.has(nameOf(question.id)), question.id).toBe(true);
  });

  it("gives Q091's grid one input per cell, each number with NA and NAP companions", () => {
    const q091 = questionsOf(chapter4).find((x) => x.id === "091")!;
    expect(q091.type).toBe("grid");
    const matrix = all.find((e) => e.name === nameOf("091"))!;
    expect(matrix.type).toBe("matrixdropdown");
    if (q091.type !== "grid") return;
    const numberColumns = q091.columns.filter((c) => c.cell.kind === "number");
    for (const c of numberColumns) {
      const names = matrix.columns!.map((x) => x.name);
      expect(names).toEqual(expect.arrayContaining([c.id, `${c.id}_NA`, `${c.id}_NAP`]));
    }
    expect(matrix.rows!.length).toBe(q091.rows.length);
    expect(cellsOf(q091).length).toBeGreaterThan(0);
  });

  it("carries Kazakhstan's stored values into SurveyJS data", () => {
    const answers = Object.fromEntries(
      Object.entries(fixture.answers).map(([k, a]) => [k, { answer: a as { num: number | null; text: string | null; status: "NA" | "NAP" | null } }]),
    );
    const data = toSurveyData(q, answers);
    expect(data[nameOf("001")]).toBe(fixture.answers["001"].num);
    const amount = (data[nameOf("002")] as Record<string, Record<string, unknown>>).state_federal.amount;
    expect(amount).toBe(fixture.answers["002:state_federal:amount"].num);
  });
});
