// POST /api/survey/waves/{year}/publish — {"published": true|false}: results become public (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { PublishWaveRequest } from "@/modules/survey/schemas";
import { publishWave } from "@/modules/survey/server/waves";
import { waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const POST = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const body = await readJson(request, PublishWaveRequest);
  if (!body.ok) return body.response;
  await publishWave(db, year, body.data.published, access.user, await requestIp());
  return Response.json({ wave: year, published: body.data.published });
});
