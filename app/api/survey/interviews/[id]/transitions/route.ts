// POST /api/survey/interviews/{id}/transitions — {action:"complete", changes?:[…]} (interviewer: the
// last changes, as for the autosave, and the completion in one request; refused with the list of
// errors while any remain, the valid changes kept), {action:"approve"} or
// {action:"reject", comments:[{question,text}]} (the region's supervisor).
import { z } from "zod";
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { addReviewComment, moveInterview } from "@/modules/survey/server/households";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { recordAudit, requestIp } from "@/lib/audit/server";
import { getDb } from "@/db/client";
import { submitInterview } from "@/modules/survey/server/submit";

const Body = z.union([
  z.object({ action: z.literal("complete"), changes: SaveAnswersRequest.shape.changes.optional() }).strict(),
  z.object({ action: z.literal("approve") }).strict(),
  z.object({ action: z.literal("reject"), comments: z.array(z.object({ question: z.string().min(1).max(60), text: z.string().trim().min(1).max(2000) }).strict()).min(1).max(100) }).strict(),
]);

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const r = await interviewForRequest(params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  const h = r.household;
  const decision = decide(r.user, body.data.action === "complete" ? "write" : "review", { kind: "interview", region: h.region, interviewerId: h.interviewerId });
  if (!decision.allowed) return problem(403, decision.reason);
  const index = loadQuestionnaire(getDb(), "udn");
  if (body.data.action === "complete") {
    const outcome = submitInterview(index, h, r.user, body.data.changes ?? [], await requestIp());
    if (!outcome.ok) {
      const { status, error, ...details } = outcome;
      return problem(status, error, details.rejected ?? details.conflicts ?? details.errors);
    }
    return Response.json({ status: outcome.status, saved: outcome.saved });
  }
  if (body.data.action === "reject") {
    const unknown = body.data.comments.filter((c) => !index.questions.has(c.question));
    if (unknown.length) return problem(400, `Unknown question(s): ${unknown.map((c) => c.question).join(", ")}`);
  }
  const { action } = body.data;
  const ip = await requestIp();
  // The move, its comments and the log-journal row: one transaction.
  const moved = getDb().$client.transaction(() => {
    const m = moveInterview(h, action, r.user.id, action === "reject" ? `${body.data.comments.length} comment(s)` : null);
    if (!m.ok) return m;
    if (action === "reject") for (const c of body.data.comments) addReviewComment(h.id, c.question, c.text, r.user.id);
    recordAudit(getDb(), { action: `interview.${action}`, object: `${h.wave}/${h.householdId}`, user: r.user }, ip);
    return m;
  }).immediate();
  if (!moved.ok) return problem(409, moved.reason);
  return Response.json({ status: moved.to });
}
