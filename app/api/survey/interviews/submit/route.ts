// POST /api/survey/interviews/submit — a tablet's queue of finished interviews,
// {interviews:[{id, clientId?, complete?, changes?:[{cell,value,baseVersion}]}]} (1–200): each saved and
// completed (or only saved: complete false), or refused, on its own; one transaction for all; an item's
// clientId (UUID) applies at most once. 200 {results:[{id, clientId?, ok, status, duplicate?, …}]} (interviewers).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { route } from "@/lib/http/route";
import { SubmitQueueRequest } from "@/modules/survey/schemas";
import { submitInterviews } from "@/modules/survey/server/interviews";

export const POST = route(async ({ request, db }) => {
  // Interviewers enter interviews (administrators may too); each interview's scope is checked by the service.
  const access = await checkApiAccess("write", { kind: "surveyEntry" });
  if (!access.ok) return access.response;
  const body = await readJson(request, SubmitQueueRequest, BODY_LIMITS.interviewQueue);
  if (!body.ok) return body.response;
  const results = await submitInterviews(db, body.data.interviews, access.user, await requestIp());
  return Response.json({ completed: results.filter((r) => r.ok).length, results });
});
