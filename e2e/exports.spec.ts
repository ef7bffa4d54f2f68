// The secretariat's view of Kazakhstan's 2020 reply: figures and indicators on screen, downloads,
// print view, data-quality report, JSON import.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";

test("chapter 4 shows Q091 with the seed's figures and the clearance rate of civil litigious cases", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  await page.goto("/cepej/2020-2022/KZ/4");
  await expect(page.locator('[data-cell="091:r1:incoming"] input[type=text]')).toHaveValue("358\u00a0017");
  await expect(page.locator('[data-cell="091:r1:resolved"] input[type=text]')).toHaveValue("362\u00a0194");
  const rate = page.getByTestId("indicators-091").locator('[data-indicator="clearance-rate:091:r1"]');
  await expect(rate).toContainText("101.2 %");
  await expect(rate).toHaveAttribute("title", /resolved ÷ incoming × 100 = 362\u00a0194 ÷ 358\u00a0017 × 100/);
  await expect(page.getByTestId("indicators-091").locator('[data-indicator="clearance-rate:091:r2_2"]')).toContainText("—");
});

test("CSV, XLSX and JSON downloads; the print view; the indicators and data-quality pages", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  await page.goto("/cepej/2020-2022/KZ");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  const { readFileSync } = await import("node:fs");
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith("\ufeffcycle,country,question,part,row_id,row,col_id,column,option,value,status,comment\r\n")).toBe(true);
  expect(text).toContain("2020-2022,KZ,001,1.1.1,,,,,,18879552,,");
  const xlsx = await page.request.get("/api/cycles/2020-2022/replies/KZ/export?format=xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  expect((await page.request.get("/api/cycles/2020-2022/replies/KZ/export?format=pdf")).status()).toBe(400);

  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByText(/^Generated on : \d\d\/\d\d\/\d{4} \d\d:\d\d$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evaluation of the judicial systems (2020 – 2022)" })).toBeVisible();
  await expect(page.getByText("Start/end date of the data collection campaign : 19/03/2021 - 01/10/2021")).toBeVisible();

  await page.goto("/cepej/2020-2022/KZ/indicators");
  await expect(page.getByTestId("indicators-046")).toContainText("12.68");
  await page.goto("/cepej/2020-2022/KZ/quality");
  await expect(page.getByTestId("quality-warnings")).toContainText("052");
});

test("a reply exported as JSON imports into another reply, and exports identically", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const exported = await (await admin.request.get("/api/cycles/2020-2022/replies/KZ/export?format=json")).text();
  const file = JSON.parse(exported);
  file.cycle = "2022-2024";
  file.country = "IL";
  const imported = await admin.request.post("/api/cycles/2022-2024/replies/IL/import", { data: file });
  expect(imported.status()).toBe(200);
  const again = await (await admin.request.get("/api/cycles/2022-2024/replies/IL/export?format=json")).text();
  expect(
    again
      .replace('"status": "in_progress"', '"status": "validated"')
      .replace('"cycle": "2022-2024"', '"cycle": "2020-2022"')
      .replace('"country": "IL"', '"country": "KZ"'),
  ).toBe(exported);
  const bad = await admin.request.post("/api/cycles/2022-2024/replies/IL/import", {
    data: { ...file, answers: { "001": { num: -5, text: null, status: null } } },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details[0]).toMatchObject({ cell: "001", code: "belowMin" });
  const whole = await admin.request.get("/api/cycles/2020-2022/export?format=csv");
  expect(whole.status()).toBe(200);
  expect(await whole.text()).toContain("2020-2022,KZ,001,1.1.1,,,,,,18879552,,");
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  expect((await kz.request.get("/api/cycles/2020-2022/export?format=csv")).status()).toBe(403);
});
