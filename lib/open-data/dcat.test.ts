import { describe, expect, it } from "vitest";
import { DCAT_CONTEXT, dcatCatalog, type DatasetDoc } from "./dcat";
import { OPEN_DATA_LICENCE } from "./licence";

const crimes: DatasetDoc = {
  id: "registered-crimes",
  title: "Registered criminal offences by region",
  description: "Form 1-M",
  keywords: ["crime"],
  modified: "2026-11-20T10:00:00.000Z",
  frequency: "MONTHLY",
  landingPath: "/open-data",
  provisional: true,
  distributions: [
    { title: "CSV", path: "/api/open-data/registered-crimes?format=csv", mediaType: "text/csv", format: "CSV" },
    { title: "SDMX-CSV", path: "/api/open-data/registered-crimes?format=sdmx-csv", mediaType: "application/vnd.sdmx.data+csv", format: "SDMX-CSV" },
  ],
};

/** Every "prefix:name" key or type used in a JSON-LD value. */
function prefixesOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => prefixesOf(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "@context") continue;
      if (/^[a-z]+:/.test(k)) out.add(k.split(":")[0]);
      if (k === "@type" && typeof v === "string" && /^[a-z]+:[A-Z]/.test(v)) out.add(v.split(":")[0]);
      prefixesOf(v, out);
    }
  return out;
}

describe("the DCAT catalogue", () => {
  const catalog = dcatCatalog("https://stats.example.org", [crimes, { ...crimes, id: "other", provisional: false, modified: "" }]);

  it("is a dcat:Catalog of dcat:Datasets with absolute addresses", () => {
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["@id"]).toBe("https://stats.example.org/api/open-data/catalog");
    const [d] = catalog["dcat:dataset"];
    expect(d["@type"]).toBe("dcat:Dataset");
    expect(d["dcat:distribution"].map((x) => x["dcat:downloadURL"]["@id"])).toEqual([
      "https://stats.example.org/api/open-data/registered-crimes?format=csv",
      "https://stats.example.org/api/open-data/registered-crimes?format=sdmx-csv",
    ]);
    expect(d["dcat:distribution"][1]["dcat:mediaType"]["@id"]).toBe("https://www.iana.org/assignments/media-types/application/vnd.sdmx.data+csv");
    expect(d["dct:modified"]).toEqual({ "@value": "2026-11-20T10:00:00.000Z", "@type": "xsd:dateTime" });
    expect(catalog["dcat:dataset"][1]).not.toHaveProperty("dct:modified");
  });

  it("gives the licence on the catalogue, every dataset and every download", () => {
    const licences = [catalog, ...catalog["dcat:dataset"], ...catalog["dcat:dataset"].flatMap((d) => d["dcat:distribution"])].map((x) => x["dct:license"]);
    expect(licences.length).toBe(7);
    for (const l of licences) expect(l).toEqual({ "@id": OPEN_DATA_LICENCE.url });
  });

  it("marks a dataset with provisional figures, and not the others", () => {
    expect(catalog["dcat:dataset"][0]).toHaveProperty("adms:status");
    expect(catalog["dcat:dataset"][1]).not.toHaveProperty("adms:status");
  });

  it("declares every prefix it uses in its @context", () => {
    const used = prefixesOf(catalog);
    expect([...used].sort()).toEqual(expect.arrayContaining(["dcat", "dct", "foaf"]));
    for (const p of used) expect(Object.keys(DCAT_CONTEXT), p).toContain(p);
  });
});
