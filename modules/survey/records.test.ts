import { describe, expect, it } from "vitest";
import { generateSample } from "./sample";
import { syntheticInterviews, TARGETS_2025 } from "../../seed/survey/synthetic";
import { answersToInterview, interviewToAnswers } from "./records";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { evaluateAll } from "@/modules/questionnaire/rules";
import udn from "./udn-definition.json";

const parsed = parseQuestionnaire(udn);
if (!parsed.ok) throw new Error("invalid UDN definition");
const index = indexQuestionnaire(parsed.questionnaire);

describe("interview records ↔ stored answers", () => {
  const sample = generateSample({ wave: 2025, size: 400, seed: 7 });
  const interviews = syntheticInterviews(sample, { targets: TARGETS_2025, seed: "t" });
  it("round-trips every synthetic interview", () => {
    for (const i of interviews) {
      const { household_id, region, settlement, weight } = i;
      const back = answersToInterview({ household_id, region, settlement, weight }, Object.entries(interviewToAnswers(i)));
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(i)));
    }
  });
  it("stores only keys of the definition, and the answers pass the rules and skip logic", () => {
    for (const i of interviews.slice(0, 150)) {
      const answers = interviewToAnswers(i);
      expect(Object.keys(answers).filter((k) => !index.keys.has(k))).toEqual([]);
      const fieldwork = { start: "2025-10-01", end: "2025-11-30" };
      const issues = evaluateAll(parsed.questionnaire, (k) => answers[k], { submit: true, context: { fieldwork } }).filter((x) => x.severity === "error");
      expect(issues).toEqual([]);
    }
  });
});
