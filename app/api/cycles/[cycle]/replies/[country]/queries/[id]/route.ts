// POST /api/cycles/{cycle}/replies/{country}/queries/{id} — {text} answers the thread (correspondent
// or reviewer), {resolve: true} closes it (reviewer only).
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { postToQuery } from "@/modules/cepej/server/workflow";
import { QueryPostRequest } from "@/modules/cepej/schemas";

export const POST = route<ReplyParams & { id: string }>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, QueryPostRequest);
  if (!body.ok) return body.response;
  if ("resolve" in body.data) {
    const decision = decide(r.user, "review", { kind: "cepejReply", country: r.found.reply.countryCode! });
    if (!decision.allowed) return problem(403, decision.reason);
  }
  await postToQuery(db, r.found, r.user, Number(params.id), body.data, await requestIp());
  return Response.json({ ok: true });
});
