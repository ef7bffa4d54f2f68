// PUT /api/cycles/{cycle}/replies/{country}/flags — a reviewer marks a value "not retained for
// publication": {cell, reason}; {cell, reason: null} removes the mark.
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { setFlag } from "@/modules/cepej/server/workflow";
import { FlagRequest } from "@/modules/cepej/schemas";

export const PUT = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "review");
  if (!r.ok) return r.response;
  const body = await readJson(request, FlagRequest);
  if (!body.ok) return body.response;
  await setFlag(db, r.found, r.user, body.data.cell, body.data.reason, await requestIp());
  return Response.json({ ok: true });
});
