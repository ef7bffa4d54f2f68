// POST /api/survey/waves/{year}/sample — text/csv household_id,region,settlement,weight,address:
// loads the sample frame, all or nothing; 400 {"errors":[{row,column,reason}]} (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { parseSampleFrame } from "@/modules/survey/sample-frame";
import { loadSample } from "@/modules/survey/server/waves";
import { readCsvBody, uploadRefusal, waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const POST = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const body = await readCsvBody(request);
  if (!body.ok) return body.response;
  const parsed = parseSampleFrame(body.text);
  if (!parsed.ok) return Response.json({ error: "The sample frame has errors; nothing was loaded.", errors: parsed.errors.slice(0, 1000) }, { status: 400 });
  const ip = await requestIp();
  try {
    return Response.json({ loaded: await loadSample(db, year, parsed.households, access.user, ip) });
  } catch (error) {
    return uploadRefusal(error);
  }
});
