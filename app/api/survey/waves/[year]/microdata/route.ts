// GET /api/survey/waves/{year}/microdata?format=csv|codebook|sps — approved interviews, one row each
// (the spec's codes as columns, multi-answers as 0/1 columns), its codebook, or SPSS syntax (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { codebookCsv, spssSyntax } from "@/lib/survey/codebook";
import { microdataHeader, interviewToRow } from "@/lib/survey/microdata";
import { getDb } from "@/db/client";
import { BOM, csvLine } from "@/lib/export/csv";
import { streamLines } from "@/lib/cepej/export/long-csv";
import { waveParam } from "@/lib/survey/server/access";
import { audit } from "@/lib/audit/server";
import type { Answer } from "@/lib/questionnaire/answers";

export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const { year, wave } = await waveParam(params);
  if (!wave) return problem(404, "No such wave.");
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  const file = (name: string, type: string) => ({ "content-type": type, "content-disposition": `attachment; filename="${name}"` });
  if (format === "codebook") return new Response(codebookCsv(), { headers: file(`udn-${year}-codebook.csv`, "text/csv; charset=utf-8") });
  if (format === "sps") return new Response(spssSyntax({ file: `udn-${year}-microdata.csv` }), { headers: file(`udn-${year}.sps`, "text/plain; charset=utf-8") });
  if (format !== "csv") return problem(400, "format must be csv, codebook or sps");
  audit({ action: "survey.microdata_export", object: String(year), user: access.user });
  // Streamed in pages of households: no database cursor stays open between two reads of the
  // stream (another request on this process's one connection would find it busy), and only one
  // page of cells is in memory at a time.
  const page = getDb().$client.prepare(
    `select h.id, h.household_id, h.region, h.settlement, h.weight, a.cell, a.num, a.text, a.status
       from (select * from survey_households where wave = ? and status = 'approved' and id > ? order by id limit 500) h
       join answers a on a.response_id = h.response_id order by h.id`,
  ).raw();
  function* lines() {
    yield BOM + csvLine(microdataHeader());
    let after = 0;
    for (;;) {
      const rows = page.all(year, after) as [number, string, string, string, number, string, number | null, string | null, "NA" | "NAP" | null][];
      if (!rows.length) return;
      let current: number | null = null;
      let household: { household_id: string; region: string; settlement: string; weight: number } | null = null;
      let answers: Record<string, Answer> = {};
      for (const [id, household_id, region, settlement, weight, cell, num, text, status] of rows) {
        if (id !== current) {
          if (household) yield csvLine(interviewToRow(household, answers));
          current = id;
          household = { household_id, region, settlement, weight };
          answers = {};
        }
        answers[cell] = { num, text, status };
      }
      if (household) yield csvLine(interviewToRow(household, answers));
      after = current!;
    }
  }
  return new Response(streamLines(lines()), { headers: file(`udn-${year}-microdata.csv`, "text/csv; charset=utf-8") });
}
