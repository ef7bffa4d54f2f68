// POST /api/survey/interviews/{id}/transitions — {action:"complete", changes?:[…], paradata?} (interviewer: the
// last changes, as for the autosave, and the completion in one request; refused with the list of
// errors while any remain, the valid changes kept), {action:"approve"} or
// {action:"reject", comments:[{question,text}]} (the region's supervisor).
import { decide } from "@/lib/auth/policy";
import { requestIp } from "@/lib/audit/server";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { InterviewTransitionRequest } from "@/modules/survey/schemas";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { approveInterview, completeInterview, rejectInterview } from "@/modules/survey/server/interviews";

export const POST = route<{ id: string }>(async ({ request, params, db }) => {
  const r = await interviewForRequest(db, params.id, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, InterviewTransitionRequest);
  if (!body.ok) return body.response;
  const h = r.household;
  const decision = decide(r.user, body.data.action === "complete" ? "write" : "review", {
    kind: "interview",
    region: h.region,
    interviewerId: h.interviewerId,
  });
  if (!decision.allowed) return problem(403, decision.reason);
  const ip = await requestIp();
  switch (body.data.action) {
    case "complete":
      return Response.json(await completeInterview(db, h, r.user, body.data.changes ?? [], ip, body.data.paradata));
    case "approve":
      return Response.json(await approveInterview(db, h, r.user, ip));
    case "reject":
      return Response.json(await rejectInterview(db, h, r.user, body.data.comments, ip));
  }
});
