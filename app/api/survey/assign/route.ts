// POST /api/survey/assign — {ids:[household row ids], interviewerId}: a supervisor assigns or
// reassigns households of their regions to one of their interviewers.
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { problem, readJson } from "@/lib/http/json-body";
import { assign } from "@/modules/survey/server/households";
import { audit } from "@/lib/audit/server";

const Body = z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000), interviewerId: z.number().int().positive() }).strict();

export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return problem(401, "You need to sign in.");
  if (user.role !== "supervisor" && user.role !== "admin") return problem(403, "Only supervisors assign households.");
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  const n = assign(user, body.data.ids, body.data.interviewerId);
  if (!n) return problem(403, "None of these households can be assigned by you to this interviewer.");
  audit({ action: "survey.assign", object: `${n} households → user ${body.data.interviewerId}`, user });
  return Response.json({ assigned: n });
}
