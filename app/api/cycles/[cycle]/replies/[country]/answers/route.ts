// GET  /api/cycles/{cycle}/replies/{country}/answers — the reply's stored answers with versions.
// PUT  /api/cycles/{cycle}/replies/{country}/answers — autosave: {changes:[{cell,value,baseVersion}]}.
import { problem, readJson } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { editCheck, replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { recordState } from "@/modules/cepej/server/workflow";
import { stateAfterEdit, type ReplyState } from "@/modules/cepej/workflow";
import { recordAudit, requestIp } from "@/lib/audit/server";
import { getDb } from "@/db/client";

export async function GET(_request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "read");
  if (!r.ok) return r.response;
  const { reply, cycle } = r.found;
  return Response.json({ cycle: cycle.slug, country: reply.countryCode, status: reply.status, answers: Object.fromEntries(loadAnswers(getDb(), reply.id)) });
}

export async function PUT(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "write");
  if (!r.ok) return r.response;
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  const { reply } = r.found;
  const rejected = validateChanges(loadQuestionnaire(getDb(), reply.questionnaireId), body.data.changes);
  if (rejected.length) return problem(400, "Some values cannot be saved; nothing was saved.", rejected);
  const ip = await requestIp();
  // The cells, the log-journal row and the reply's state move together: one transaction, one commit.
  const result = getDb().$client.transaction(() => {
    const saved = saveAnswers(getDb(), reply.id, r.user.id, body.data.changes);
    recordAudit(getDb(), { action: "reply.save", object: `${r.found.cycle.slug}/${reply.countryCode} (${saved.saved.length} cells)`, user: r.user }, ip);
    const next = stateAfterEdit(reply.status as ReplyState);
    if (saved.saved.length && next !== reply.status) recordState(reply.id, reply.status, next, r.user.id, "Answers changed");
    return saved;
  }).immediate();
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
}
