// GET /api/open-data/registered-crimes?format=csv|json|sdmx-csv[&year=2025] — public open data:
// registered crimes by region and year (or by month within a year), with metadata and licence;
// figures of periods not complete yet are marked provisional.
import { MAX_YEAR, MIN_YEAR } from "@/lib/dates/dates";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { CRIMES_METADATA, lastUpdated, registeredCrimes } from "@/modules/reporting/server/open-data";
import { SDMX_CSV_TYPE, crimesSdmxCsv } from "@/modules/reporting/sdmx";

export const GET = route(async ({ request, db }) => {
  const query = apiQuery(request);
  const format = query.choice("format", ["json", "csv", "sdmx-csv"]) ?? "json";
  const year = query.int("year", { min: MIN_YEAR, max: MAX_YEAR });
  const rows = await registeredCrimes(db, year !== undefined ? { year } : {});
  const metadata = { ...CRIMES_METADATA, period: year !== undefined ? `months of ${year}` : "years", lastUpdated: await lastUpdated(db) };
  if (format === "json") return Response.json({ metadata, data: rows });
  if (format === "sdmx-csv")
    return new Response(crimesSdmxCsv(rows, year !== undefined ? "M" : "A"), {
      headers: { "content-type": SDMX_CSV_TYPE, "content-disposition": 'attachment; filename="registered-crimes.sdmx.csv"' },
    });
  const csv = toCsv(
    ["region", "region_name", "period", "registered", "status", "reports", "expected_reports"],
    rows.map((r) => [r.region, r.regionName, r.period, r.registered, r.provisional ? "provisional" : "final", r.reports, r.expectedReports]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="registered-crimes.csv"' } });
});
