// GET  /api/cycles/{cycle}/replies/{country}/queries — the reply's query threads.
// POST /api/cycles/{cycle}/replies/{country}/queries — a reviewer opens a query: {question, text}.
import { getDb } from "@/db/client";
import { z } from "zod";
import { problem, readJson } from "@/lib/http/json-body";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { openQuery, queriesOf } from "@/modules/cepej/server/workflow";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";

const Body = z.object({ question: z.string().min(1).max(50), text: z.string().trim().min(1).max(5000) }).strict();

export async function GET(_request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "read");
  if (!r.ok) return r.response;
  return Response.json({ queries: queriesOf(r.found.reply.id) });
}

export async function POST(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "review");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  if (!loadQuestionnaire(getDb(), r.found.reply.questionnaireId).questions.has(body.data.question)) return problem(400, `No question ${body.data.question} in this questionnaire.`);
  const id = openQuery(r.found.reply.id, body.data.question, body.data.text, r.user.id);
  return Response.json({ id }, { status: 201 });
}
