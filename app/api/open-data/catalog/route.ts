// GET /api/open-data/catalog — public: the open datasets as a DCAT catalogue (JSON-LD), with
// their downloads, licence and last update, for data portals to harvest.
import { publicOrigin } from "@/lib/http/origin";
import { route } from "@/lib/http/route";
import { dcatCatalog, type DatasetDoc } from "@/lib/open-data/dcat";
import { CEPEJ_METADATA } from "@/modules/cepej/server/open-indicators";
import { CRIMES_METADATA, lastUpdated, registeredCrimes } from "@/modules/reporting/server/open-data";
import { listWaves } from "@/modules/survey/server/households";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const GET = route(async ({ request, db }) => {
  const crimes: DatasetDoc = {
    id: "registered-crimes",
    title: CRIMES_METADATA.title,
    description: `${CRIMES_METADATA.source}. ${CRIMES_METADATA.provisional}`,
    keywords: ["crime", "registered criminal offences", "regions", "form 1-M"],
    modified: await lastUpdated(db),
    frequency: "MONTHLY",
    landingPath: "/open-data",
    provisional: (await registeredCrimes(db)).some((r) => r.provisional),
    distributions: [
      { title: "CSV", path: "/api/open-data/registered-crimes?format=csv", mediaType: "text/csv", format: "CSV" },
      { title: "JSON", path: "/api/open-data/registered-crimes?format=json", mediaType: "application/json", format: "JSON" },
      { title: "SDMX-CSV 1.0", path: "/api/open-data/registered-crimes?format=sdmx-csv", mediaType: "application/vnd.sdmx.data+csv", format: "SDMX-CSV" },
    ],
  };
  const cepej: DatasetDoc = {
    id: "cepej-indicators",
    title: CEPEJ_METADATA.title,
    description: `${CEPEJ_METADATA.source}. ${CEPEJ_METADATA.note}`,
    keywords: ["CEPEJ", "judicial systems", "efficiency of justice"],
    modified: "",
    frequency: "BIENNIAL",
    landingPath: "/open-data",
    distributions: [
      { title: "CSV", path: "/api/open-data/cepej-indicators?format=csv", mediaType: "text/csv", format: "CSV" },
      { title: "JSON", path: "/api/open-data/cepej-indicators?format=json", mediaType: "application/json", format: "JSON" },
    ],
  };
  const waves: DatasetDoc[] = (await listWaves(db))
    .filter((w) => w.publishedAt)
    .map((w) => ({
      id: `survey-${w.year}`,
      title: `Public confidence in law enforcement: household survey, wave ${w.year}`,
      description: "Weighted shares with standard errors and 95 % confidence intervals, overall and by region.",
      keywords: ["household survey", "public confidence", "law enforcement"],
      modified: w.publishedAt!,
      frequency: "ANNUAL",
      landingPath: `/survey/waves/${w.year}/results`,
      distributions: [
        { title: "Key indicators (JSON)", path: `/api/survey/waves/${w.year}/results`, mediaType: "application/json", format: "JSON" },
        { title: "Tables (CSV)", path: `/api/survey/waves/${w.year}/tables?format=csv`, mediaType: "text/csv", format: "CSV" },
        { title: "Tables (XLSX)", path: `/api/survey/waves/${w.year}/tables?format=xlsx`, mediaType: XLSX, format: "XLSX" },
      ],
    }));
  return Response.json(dcatCatalog(publicOrigin(request), [crimes, cepej, ...waves]), { headers: { "content-type": "application/ld+json" } });
});
