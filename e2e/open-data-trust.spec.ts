// Open data that can be trusted: only validated CEPEJ replies, partial periods marked provisional
// (JSON, CSV, SDMX-CSV), a licence, and a DCAT catalogue of it all.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";
import { form1mChanges } from "../testing/form-1m-report";

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

test("a year one of whose reports is missing (returned to its body) is flagged provisional until it is back", async ({ browser }) => {
  const [reporter, admin] = await Promise.all([loggedInPage(browser, "reporter@example.org"), loggedInPage(browser, "admin@example.org")]);
  // 2016, which no other test reads: January of the reporter's own body, returned by the Committee.
  await reporter.goto("/reports");
  await reporter.getByLabel("Period").fill("2016-01");
  await reporter.getByRole("button", { name: "Open another period" }).click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  const api = `/api/reports/${reporter.url().split("/").pop()}`;
  const returned = await admin.request.post(`${api}/transitions`, { data: { action: "return", comment: "e2e: a partial year" } });
  expect(returned.status(), await returned.text()).toBe(200);
  try {
    const rows = (await (await admin.request.get("/api/open-data/registered-crimes?format=json")).json()).data as Row[];
    const ast2016 = rows.find((r) => r.region === "AST" && r.period === "2016")!;
    expect(ast2016).toMatchObject({ provisional: true, reports: ast2016.expectedReports - 1 });
    expect(rows.find((r) => r.region === "ALA" && r.period === "2016")).toMatchObject({ provisional: false });
    const csv = await (await admin.request.get("/api/open-data/registered-crimes?format=csv")).text();
    expect(csv).toMatch(/AST,Astana city,2016,\d+,provisional,/);
    const sdmx = await (await admin.request.get("/api/open-data/registered-crimes?format=sdmx-csv")).text();
    expect(sdmx).toMatch(/,A,AST,CRIMES_REGISTERED,2016,\d+,P,NUMBER/);
    const months = (await (await admin.request.get("/api/open-data/registered-crimes?format=json&year=2016")).json()).data as Row[];
    const january = months.find((r) => r.region === "AST" && r.period === "2016-01");
    if (january) expect(january.provisional).toBe(true); // other bodies of the region reported
    expect(months.find((r) => r.region === "AST" && r.period === "2016-02")).toMatchObject({ provisional: false });
  } finally {
    const back = await reporter.request.post(`${api}/transitions`, { data: { action: "submit" } });
    expect(back.status(), await back.text()).toBe(200);
  }
});

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

// Publication after the Committee's acceptance (placement) is branch `instruction`'s: until it is
// merged a submitted report is published at once (publishedFiling in
// modules/reporting/server/reporting.sql.ts), and this test fails. Remove .fixme at the merge.
test.fixme("a submitted report the Committee has not accepted is not in the open data", async ({ browser }) => {
  const period = (() => {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 8);
    return d.toISOString().slice(0, 7);
  })();
  const year = period.slice(0, 4);
  const reporter = await loggedInPage(browser, "reporter@example.org");
  const figureOf = async () => {
    const rows = (await (await reporter.request.get(`/api/open-data/registered-crimes?format=json&year=${year}`)).json()).data as Row[];
    return rows.find((r) => r.region === "AST" && r.period === period) ?? null;
  };
  const before = await figureOf();
  await reporter.goto("/reports");
  await reporter.getByLabel("Period").fill(period);
  await reporter.getByRole("button", { name: "Open another period" }).click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  const api = `/api/reports/${reporter.url().split("/").pop()}`;
  expect((await reporter.request.put(`${api}/answers`, { data: { changes: form1mChanges() } })).status()).toBe(200);
  const submit = await reporter.request.post(`${api}/transitions`, { data: { action: "submit" } });
  expect([200, 409]).toContain(submit.status()); // 409: submitted by an earlier run on this database
  expect(await figureOf()).toEqual(before);
});
