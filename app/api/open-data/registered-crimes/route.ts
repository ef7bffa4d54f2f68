// GET /api/open-data/registered-crimes?format=csv|json[&year=2025] — public open data: registered
// crimes by region and year (or by month within a year), with metadata.
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { CRIMES_METADATA, lastUpdated, registeredCrimes } from "@/modules/reporting/server/open-data";

export const GET = route(({ request, db }) => {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "json";
  const yearText = url.searchParams.get("year");
  if (yearText !== null && !/^\d{4}$/.test(yearText)) return problem(400, "year must be a year such as 2025");
  const rows = registeredCrimes(db, yearText ? { year: Number(yearText) } : {});
  const metadata = { ...CRIMES_METADATA, period: yearText ? `months of ${yearText}` : "years", lastUpdated: lastUpdated(db) };
  if (format === "json") return Response.json({ metadata, data: rows });
  if (format !== "csv") return problem(400, "format must be csv or json");
  const csv = toCsv(
    ["region", "region_name", "period", "registered"],
    rows.map((r) => [r.region, r.regionName, r.period, r.registered]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="registered-crimes.csv"' } });
});
