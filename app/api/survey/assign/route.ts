// POST /api/survey/assign — {ids:[household row ids], interviewerId}: a supervisor assigns or
// reassigns households of their regions to one of their interviewers.
import { currentUser } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { AssignRequest } from "@/modules/survey/schemas";
import { assignHouseholds } from "@/modules/survey/server/households";
import { refusal } from "@/lib/http/refusal";

export const POST = route(async ({ request, db }) => {
  const user = await currentUser();
  if (!user) return problem(401, refusal("signIn"));
  if (user.role !== "supervisor" && user.role !== "admin") return problem(403, refusal("supervisorsAssign"));
  const body = await readJson(request, AssignRequest);
  if (!body.ok) return body.response;
  const assigned = await assignHouseholds(db, user, body.data.ids, body.data.interviewerId, await requestIp());
  return Response.json({ assigned });
});
