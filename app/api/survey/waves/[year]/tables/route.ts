// GET /api/survey/waves/{year}/tables?format=csv|xlsx — the results tables (like the results page):
// every breakdown and code with its standard error, 95 % interval, change from the previous wave
// (percentage points) and whether that change is significant at 95 % (1/0; empty without a change).
import ExcelJS from "exceljs";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { canSeeResults, waveParam } from "@/modules/survey/server/access";
import { findWave } from "@/modules/survey/server/households";
import { indicatorLabel, scaleOf, waveResults, type WithChange } from "@/modules/survey/server/results";
import { KEY_INDICATORS } from "@/modules/survey/codes";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ year: string }>(async ({ request, params, db }) => {
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const access = await canSeeResults(wave);
  if (!access.ok) return access.response;
  const format = apiQuery(request).choice("format", ["csv", "xlsx"]) ?? "csv";
  const r = await waveResults(db, year, (await findWave(db, year - 1)) ? year - 1 : null);
  const header = [
    "wave",
    "breakdown",
    "group",
    "indicator",
    "code",
    "label",
    "percent",
    "n",
    "low_base",
    "change_pp",
    "se",
    "ci95_low",
    "ci95_high",
    "change_significant",
  ];
  const rows: (string | number)[][] = [];
  const line = (by: string, group: string, v: string, code: string, label: string, d: WithChange): (string | number)[] => [
    year,
    by,
    group,
    v,
    code,
    label,
    d.shares[code] ?? 0,
    d.n,
    d.lowBase ? 1 : 0,
    d.change?.[code] ?? "",
    d.n ? (d.se[code] ?? "") : "",
    d.n ? (d.ci95[code]?.[0] ?? "") : "",
    d.n ? (d.ci95[code]?.[1] ?? "") : "",
    d.significant && code in d.significant ? (d.significant[code] ? 1 : 0) : "",
  ];
  for (const v of KEY_INDICATORS) {
    for (const [code, label] of Object.entries(scaleOf(v))) rows.push(line("overall", "all", v, code, label, r.overall[v]));
    for (const [by, groups] of Object.entries(r.by)) {
      for (const [group, d] of Object.entries(groups[v])) {
        for (const [code, label] of Object.entries(scaleOf(v))) rows.push(line(by, group, v, code, label, d));
      }
    }
  }
  if (format === "csv")
    return new Response(toCsv(header, rows), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="udn-${year}-results.csv"` },
    });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Results ${year}`);
  ws.addRow(header).font = { bold: true };
  rows.forEach((row) => ws.addRow(row));
  const key = wb.addWorksheet("Key indicators");
  key.addRow(["indicator", ...Object.keys(scaleOf("trust_police")).map((c) => `code ${c}`), "n"]).font = { bold: true };
  for (const v of KEY_INDICATORS)
    key.addRow([indicatorLabel(v), ...Object.keys(scaleOf("trust_police")).map((c) => r.overall[v].shares[c] ?? null), r.overall[v].n]);
  const buffer = await wb.xlsx.writeBuffer();
  return new Response(new Uint8Array(buffer as ArrayBuffer), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="udn-${year}-results.xlsx"`,
    },
  });
});
