// GET /api/cycles/{cycle}/questionnaire — the cycle's questionnaire definition (JSON, any signed-in user).
import { currentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ cycle: string }>(async ({ params, db }) => {
  if (!(await currentUser())) return problem(401, refusal("signIn"));
  const cycle = await cycleOf(db, params.cycle);
  if (!cycle) return problem(404, refusal("noSuchCycle", { cycle: params.cycle }));
  return Response.json((await loadQuestionnaire(db, cycle.questionnaireId)).questionnaire);
});
