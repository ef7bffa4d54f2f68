// PUT /api/cycles/{cycle}/replies/{country}/flags — a reviewer marks a value "not retained for
// publication": {cell, reason}; {cell, reason: null} removes the mark.
import { getDb } from "@/db/client";
import { z } from "zod";
import { problem, readJson } from "@/lib/http/json-body";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { setFlag } from "@/modules/cepej/server/workflow";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";

const Body = z.object({ cell: z.string().min(1).max(200), reason: z.string().trim().min(1).max(2000).nullable() }).strict();

export async function PUT(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "review");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  if (!loadQuestionnaire(getDb(), r.found.reply.questionnaireId).cells.has(body.data.cell)) return problem(400, `No cell ${body.data.cell} in this questionnaire.`);
  setFlag(r.found.reply.id, body.data.cell, body.data.reason, r.user.id);
  return Response.json({ ok: true });
}
