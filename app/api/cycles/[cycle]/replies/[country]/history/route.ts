// GET  /api/cycles/{cycle}/replies/{country}/history?cell=KEY — every change of a cell (reviewers).
// POST /api/cycles/{cycle}/replies/{country}/history — {cell, historyId, which?: "after"|"before"}
//      restores the value that change recorded (checked and recorded like any other change).
import { problem, readJson } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { editCheck } from "@/modules/cepej/server/replies";
import { restoreReplyCell } from "@/modules/cepej/server/write-cells";
import { RestoreRequest } from "@/modules/cepej/schemas";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { cellHistory } from "@/modules/questionnaire/server/history";

export const GET = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "review");
  if (!r.ok) return r.response;
  const cell = apiQuery(request).one("cell") ?? "";
  if (!(await loadQuestionnaire(db, r.found.reply.questionnaireId)).keys.has(cell)) return problem(400, `No cell ${cell} in this questionnaire.`);
  return Response.json({ cell, history: await cellHistory(db, r.found.reply.id, cell) });
});

export const POST = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "review");
  if (!r.ok) return r.response;
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, RestoreRequest);
  if (!body.ok) return body.response;
  return Response.json(await restoreReplyCell(db, r.found, { user: r.user, ip: await requestIp() }, body.data));
});
