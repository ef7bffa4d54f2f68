// Kazakhstan's CEPEJ 2020–2022 reply, imported from the seed by scripts/import-cepej-seed.ts:
// every stored key must exist in the definition and every value must be valid for its cell.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerSchema, type Answer } from "../../modules/questionnaire/answers";
import { indexQuestionnaire } from "../../modules/questionnaire/cells";
import { checkCellValue, COMMENT_MAX, OPTION_TEXT_MAX } from "../../modules/questionnaire/rules";
import { parseQuestionnaire } from "../../modules/questionnaire/validate";
import { CEPEJ_2020_2022 } from "../../modules/cepej/definitions/cepej-2020-2022";

const file = path.join(__dirname, "kz-2020-2022.json");
const raw = readFileSync(file, "utf8");
const fixture = JSON.parse(raw) as { cycle: string; country: string; referenceYear: number; answers: Record<string, Answer> };
const answers = fixture.answers;

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid CEPEJ definition");
const index = indexQuestionnaire(parsed.questionnaire);

describe("KZ 2020-2022 fixture", () => {
  it("describes Kazakhstan's 2020 reply", () => {
    expect(fixture.cycle).toBe("2020-2022");
    expect(fixture.country).toBe("KZ");
    expect(fixture.referenceYear).toBe(2020);
    expect(Object.keys(answers).length).toBeGreaterThan(1000);
  });

  it("only stores keys of the definition, in questionnaire order", () => {
    const unknown = Object.keys(answers).filter((k) => !index.keys.has(k));
    expect(unknown).toEqual([]);
    // Order as written in the file (JSON.parse would move integer-like keys such as "103" first).
    const written = Array.from(raw.matchAll(/^ {4}"([^"]+)":/gm), (m) => m[1]);
    expect(written.length).toBe(Object.keys(answers).length);
    const order = [...index.keys.keys()];
    const positions = written.map((k) => order.indexOf(k));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("stores only valid values", () => {
    const bad: string[] = [];
    for (const [key, answer] of Object.entries(answers)) {
      if (!AnswerSchema.safeParse(answer).success) bad.push(`${key}: malformed`);
      const info = index.keys.get(key);
      if (!info) continue;
      if (info.kind === "cell") {
        const issue = checkCellValue(info.cell, answer);
        if (issue) bad.push(`${key}: ${issue.code}`);
        if (answer.num === null && answer.text === null && answer.status === null) bad.push(`${key}: empty`);
      } else if (info.kind === "comment") {
        if (!answer.text || answer.text.length > COMMENT_MAX) bad.push(`${key}: bad comment`);
      } else if (info.kind === "optionText") {
        if (!answer.text || answer.text.length > OPTION_TEXT_MAX) bad.push(`${key}: bad option text`);
      } else if (!answer.status || !info.question.questionStatus?.includes(answer.status)) {
        bad.push(`${key}: status not allowed`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("matches the seed where checked by eye", () => {
    expect(answers["001"]).toEqual({ num: 18879552, text: null, status: null });
    expect(answers["006:total:approved"].num).toBe(110346857);
    expect(answers["006:r2_1:approved"]).toEqual({ num: null, text: null, status: "NAP" });
    expect(answers["007:courts_prosecution:approved"]).toEqual({ num: null, text: null, status: "NA" });
    // Q091, first instance other than criminal cases: the total row.
    expect(answers["091:total:pending_start"].num).toBe(62671);
    expect(answers["091:total:incoming"].num).toBe(1009334);
    expect(answers["091:total:resolved"].num).toBe(1014391);
    expect(answers["091:total:pending_end"].num).toBe(57614);
    expect(answers["091:total:older_2y"].status).toBe("NAP");
    // Q046 judges: total / males / females.
    expect([answers["046:total:total"].num, answers["046:total:male"].num, answers["046:total:female"].num]).toEqual([2394, 1268, 1126]);
    // Choices: "(X)" in a table, "(X)" in a list, a multiple choice of "[X]" lines.
    expect(answers["014:supreme_court:preparation"].text).toBe("yes");
    expect(answers["008:criminal:court_fee"].text).toBe("no");
    expect(answers["029"].text).toBe("yes_specific_situations");
    expect(JSON.parse(answers["031-0"].text!)).toEqual(["preparation", "special_person", "explain_decisions"]);
    // An option's own text and a comment.
    expect(answers["099-1#yes"].text).toBe("8604");
    expect(answers["091#comment"].text).toBe(
      "Increase of scope of ADR, reduction in the number of cases due to the pandemic.\nDeadlines refer to timelimits provided for in legislation.",
    );
  });
});
