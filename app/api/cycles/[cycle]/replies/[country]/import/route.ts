// POST /api/cycles/{cycle}/replies/{country}/import — a reply in the JSON export format replaces the
// reply's answers (all or nothing; 400 lists refused cells).
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { problem, readJson } from "@/lib/http/json-body";
import { editCheck, replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { ReplyJson } from "@/modules/cepej/export/reply-json";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { replaceAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import { recordState } from "@/modules/cepej/server/workflow";
import { stateAfterEdit, type ReplyState } from "@/modules/cepej/workflow";
import { audit } from "@/lib/audit/server";

export async function POST(request: Request, { params }: { params: ReplyParams }) {
  const r = await replyForRequest(params, "write");
  if (!r.ok) return r.response;
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, ReplyJson, 20 * 1024 * 1024);
  if (!body.ok) return body.response;
  const { reply } = r.found;
  const index = loadQuestionnaire(getDb(), reply.questionnaireId);
  if (body.data.questionnaire.id !== index.questionnaire.id) {
    return problem(400, `The file answers questionnaire ${body.data.questionnaire.id}; this reply uses ${index.questionnaire.id}.`);
  }
  const entries = Object.entries(body.data.answers);
  const rejected = validateChanges(index, entries.map(([cell, value]) => ({ cell, value, baseVersion: 0 })));
  if (rejected.length) return problem(400, "Some values cannot be imported; nothing was imported.", rejected);
  const changed = inTransaction(getDb(), (tx) => replaceAnswers(tx, reply.id, r.user.id, new Map(entries)));
  const next = stateAfterEdit(reply.status as ReplyState);
  if (changed && next !== reply.status) recordState(reply.id, reply.status, next, r.user.id, "Imported from a file");
  audit({ action: "import.json", object: `${r.found.cycle.slug}/${reply.countryCode} (${changed} cells)`, user: r.user });
  return Response.json({ imported: entries.length, changed });
}
