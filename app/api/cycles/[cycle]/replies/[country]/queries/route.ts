// GET  /api/cycles/{cycle}/replies/{country}/queries — the reply's query threads.
// POST /api/cycles/{cycle}/replies/{country}/queries — a reviewer opens a query: {question, text}.
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { openQuery, queriesOf } from "@/modules/cepej/server/workflow";
import { OpenQueryRequest } from "@/modules/cepej/schemas";

export const GET = route<ReplyParams>(async ({ params, db }) => {
  const r = await replyForRequest(db, params, "read");
  if (!r.ok) return r.response;
  return Response.json({ queries: await queriesOf(db, r.found.reply.id) });
});

export const POST = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "review");
  if (!r.ok) return r.response;
  const body = await readJson(request, OpenQueryRequest);
  if (!body.ok) return body.response;
  const id = await openQuery(db, r.found, r.user, body.data.question, body.data.text, await requestIp());
  return Response.json({ id }, { status: 201 });
});
