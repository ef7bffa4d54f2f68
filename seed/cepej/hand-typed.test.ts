// The importer's reading of seed 002 checked against a person's: cells typed by hand from the seed
// (figures, NA/NAP ticks, chosen options, over all 12 chapters) must be what the importer produced.
// Cells the person found unreadable (null) must not have been guessed by the importer.
import { describe, expect, it } from "vitest";
import handTyped from "./kz-2020-hand-typed.json";
import imported from "./kz-2020-2022.json";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { CEPEJ_2020_2022 } from "@/modules/cepej/definitions/cepej-2020-2022";

type A = { num: number | null; text: string | null; status: string | null };
const cells = handTyped.cells as { key: string; value: A; seedLine: number }[];
const answers = imported.answers as Record<string, A>;
const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid definition");
const index = indexQuestionnaire(parsed.questionnaire);
const isNull = (a: A) => a.num === null && a.text === null && a.status === null;

describe("hand-typed cells of Kazakhstan's 2020 reply", () => {
  it("cover all 12 chapters with at least 60 values", () => {
    const valued = cells.filter((c) => !isNull(c.value));
    expect(valued.length).toBeGreaterThanOrEqual(60);
    const chapters = new Set(cells.map((c) => index.chapterOf.get(c.key.split(/[:#]/)[0])));
    expect([...chapters].sort((a, b) => Number(a) - Number(b))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
  });

  it("name cells that exist in the definition", () => {
    expect(cells.filter((c) => !index.keys.has(c.key)).map((c) => c.key)).toEqual([]);
  });

  it("match the imported reply cell by cell", () => {
    const mismatches = cells
      .filter((c) => !isNull(c.value))
      .filter((c) => JSON.stringify(answers[c.key] ?? null) !== JSON.stringify(c.value))
      .map((c) => ({ key: c.key, line: c.seedLine, typed: c.value, imported: answers[c.key] ?? null }));
    expect(mismatches).toEqual([]);
  });

  it("agree that unmarked choices stay unanswered", () => {
    const guessed = cells.filter((c) => isNull(c.value) && answers[c.key] && !isNull(answers[c.key])).map((c) => c.key);
    expect(guessed).toEqual([]);
  });
});
