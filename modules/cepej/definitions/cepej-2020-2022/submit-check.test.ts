// The submit check as the correspondent reads it: by chapter and question in questionnaire order,
// cells named by row and column, counts per chapter, nothing cut.
import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { blockerHref, groupBlockers, type Blocker } from "@/modules/questionnaire/submit-check";
import { CEPEJ_2020_2022 } from ".";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("definition invalid");
const index = indexQuestionnaire(parsed.questionnaire);

describe("groupBlockers", () => {
  it("groups by chapter then question, in questionnaire order, with row and column labels", () => {
    const blockers: Blocker[] = [
      { question: "091", cell: "091:r1:incoming", code: "unanswered", severity: "error", chapter: index.chapterOf.get("091") },
      { question: "006", cell: "006:total:approved", code: "sumMismatch", severity: "warning", chapter: "1" },
      { question: "001", cell: "001", code: "variation", severity: "warning", chapter: "1" },
      { question: "006", cell: "006:r1:approved", code: "unanswered", severity: "error", chapter: "1" },
    ];
    const groups = groupBlockers(index, blockers);
    expect(groups.map((g) => [g.chapter, g.count, g.errors, g.warnings])).toEqual([
      ["1", 3, 1, 2],
      [index.chapterOf.get("091"), 1, 1, 0],
    ]);
    expect(groups[0].questions.map((q) => [q.question, q.items.map((i) => i.cell)])).toEqual([
      ["001", ["001"]],
      ["006", ["006:total:approved", "006:r1:approved"]],
    ]);
    const total = groups[0].questions[1].items[0];
    expect(total.row?.en).toBe(index.cells.get("006:total:approved")!.row!.label.en);
    expect(total.col?.en).toBe(index.cells.get("006:total:approved")!.col!.label.en);
    expect(groups[0].questions[0].items[0].row).toBeUndefined();
    expect(groups[0].title?.en).toBe(parsed.questionnaire.parts[0].title.en);
  });

  it("keeps every item: a reply with all cells unanswered lists all of them", () => {
    const all: Blocker[] = [...index.cells.keys()].map((cell) => ({
      question: index.cells.get(cell)!.question.id,
      cell,
      code: "unanswered",
      severity: "error",
    }));
    expect(all.length).toBeGreaterThan(1000);
    const groups = groupBlockers(index, all);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(all.length);
    expect(groups.map((g) => g.chapter)).toEqual(parsed.questionnaire.parts.map((p) => p.id));
  });

  it("links each item to its cell in its chapter", () => {
    expect(blockerHref("/cepej/2022-2024/KZ", { question: "006", cell: "006:total:approved", chapter: "1" })).toBe(
      "/cepej/2022-2024/KZ/1?focus=006%3Atotal%3Aapproved#q-006",
    );
  });
});
