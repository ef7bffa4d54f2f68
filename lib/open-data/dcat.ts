// The open-data catalogue in DCAT (W3C Data Catalog Vocabulary, version 3), as JSON-LD: what
// harvesters of data portals (CKAN, data.europa.eu, data.egov.kz) read to list the datasets, their
// downloads, licence and freshness. Pure: the route hands it the datasets and the site's address.
import { OPEN_DATA_LICENCE } from "./licence";

export type DistributionDoc = { title: string; path: string; mediaType: string; format: string };

export type DatasetDoc = {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  /** yyyy-mm-dd or an ISO date-time; empty when unknown. */
  modified: string;
  /** The dct:accrualPeriodicity of the EU frequency vocabulary: MONTHLY, ANNUAL, IRREG… */
  frequency: string;
  landingPath: string;
  /** Provisional figures included (some periods are not complete yet). */
  provisional?: boolean;
  distributions: DistributionDoc[];
};

export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  adms: "http://www.w3.org/ns/adms#",
} as const;

const PUBLISHER = { "@type": "foaf:Organization", "foaf:name": "Legal Statistics and Special Accounts Committee of the General Prosecutor's Office" };
const FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
const IANA = "https://www.iana.org/assignments/media-types/";

const date = (value: string) => ({ "@value": value, "@type": value.length > 10 ? "xsd:dateTime" : "xsd:date" });

/** The dcat:Catalog of these datasets, with absolute addresses on `origin` (https://stats.example.org). */
export function dcatCatalog(origin: string, datasets: DatasetDoc[]) {
  const at = (path: string) => new URL(path, origin).href;
  const license = { "@id": OPEN_DATA_LICENCE.url };
  return {
    "@context": DCAT_CONTEXT,
    "@id": at("/api/open-data/catalog"),
    "@type": "dcat:Catalog",
    "dct:title": "Justice statistics: open data",
    "dct:description": "Registered crime, the household survey of public confidence in law enforcement and the CEPEJ evaluation indicators.",
    "dct:publisher": PUBLISHER,
    "dct:license": license,
    "foaf:homepage": { "@id": at("/open-data") },
    "dcat:dataset": datasets.map((d) => ({
      "@id": at(`/open-data#${d.id}`),
      "@type": "dcat:Dataset",
      "dct:identifier": d.id,
      "dct:title": d.title,
      "dct:description": d.description,
      "dct:publisher": PUBLISHER,
      "dct:license": license,
      "dcat:keyword": d.keywords,
      ...(d.modified ? { "dct:modified": date(d.modified) } : {}),
      "dct:accrualPeriodicity": { "@id": FREQUENCY + d.frequency },
      "dcat:landingPage": { "@id": at(d.landingPath) },
      ...(d.provisional ? { "adms:status": "provisional figures included: periods not complete yet are marked in the data" } : {}),
      "dcat:distribution": d.distributions.map((x) => ({
        "@id": at(x.path),
        "@type": "dcat:Distribution",
        "dct:title": x.title,
        "dcat:accessURL": { "@id": at(x.path) },
        "dcat:downloadURL": { "@id": at(x.path) },
        "dcat:mediaType": { "@id": IANA + x.mediaType },
        "dct:format": x.format,
        "dct:license": license,
      })),
    })),
  };
}
