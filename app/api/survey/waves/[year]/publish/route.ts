// POST /api/survey/waves/{year}/publish — {"published": true|false}: results become public (admins).
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { problem, readJson } from "@/lib/http/json-body";
import { publishWave } from "@/modules/survey/server/waves";
import { waveParam } from "@/modules/survey/server/access";
import { audit } from "@/lib/audit/server";

export async function POST(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(params);
  if (!wave) return problem(404, "No such wave.");
  const body = await readJson(request, z.object({ published: z.boolean() }).strict());
  if (!body.ok) return body.response;
  publishWave(year, body.data.published);
  audit({ action: body.data.published ? "survey.publish" : "survey.unpublish", object: String(year), user: access.user });
  return Response.json({ wave: year, published: body.data.published });
}
