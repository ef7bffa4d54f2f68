// POST /api/survey/waves/{year}/sample — text/csv household_id,region,settlement,weight,address:
// loads the sample frame, all or nothing; 400 {"errors":[{row,column,reason}]} (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { parseSampleFrame } from "@/modules/survey/sample-frame";
import { loadSample } from "@/modules/survey/server/waves";
import { readCsvBody, waveParam } from "@/modules/survey/server/access";
import { audit } from "@/lib/audit/server";

export async function POST(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(params);
  if (!wave) return problem(404, "No such wave.");
  const body = await readCsvBody(request);
  if (!body.ok) return body.response;
  const parsed = parseSampleFrame(body.text);
  if (!parsed.ok) return Response.json({ error: "The sample frame has errors; nothing was loaded.", errors: parsed.errors }, { status: 400 });
  const result = loadSample(year, parsed.households);
  if (!result.ok) return Response.json({ error: "Some households are already in the wave; nothing was loaded.", errors: result.duplicates.map((id) => ({ row: null, column: "household_id", reason: `${id} is already in the wave` })) }, { status: 400 });
  audit({ action: "survey.sample_load", object: `${year} (${result.loaded} households)`, user: access.user });
  return Response.json({ loaded: result.loaded });
}
