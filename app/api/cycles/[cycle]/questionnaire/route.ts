// GET /api/cycles/{cycle}/questionnaire — the cycle's questionnaire definition (JSON, any signed-in user).
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { problem } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";

export async function GET(_request: Request, { params }: { params: Promise<{ cycle: string }> }) {
  if (!(await currentUser())) return problem(401, "You need to sign in.");
  const cycle = cycleOf((await params).cycle);
  if (!cycle) return problem(404, "No such cycle.");
  return Response.json(loadQuestionnaire(getDb(), cycle.questionnaireId).questionnaire);
}
