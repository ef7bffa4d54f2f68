// POST /api/survey/interviews/submit — a tablet's queue of finished interviews,
// {interviews:[{id, changes?:[{cell,value,baseVersion}]}]} (1–200): each saved and completed, or
// refused, on its own; one transaction for all. 200 {results:[{id, ok, status, …}]} (interviewers).
import { getDb } from "@/db/client";
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { submitInterviews } from "@/modules/survey/server/submit";

export const MAX_BATCH = 200;

const Body = z
  .object({
    interviews: z.array(z.object({ id: z.number().int().positive(), changes: SaveAnswersRequest.shape.changes.optional() }).strict()).min(1).max(MAX_BATCH),
  })
  .strict();

export async function POST(request: Request) {
  // Interviewers enter interviews (administrators may too); each interview's scope is checked below.
  const access = await checkApiAccess("write", { kind: "surveyEntry" });
  if (!access.ok) return access.response;
  const body = await readJson(request, Body, 8 * 1024 * 1024);
  if (!body.ok) return body.response;
  const results = submitInterviews(loadQuestionnaire(getDb(), "udn"), body.data.interviews, access.user, await requestIp());
  return Response.json({ completed: results.filter((r) => r.ok).length, results });
}
