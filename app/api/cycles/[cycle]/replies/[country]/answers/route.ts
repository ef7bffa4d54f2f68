// GET  /api/cycles/{cycle}/replies/{country}/answers — the reply's stored answers with versions.
// PUT  /api/cycles/{cycle}/replies/{country}/answers — autosave: {changes:[{cell,value,baseVersion,source?}]};
//      a change copied from a national report names its mapping in `source` (checked, then recorded in the history).
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { editCheck } from "@/modules/cepej/server/replies";
import { saveReplyAnswers } from "@/modules/cepej/server/write-cells";
import { nationalFigures } from "@/app/cepej/[cycle]/[country]/sources";

export const GET = route<ReplyParams>(async ({ params, db }) => {
  const r = await replyForRequest(db, params, "read");
  if (!r.ok) return r.response;
  const { reply, cycle } = r.found;
  return Response.json({ cycle: cycle.slug, country: reply.countryCode, status: reply.status, answers: Object.fromEntries(await loadAnswers(db, reply.id)) });
});

export const PUT = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "write");
  if (!r.ok) return r.response;
  // A locked reply is refused before its body is read; the service decides again on the state it writes against.
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  // copied national figures are checked against the figure as the reports give it now
  const known = body.data.changes.some((c) => c.source) ? await nationalFigures(db, r.found.reply, r.found.cycle.referenceYear) : {};
  const result = await saveReplyAnswers(db, r.found, { user: r.user, ip: await requestIp() }, body.data.changes, known);
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
});
