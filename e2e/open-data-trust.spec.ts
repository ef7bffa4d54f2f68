// Open data that can be trusted: only validated CEPEJ replies, partial periods marked provisional
// (JSON, CSV, SDMX-CSV), a licence, and a DCAT catalogue of it all.
import { expect, test } from "@playwright/test";

type Row = { region: string; period: string; registered: number; provisional: boolean; reports: number; expectedReports: number };

test("complete years are final in JSON, CSV and SDMX-CSV", async ({ request }) => {
  const json = await (await request.get("/api/open-data/registered-crimes?format=json")).json();
  expect(json.metadata.license).toBe("https://creativecommons.org/licenses/by/4.0/");
  const rows = json.data as Row[];
  expect(rows.find((r) => r.region === "AST" && r.period === "2025")).toMatchObject({ registered: 16045, provisional: false });
  expect(rows.filter((r) => r.period === "2025").every((r) => !r.provisional && r.reports === r.expectedReports)).toBe(true);

  const csv = await (await request.get("/api/open-data/registered-crimes?format=csv")).text();
  expect(csv).toContain("region,region_name,period,registered,status,reports,expected_reports");
  expect(csv).toContain("AST,Astana city,2025,16045,final,");

  const sdmx = await request.get("/api/open-data/registered-crimes?format=sdmx-csv");
  expect(sdmx.headers()["content-type"]).toContain("application/vnd.sdmx.data+csv");
  const text = await sdmx.text();
  expect(text.startsWith("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE\r\n")).toBe(true);
  expect(text).toContain("KZ_LSSRPGO:DF_REGISTERED_CRIMES(1.0),A,AST,CRIMES_REGISTERED,2025,16045,A,NUMBER");
  const monthly = await (await request.get("/api/open-data/registered-crimes?format=sdmx-csv&year=2025")).text();
  expect(monthly).toMatch(/,M,AST,CRIMES_REGISTERED,2025-03,\d+,A,NUMBER/);
});

// A partial year (provisional) and "submitted is not published until placed": e2e/instruction.spec.ts,
// which places a period of a year still running.

test("only validated CEPEJ replies are published, with the licence", async ({ request }) => {
  const json = await (await request.get("/api/open-data/cepej-indicators?format=json")).json();
  expect(json.metadata.license).toBe("https://creativecommons.org/licenses/by/4.0/");
  expect(json.data.length).toBeGreaterThan(0);
  // 2020-2022 · KZ is validated; the 2022-2024 replies are in progress or submitted only.
  expect([...new Set(json.data.map((r: { cycle: string; country: string }) => `${r.cycle} ${r.country}`))]).toEqual(["2020-2022 KZ"]);
});

test("the DCAT catalogue lists every dataset with its downloads and licence; the page links it", async ({ page }) => {
  const res = await page.request.get("/api/open-data/catalog");
  expect(res.headers()["content-type"]).toContain("application/ld+json");
  const catalog = await res.json();
  expect(catalog["@type"]).toBe("dcat:Catalog");
  expect(catalog["@context"]).toMatchObject({ dcat: "http://www.w3.org/ns/dcat#", dct: "http://purl.org/dc/terms/" });
  const ids = catalog["dcat:dataset"].map((d: { "dct:identifier": string }) => d["dct:identifier"]);
  expect(ids).toEqual(expect.arrayContaining(["registered-crimes", "cepej-indicators", "survey-2024"]));
  expect(ids).not.toContain("survey-2026"); // in fieldwork, unpublished
  const crimes = catalog["dcat:dataset"].find((d: { "dct:identifier": string }) => d["dct:identifier"] === "registered-crimes");
  expect(crimes["dct:license"]).toEqual({ "@id": "https://creativecommons.org/licenses/by/4.0/" });
  // Addresses on the host the client asked for (not the server's own name).
  expect(crimes["@id"]).toBe(new URL("/open-data#registered-crimes", res.url()).href);
  const formats = crimes["dcat:distribution"].map((x: { "dct:format": string }) => x["dct:format"]);
  expect(formats).toEqual(["CSV", "JSON", "SDMX-CSV"]);
  for (const x of crimes["dcat:distribution"]) expect((await page.request.get(x["dcat:downloadURL"]["@id"])).status()).toBe(200);

  await page.goto("/open-data");
  await expect(page.getByTestId("licence").getByRole("link", { name: /CC BY 4\.0/ })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
  await expect(page.getByRole("link", { name: "Data catalogue (DCAT, JSON-LD)" })).toHaveAttribute("href", "/api/open-data/catalog");
});
