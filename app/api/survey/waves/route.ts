// POST /api/survey/waves — {"year":2030,"fieldworkStart":"2030-10-01","fieldworkEnd":"2030-11-30"} creates a wave (admins; 409 if it exists).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { CreateWaveRequest } from "@/modules/survey/schemas";
import { createWave } from "@/modules/survey/server/waves";

export const POST = route(async ({ request, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const body = await readJson(request, CreateWaveRequest);
  if (!body.ok) return body.response;
  const wave = await createWave(db, body.data, access.user, await requestIp());
  return Response.json({ wave }, { status: 201 });
});
