// POST /api/survey/waves/{year}/interviews/import — text/csv in the microdata format: interviews
// captured elsewhere, imported as approved (households not in the sample are added), all or
// nothing; {"imported": n} or 400 {"errors":[{row,column,reason}]} (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { parseMicrodataCsv } from "@/modules/survey/microdata";
import { importInterviews } from "@/modules/survey/server/waves";
import { readCsvBody, waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const POST = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const body = await readCsvBody(request);
  if (!body.ok) return body.response;
  const parsed = parseMicrodataCsv(body.text, { fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } });
  if (!parsed.ok) return Response.json({ error: "The file has errors; nothing was imported.", errors: parsed.errors.slice(0, 1000) }, { status: 400 });
  const imported = importInterviews(db, year, parsed.interviews, access.user, await requestIp());
  return Response.json({ imported });
});
