// GET /api/open-data/cepej-indicators?format=csv|json — public: indicators of validated CEPEJ replies.
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { CEPEJ_METADATA, validatedIndicators } from "@/modules/cepej/server/open-indicators";

export const GET = route(async ({ request, db }) => {
  const format = apiQuery(request).choice("format", ["json", "csv"]) ?? "json";
  const rows = await validatedIndicators(db);
  if (format === "json") return Response.json({ metadata: { ...CEPEJ_METADATA, lastUpdated: new Date().toISOString().slice(0, 10) }, data: rows });
  return new Response(
    toCsv(
      ["cycle", "country", "country_name", "indicator", "label", "unit", "value"],
      rows.map((r) => [r.cycle, r.country, r.countryName, r.indicator, r.label, r.unit, r.value ?? ""]),
    ),
    {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="cepej-indicators.csv"' },
    },
  );
});
