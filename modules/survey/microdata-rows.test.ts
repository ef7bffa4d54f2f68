// interviewToRow (each condition evaluated and each multiple answer parsed once per interview) must
// write exactly what the column-by-column version wrote: compared, as CSV bytes, on the demo wave
// 2025 and on interviews with stale answers of questions no longer asked.
import { describe, expect, it } from "vitest";
import { BOM, csvLine } from "@/lib/csv/csv";
import { referenceRow } from "@/testing/microdata-reference";
import { interviewToRow, microdataHeader } from "./microdata";
import { generateSample } from "./sample";
import { syntheticInterviews, TARGETS_2025 } from "../../seed/survey/synthetic";
import { interviewToAnswers } from "./records";

describe("microdata rows", () => {
  it("are byte-identical to the column-by-column version on the demo wave 2025 and on stale answers", () => {
    const sample = generateSample({ wave: 2025, seed: "udn-2025" });
    const interviews = syntheticInterviews(sample, { targets: TARGETS_2025, seed: "udn-2025" });
    const households = new Map(sample.map((h) => [h.household_id, h]));
    let now = BOM + csvLine(microdataHeader());
    let before = now;
    let n = 0;
    for (const [i, it] of interviews.entries()) {
      const h = households.get(it.household_id)!;
      const household = { household_id: h.household_id, region: h.region, settlement: h.settlement, weight: h.weight };
      const answers = interviewToAnswers(it);
      // every 50th: the visit result changed afterwards (answers of sections B–E are kept but not asked),
      // or the filter questions changed (follow-ups stale), or an empty and a status-only answer
      if (i % 50 === 1) answers.result = { num: null, text: "2", status: null };
      if (i % 50 === 2) {
        answers.safe_day = { num: null, text: "1", status: null };
        answers.safe_night = { num: null, text: "1", status: null };
      }
      if (i % 50 === 3) {
        answers.sex = { num: null, text: "", status: null };
        answers.education = { num: null, text: null, status: "NA" };
      }
      now += csvLine(interviewToRow(household, answers));
      before += csvLine(referenceRow(household, answers));
      n++;
    }
    expect(n).toBeGreaterThan(17_000);
    expect(Buffer.from(now).equals(Buffer.from(before))).toBe(true);
  }, 60_000);
});
