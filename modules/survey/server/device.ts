// What an interviewer's device keeps for working offline (modules/survey/device/): the questionnaire
// definition (every language it carries), and each assigned interview with its sample data, the
// wave's fieldwork, the stored answers with their versions (the base of the changes made offline)
// and the supervisor's comments.
import "server-only";
import type { Executor } from "@/db/transaction";
import type { Principal } from "@/lib/auth/policy";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import type { DeviceBundle } from "../device/types";
import { findWave, myAssignments, reviewCommentsOf } from "./households";

export async function deviceBundle(db: Executor, user: Principal & { name?: string }): Promise<DeviceBundle> {
  const index = await loadQuestionnaire(db, "udn");
  const waves = new Map<number, { start: string; end: string }>();
  const fieldwork = async (year: number) => {
    if (!waves.has(year)) {
      const w = (await findWave(db, year))!;
      waves.set(year, { start: w.fieldworkStart, end: w.fieldworkEnd });
    }
    return waves.get(year)!;
  };
  const at = new Date().toISOString();
  const interviews: DeviceBundle["interviews"] = [];
  for (const h of await myAssignments(db, user.id)) {
    interviews.push({
      id: h.id,
      wave: h.wave,
      householdId: h.householdId,
      region: h.region,
      settlement: h.settlement,
      address: h.address,
      weight: h.weight,
      status: h.status,
      fieldwork: await fieldwork(h.wave),
      answers: h.responseId ? Object.fromEntries(await loadAnswers(db, h.responseId)) : {},
      comments: (await reviewCommentsOf(db, h.id)).map((c) => ({
        id: c.id,
        question: c.questionId,
        text: c.text,
        by: c.by,
        at: c.at,
        reply: c.reply,
        repliedAt: c.repliedAt,
      })),
    });
  }
  return {
    userId: user.id,
    at,
    questionnaire: index.questionnaire,
    interviews,
  };
}
