// GET  /api/cycles/{cycle}/replies/{country}/history?cell=KEY — every change of a cell (reviewers).
// POST /api/cycles/{cycle}/replies/{country}/history — {cell, historyId, which?: "after"|"before"}
//      restores the value that change recorded (the restore is recorded too).
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { z } from "zod";
import { problem, readJson } from "@/lib/http/json-body";
import { editCheck, replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { cellHistory, restoreCell } from "@/modules/questionnaire/server/history";
import { audit } from "@/lib/audit/server";

export async function GET(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "review");
  if (!r.ok) return r.response;
  const cell = new URL(request.url).searchParams.get("cell") ?? "";
  if (!loadQuestionnaire(getDb(), r.found.reply.questionnaireId).keys.has(cell)) return problem(400, `No cell ${cell} in this questionnaire.`);
  return Response.json({ cell, history: cellHistory(getDb(), r.found.reply.id, cell) });
}

const Body = z.object({ cell: z.string().min(1).max(200), historyId: z.number().int().positive(), which: z.enum(["after", "before"]).optional() }).strict();

export async function POST(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "review");
  if (!r.ok) return r.response;
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  const restored = inTransaction(getDb(), (tx) => restoreCell(tx, r.found.reply.id, body.data.cell, body.data.historyId, r.user.id, body.data.which));
  if (!restored.ok) return problem(404, restored.reason);
  audit({ action: "reply.restore", object: `${r.found.cycle.slug}/${r.found.reply.countryCode} ${body.data.cell} ← change ${body.data.historyId}`, user: r.user });
  return Response.json({ cell: body.data.cell, value: restored.value });
}
