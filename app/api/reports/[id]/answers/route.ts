// GET /api/reports/{id}/answers — a report's stored cells; PUT — autosave {changes:[…]} (as for replies).
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { filingForRequest } from "@/modules/reporting/server/filing-access";
import { assertEditable, saveFilingAnswers } from "@/modules/reporting/server/filings";

export const GET = route<{ id: string }>(async ({ params, db }) => {
  const r = await filingForRequest(db, params.id, "read");
  if (!r.ok) return r.response;
  return Response.json({ filing: r.found.filing, answers: Object.fromEntries(await loadAnswers(db, r.found.filing.responseId)) });
});

export const PUT = route<{ id: string }>(async ({ request, params, db }) => {
  const r = await filingForRequest(db, params.id, "write");
  if (!r.ok) return r.response;
  assertEditable(r.found.filing);
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  const result = await saveFilingAnswers(db, r.found.filing, r.user, body.data.changes, await requestIp());
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
});
