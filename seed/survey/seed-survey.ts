// Demo data of the household survey: waves 2024 and 2025 (published) with 18 005 sampled
// households each and synthetic approved interviews whose weighted key indicators reproduce the
// two releases; and a 2026 wave in fieldwork whose households wait to be assigned.
import type { Db } from "../../db/open";
import { bulkInsert } from "../../db/bulk";
import { get, run, statement } from "../../db/sql";
import { generateSample } from "@/modules/survey/sample";
import { syntheticInterviews, TARGETS_2024, TARGETS_2025, type Targets } from "@/seed/survey/synthetic";
import { interviewToAnswers } from "@/modules/survey/records";
import { rebuildTallies } from "@/modules/survey/server/tallies";

const WAVE = statement("insert into survey_waves (year, fieldwork_start, fieldwork_end, published_at) values (?, ?, ?, ?)");
const HOUSEHOLD = statement(
  "insert into survey_households (wave, household_id, region, settlement, weight, address, interviewer_id, status, response_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
);
const RESPONSE = statement("insert into responses (questionnaire_id, status) values ('udn', 'validated') returning id");

export async function seedSurvey(db: Db, interviewerId: number): Promise<void> {
  const answers = bulkInsert(db, "answers", ["response_id", "cell", "num", "text", "status", "version", "updated_by"]);
  const completedWave = async (year: number, targets: Targets) => {
    await run(db, WAVE, year, `${year}-10-01`, `${year}-11-30`, `${year}-12-20T09:00:00.000Z`);
    const sample = generateSample({ wave: year, seed: `udn-${year}` });
    const byId = new Map(sample.map((h) => [h.household_id, h]));
    for (const interview of syntheticInterviews(sample, { targets, seed: `udn-${year}` })) {
      const h = byId.get(interview.household_id)!;
      const { id: responseId } = (await get<{ id: number }>(db, RESPONSE))!;
      await run(db, HOUSEHOLD, year, h.household_id, h.region, h.settlement, h.weight, h.address, null, "approved", responseId);
      for (const [cell, a] of Object.entries(interviewToAnswers(interview))) await answers.add([responseId, cell, a.num, a.text, a.status, 1, null]);
    }
    await answers.flush();
    await rebuildTallies(db, year); // the results read the wave's tallies
  };
  await completedWave(2024, TARGETS_2024);
  await completedWave(2025, TARGETS_2025);

  // 2026: in fieldwork now; a first batch of 400 sampled households, a few already assigned.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await run(db, WAVE, 2026, day(-20), day(40), null);
  for (const [i, h] of generateSample({ wave: 2026, size: 400, seed: "udn-2026" }).entries()) {
    const assigned = h.region === "AST" && i % 3 === 0;
    await run(
      db,
      HOUSEHOLD,
      2026,
      h.household_id,
      h.region,
      h.settlement,
      h.weight,
      h.address,
      assigned ? interviewerId : null,
      assigned ? "assigned" : "unassigned",
      null,
    );
  }
}
