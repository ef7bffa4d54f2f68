// POST /api/cycles/{cycle}/replies/{country}/transitions — {action: submit|return|validate|reopen, note?}.
// 422 lists what blocks a submission, linked to each question; 409 a state that does not allow it.
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { transitionReply } from "@/modules/cepej/server/workflow";
import { TransitionRequest } from "@/modules/cepej/schemas";
import { nationalFigures } from "@/app/cepej/[cycle]/[country]/sources";

export const POST = route<ReplyParams>(async ({ request, params, db }) => {
  // Who may see the reply is checked before its body is read; what they may do with it, after.
  const r = await replyForRequest(db, params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, TransitionRequest);
  if (!body.ok) return body.response;
  const decision = decide(r.user, body.data.action === "submit" ? "write" : "review", { kind: "cepejReply", country: r.found.reply.countryCode! });
  if (!decision.allowed) return problem(403, decision.reason);
  const references = body.data.action === "submit" ? await nationalFigures(db, r.found.reply, r.found.cycle.referenceYear) : {};
  const result = await transitionReply(db, r.found, body.data.action, r.user, body.data.note?.trim() || null, await requestIp(), references);
  return Response.json({ status: result.to });
});
