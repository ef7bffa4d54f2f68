// POST /api/cycles/{cycle}/publish — {"published": true|false}: the cycle's dashboard becomes public
// (validated replies only) or is withdrawn (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { PublishCycleRequest } from "@/modules/cepej/schemas";
import { publishCycle } from "@/modules/cepej/server/dashboard";

export const POST = route<{ cycle: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const body = await readJson(request, PublishCycleRequest);
  if (!body.ok) return body.response;
  await publishCycle(db, params.cycle, body.data.published, access.user, await requestIp());
  return Response.json({ cycle: params.cycle, published: body.data.published });
});
