// PUT /api/survey/interviews/{id}/answers — the interviewer's autosave ({changes:[…]} as for replies);
// dates are checked against the wave's fieldwork; optional `paradata`, the session's totals (modules/survey/paradata.ts).
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { SaveInterviewAnswersRequest } from "@/modules/survey/schemas";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { checkEditable, saveInterviewAnswers } from "@/modules/survey/server/interviews";

export const PUT = route<{ id: string }>(async ({ request, params, db }) => {
  const r = await interviewForRequest(db, params.id, "write");
  if (!r.ok) return r.response;
  checkEditable(r.household);
  const body = await readJson(request, SaveInterviewAnswersRequest);
  if (!body.ok) return body.response;
  const result = await saveInterviewAnswers(db, r.household, r.user, body.data.changes, await requestIp(), body.data.paradata);
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
});
