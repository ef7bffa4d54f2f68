// GET /api/cycles/{cycle}/replies/{country}/export?format=csv|xlsx|json — the reply (authorised like the reply).
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/audit/server";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { attachment, replyForExport } from "@/modules/cepej/server/export";
import { longCsvHeader, longCsvLines, streamLines } from "@/modules/cepej/export/long-csv";
import { replyXlsx } from "@/modules/cepej/export/xlsx";
import { replyToJson } from "@/modules/cepej/export/reply-json";

export const GET = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "read");
  if (!r.ok) return r.response;
  const format = apiQuery(request).choice("format", ["csv", "xlsx", "json"]) ?? "csv";
  const { reply, cycle, countryName } = r.found;
  const country = reply.countryCode!;
  const data = await replyForExport(db, r.found);
  const base = `cepej-${cycle.slug}-${country}`;
  audit({ action: `export.${format}`, object: `${cycle.slug}/${country}`, user: r.user });
  switch (format) {
    case "csv":
      return new Response(
        streamLines([longCsvHeader(), ...longCsvLines(data.index.questionnaire, { cycle: cycle.slug, country, read: data.read, flags: data.flags })]),
        {
          headers: { "content-type": "text/csv; charset=utf-8", ...attachment(`${base}.csv`) },
        },
      );
    case "xlsx": {
      const buffer = await replyXlsx(
        data.index.questionnaire,
        { cycle: cycle.slug, cycleName: cycle.name, countryLabel: `${country} ${countryName}`, generatedOn: new Date() },
        { country, countryName, status: reply.status, read: data.read, flags: data.flags },
      );
      return new Response(new Uint8Array(buffer), {
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...attachment(`${base}.xlsx`) },
      });
    }
    case "json":
      return new Response(
        replyToJson(data.index, { cycle: cycle.slug, country, status: reply.status }, new Map([...data.stored].map(([k, v]) => [k, v.answer])), data.flags),
        {
          headers: { "content-type": "application/json; charset=utf-8", ...attachment(`${base}.json`) },
        },
      );
    default:
      return problem(400, "format must be csv, xlsx or json");
  }
});
