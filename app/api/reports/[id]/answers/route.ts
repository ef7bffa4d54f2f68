// GET /api/reports/{id}/answers — a report's stored cells; PUT — autosave {changes:[…]} (as for replies).
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { problem, readJson } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { filingForRequest } from "@/modules/reporting/server/filing-access";
import { FORM_DEFINITIONS } from "@/modules/reporting/server/filings";
import { audit } from "@/lib/audit/server";

type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params) {
  const r = await filingForRequest(params, "read");
  if (!r.ok) return r.response;
  return Response.json({ filing: r.found.filing, answers: Object.fromEntries(loadAnswers(getDb(), r.found.filing.responseId)) });
}

export async function PUT(request: Request, { params }: Params) {
  const r = await filingForRequest(params, "write");
  if (!r.ok) return r.response;
  const { filing } = r.found;
  if (filing.status === "submitted") return problem(409, "The report has been submitted; it can change again only if the Committee returns it.");
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  const rejected = validateChanges(loadQuestionnaire(getDb(), FORM_DEFINITIONS[filing.formNumber]), body.data.changes);
  if (rejected.length) return problem(400, "Some values cannot be saved; nothing was saved.", rejected);
  const result = inTransaction(getDb(), (tx) => saveAnswers(tx, filing.responseId, r.user.id, body.data.changes));
  audit({ action: "report.save", object: `form ${filing.formNumber} ${filing.period} body ${filing.bodyId} (${result.saved.length} cells)`, user: r.user });
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
}
