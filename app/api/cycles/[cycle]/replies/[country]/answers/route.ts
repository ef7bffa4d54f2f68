// GET  /api/cycles/{cycle}/replies/{country}/answers — the reply's stored answers with versions.
// PUT  /api/cycles/{cycle}/replies/{country}/answers — autosave: {changes:[{cell,value,baseVersion}]}.
import { checkApiAccess } from "@/lib/auth/session";
import { findReply } from "@/lib/cepej/server/replies";
import { problem, readJson } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/lib/questionnaire/server/definitions";
import { loadAnswers, saveAnswers, validateChanges } from "@/lib/responses/server/answers";
import { SaveAnswersRequest } from "@/lib/responses/save-request";

type Params = { params: Promise<{ cycle: string; country: string }> };

async function replyFor(params: Params["params"], action: "read" | "write") {
  const { cycle, country } = await params;
  const access = await checkApiAccess(action, { kind: "cepejReply", country: country.toUpperCase() });
  if (!access.ok) return { ok: false as const, response: access.response };
  const found = findReply(cycle, country.toUpperCase());
  if (!found) return { ok: false as const, response: problem(404, `No reply of ${country} in cycle ${cycle}.`) };
  return { ok: true as const, user: access.user, ...found };
}

export async function GET(_request: Request, { params }: Params) {
  const r = await replyFor(params, "read");
  if (!r.ok) return r.response;
  const answers = Object.fromEntries(loadAnswers(r.reply.id));
  return Response.json({ cycle: r.cycle.slug, country: r.reply.countryCode, status: r.reply.status, answers });
}

export async function PUT(request: Request, { params }: Params) {
  const r = await replyFor(params, "write");
  if (!r.ok) return r.response;
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  const index = loadQuestionnaire(r.reply.questionnaireId);
  const rejected = validateChanges(index, body.data.changes);
  if (rejected.length) return problem(400, "Some values cannot be saved; nothing was saved.", rejected);
  const result = saveAnswers(r.reply.id, r.user.id, body.data.changes);
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
}
