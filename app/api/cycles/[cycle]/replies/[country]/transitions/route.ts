// POST /api/cycles/{cycle}/replies/{country}/transitions — {action: submit|return|validate|reopen, note?}.
// 422 lists what blocks a submission, linked to each question; 409 a state that does not allow it.
import { getDb } from "@/db/client";
import { z } from "zod";
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { transitionReply } from "@/modules/cepej/server/workflow";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { audit } from "@/lib/audit/server";

const Body = z.object({ action: z.enum(["submit", "return", "validate", "reopen"]), note: z.string().max(5000).nullish() }).strict();

export async function POST(request: Request, { params }: { params: ReplyParams }) {
  // Who may see the reply is checked before its body is read; what they may do with it, after.
  const r = await replyForRequest(params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  const decision = decide(r.user, body.data.action === "submit" ? "write" : "review", { kind: "cepejReply", country: r.found.reply.countryCode! });
  if (!decision.allowed) return problem(403, decision.reason);
  const index = loadQuestionnaire(getDb(), r.found.reply.questionnaireId);
  const result = transitionReply(index, r.found, body.data.action, r.user, body.data.note?.trim() || null);
  if (!result.ok) {
    const issues = result.issues?.map((i) => ({ question: i.question, cell: i.cell, code: i.code, severity: i.severity, params: i.params, chapter: index.chapterOf.get(i.question) }));
    return problem(result.status, result.reason, issues);
  }
  audit({ action: `reply.${body.data.action}`, object: `${r.found.cycle.slug}/${r.found.reply.countryCode}`, user: r.user });
  return Response.json({ status: result.to });
}
