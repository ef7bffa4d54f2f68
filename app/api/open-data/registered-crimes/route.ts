// GET /api/open-data/registered-crimes?format=csv|json[&year=2025] — public open data: registered
// crimes by region and year (or by month within a year), with metadata.
import { MAX_YEAR, MIN_YEAR } from "@/lib/dates/dates";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { CRIMES_METADATA, lastUpdated, registeredCrimes } from "@/modules/reporting/server/open-data";

export const GET = route(({ request, db }) => {
  const query = apiQuery(request);
  const format = query.choice("format", ["json", "csv"]) ?? "json";
  const year = query.int("year", { min: MIN_YEAR, max: MAX_YEAR });
  const rows = registeredCrimes(db, year !== undefined ? { year } : {});
  const metadata = { ...CRIMES_METADATA, period: year !== undefined ? `months of ${year}` : "years", lastUpdated: lastUpdated(db) };
  if (format === "json") return Response.json({ metadata, data: rows });
  const csv = toCsv(
    ["region", "region_name", "period", "registered"],
    rows.map((r) => [r.region, r.regionName, r.period, r.registered]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="registered-crimes.csv"' } });
});
