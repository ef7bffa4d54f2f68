// PUT /api/survey/interviews/{id}/comments/{commentId}/reply — {text}: the interviewer's reply to a
// supervisor's comment on their interview, while it may be changed (rejected, in progress).
import { requestIp } from "@/lib/audit/server";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { CommentReplyRequest } from "@/modules/survey/schemas";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { checkEditable, replyToComment } from "@/modules/survey/server/interviews";

export const PUT = route<{ id: string; commentId: string }>(async ({ request, params, db }) => {
  const r = await interviewForRequest(db, params.id, "write");
  if (!r.ok) return r.response;
  const commentId = /^\d{1,12}$/.test(params.commentId) ? Number(params.commentId) : NaN;
  if (!Number.isSafeInteger(commentId)) return problem(404, "No such comment on this interview.");
  checkEditable(r.household);
  const body = await readJson(request, CommentReplyRequest);
  if (!body.ok) return body.response;
  return Response.json(await replyToComment(db, r.household, r.user, commentId, body.data.text, await requestIp()));
});
