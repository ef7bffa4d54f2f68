// GET /api/survey/waves/{year}/paradata?format=csv|codebook — one row per interview with paradata
// (start, end, duration, sessions, device, language, time and changes per question), or its codebook.
// Administrators (every region) and supervisors (their regions).
import { checkApiAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { paradataCodebookCsv } from "@/modules/survey/codebook";
import { paradataCsv } from "@/modules/survey/server/paradata";
import { waveParam } from "@/modules/survey/server/access";

export const GET = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("read", { kind: "fieldworkQuality" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, "No such wave.");
  const format = apiQuery(request).choice("format", ["csv", "codebook"]) ?? "csv";
  const file = (name: string) => ({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` });
  if (format === "codebook") return new Response(paradataCodebookCsv(), { headers: file(`udn-${year}-paradata-codebook.csv`) });
  audit({ action: "survey.paradata_export", object: String(year), user: access.user });
  return new Response(await paradataCsv(db, year, access.user), { headers: file(`udn-${year}-paradata.csv`) });
});
