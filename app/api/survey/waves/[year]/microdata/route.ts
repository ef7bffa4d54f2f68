// GET /api/survey/waves/{year}/microdata?format=csv|codebook|sps|do|r — approved interviews, one row
// each (the spec's codes as columns, multi-answers as 0/1 columns), its codebook, or the syntax that
// loads it with its labels: SPSS, Stata (do-file) or R (factors and the survey design) (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { codebookCsv, spssSyntax } from "@/modules/survey/codebook";
import { rScript, stataDo } from "@/modules/survey/stats-syntax";
import { streamLines } from "@/modules/cepej/export/long-csv";
import { microdataLines } from "@/modules/survey/server/microdata-export";
import { waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ year: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const format = apiQuery(request).choice("format", ["csv", "codebook", "sps", "do", "r"]) ?? "csv";
  const file = (name: string, type: string) => ({ "content-type": type, "content-disposition": `attachment; filename="${name}"` });
  if (format === "codebook") return new Response(codebookCsv(), { headers: file(`udn-${year}-codebook.csv`, "text/csv; charset=utf-8") });
  if (format === "sps")
    return new Response(spssSyntax({ file: `udn-${year}-microdata.csv` }), { headers: file(`udn-${year}.sps`, "text/plain; charset=utf-8") });
  if (format === "do") return new Response(stataDo({ file: `udn-${year}-microdata.csv` }), { headers: file(`udn-${year}.do`, "text/plain; charset=utf-8") });
  if (format === "r") return new Response(rScript({ file: `udn-${year}-microdata.csv` }), { headers: file(`udn-${year}.R`, "text/plain; charset=utf-8") });
  audit({ action: "survey.microdata_export", object: String(year), user: access.user });
  return new Response(streamLines(microdataLines(db, year)), { headers: file(`udn-${year}-microdata.csv`, "text/csv; charset=utf-8") });
});
