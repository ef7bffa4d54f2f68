// POST /api/survey/waves/{year}/interviews/import[?addHouseholds=1] — text/csv in the microdata
// format: interviews captured elsewhere, imported as approved, all or nothing; a sampled household's
// region, settlement and weight are never changed (a row giving others is refused), households not
// in the sample are refused unless addHouseholds=1; {"imported": n} or 400 {"errors":[{row,column,reason}]} (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { parseMicrodataCsv } from "@/modules/survey/microdata";
import { importInterviews } from "@/modules/survey/server/waves";
import { readCsvBody, uploadRefusal, waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";
import { apiQuery } from "@/lib/http/query";

export const POST = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const addHouseholds = apiQuery(request).choice("addHouseholds", ["0", "1"]) === "1";
  const body = await readCsvBody(request);
  if (!body.ok) return body.response;
  const parsed = parseMicrodataCsv(body.text, { fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } });
  if (!parsed.ok) return Response.json({ error: "The file has errors; nothing was imported.", errors: parsed.errors.slice(0, 1000) }, { status: 400 });
  const ip = await requestIp();
  try {
    return Response.json({ imported: await importInterviews(db, year, parsed.interviews, access.user, ip, { addHouseholds }) });
  } catch (error) {
    return uploadRefusal(error);
  }
});
