// PUT /api/survey/interviews/{id}/answers — the interviewer's autosave ({changes:[…]} as for replies);
// dates are checked against the wave's fieldwork.
import { getDb } from "@/db/client";
import { problem, readJson } from "@/lib/http/json-body";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { ensureResponse, findHousehold, findWave, isEditable } from "@/modules/survey/server/households";


export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const r = await interviewForRequest(params, "write");
  if (!r.ok) return r.response;
  const h = r.household;
  if (!isEditable(h.status)) return problem(409, `The interview is ${h.status.replace("_", " ")}: it cannot be changed.`);
  const body = await readJson(request, SaveAnswersRequest);
  if (!body.ok) return body.response;
  const wave = findWave(h.wave)!;
  const rejected = validateChanges(loadQuestionnaire(getDb(), "udn"), body.data.changes, { fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } });
  if (rejected.length) return problem(400, "Some values cannot be saved; nothing was saved.", rejected);
  // Creating the answer sheet and saving into it: one transaction, one commit. The state is checked
  // again inside it: the interview may have been completed (and approved) while the body was read.
  const result = getDb().$client.transaction(() => {
    const current = findHousehold(h.id)!;
    if (!isEditable(current.status)) return null;
    return saveAnswers(getDb(), ensureResponse(current, r.user.id), r.user.id, body.data.changes);
  }).immediate();
  if (!result) return problem(409, "The interview was completed meanwhile: it cannot be changed.");
  return Response.json(result, { status: result.conflicts.length ? 409 : 200 });
}
