// POST /api/survey/interviews/{id}/transitions — {action:"complete"} (interviewer; refused with the
// list of errors while any remain), {action:"approve"} or {action:"reject", comments:[{question,text}]}
// (the region's supervisor).
import { z } from "zod";
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { interviewForRequest } from "@/lib/survey/server/interview-access";
import { addReviewComment, findWave, moveInterview } from "@/lib/survey/server/households";
import { loadQuestionnaire } from "@/lib/questionnaire/server/definitions";
import { loadAnswers } from "@/lib/responses/server/answers";
import { evaluateAll } from "@/lib/questionnaire/rules";
import { audit } from "@/lib/audit/server";

const Body = z.union([
  z.object({ action: z.literal("complete") }).strict(),
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
  const index = loadQuestionnaire("udn");
  if (body.data.action === "complete") {
    const answers = h.responseId ? loadAnswers(h.responseId) : new Map();
    const wave = findWave(h.wave)!;
    const errors = evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, { submit: true, context: { fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } } }).filter((i) => i.severity === "error");
    if (errors.length) return problem(422, `${errors.length} question(s) still need an answer or a correction.`, errors.map((e) => ({ question: e.question, cell: e.cell, code: e.code, params: e.params })));
  }
  if (body.data.action === "reject") {
    const unknown = body.data.comments.filter((c) => !index.questions.has(c.question));
    if (unknown.length) return problem(400, `Unknown question(s): ${unknown.map((c) => c.question).join(", ")}`);
  }
  const moved = moveInterview(h, body.data.action, r.user.id, body.data.action === "reject" ? `${body.data.comments.length} comment(s)` : null);
  if (!moved.ok) return problem(409, moved.reason);
  if (body.data.action === "reject") for (const c of body.data.comments) addReviewComment(h.id, c.question, c.text, r.user.id);
  audit({ action: `interview.${body.data.action}`, object: `${h.wave}/${h.householdId}`, user: r.user });
  return Response.json({ status: moved.to });
}
