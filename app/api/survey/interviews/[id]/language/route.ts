// PUT /api/survey/interviews/{id}/language — {language: "kk"|"ru"|"en"}: the respondent's language,
// in which the questionnaire's texts are shown (the interviewer, while the interview may be changed).
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { InterviewLanguageRequest } from "@/modules/survey/schemas";
import { interviewForRequest } from "@/modules/survey/server/interview-access";
import { checkEditable, setInterviewLanguage } from "@/modules/survey/server/interviews";

export const PUT = route<{ id: string }>(async ({ request, params, db }) => {
  const r = await interviewForRequest(db, params.id, "write");
  if (!r.ok) return r.response;
  checkEditable(r.household);
  const body = await readJson(request, InterviewLanguageRequest);
  if (!body.ok) return body.response;
  return Response.json(await setInterviewLanguage(db, r.household, r.user, body.data.language, await requestIp()));
});
