// GET /api/survey/device — what the interviewer's device stores to work offline: the questionnaire
// and every assigned interview with its answers (versions) and comments (interviewers; never cached).
import { checkApiAccess } from "@/lib/auth/session";
import { route } from "@/lib/http/route";
import { deviceBundle } from "@/modules/survey/server/device";

export const GET = route(async ({ db }) => {
  const access = await checkApiAccess("read", { kind: "surveyEntry" });
  if (!access.ok) return access.response;
  return Response.json(await deviceBundle(db, access.user));
});
