// The survey results by region, settlement, sex and age group: every answer code with its interval
// and its change from the previous wave, changes not significant at 95 % marked; the API gives the
// same changes and tests.
import { expect, test } from "@playwright/test";

test("every breakdown shows every code with its change from 2024, marked when not significant", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const api = await (await page.request.get("/api/survey/waves/2025/results")).json();
  expect(api.previousWave).toBe(2024);
  const police = api.overall.trust_police;
  expect(Object.keys(police.change)).toEqual(expect.arrayContaining(["1", "2", "3", "4", "8", "9"]));
  for (const code of Object.keys(police.change)) {
    // the test as stated: |d| ≥ 1.96 √(SE₂₀₂₅² + SE₂₀₂₄²), from the two waves' published figures
    expect(typeof police.changeSignificant[code]).toBe("boolean");
  }
  const before = (await (await page.request.get("/api/survey/waves/2024/results")).json()).overall.trust_police;
  expect(before.change).toBeNull();
  for (const code of ["1", "2", "3", "4"]) {
    const d = police[code] - before[code];
    expect(police.change[code]).toBeCloseTo(d, 1);
    expect(police.changeSignificant[code]).toBe(Math.abs(d) >= 1.959964 * Math.sqrt(police.se[code] ** 2 + before.se[code] ** 2));
  }
  expect(api.byRegion.AST.trust_police.changeSignificant).not.toBeNull();
  // the downloadable tables carry the same: SE, interval, change and its test, for every breakdown
  const tables = (await (await page.request.get("/api/survey/waves/2025/tables?format=csv")).text()).split("\r\n");
  expect(tables[0]).toBe("\ufeffwave,breakdown,group,indicator,code,label,percent,n,low_base,change_pp,se,ci95_low,ci95_high,change_significant");
  const ast = tables.find((l) => l.startsWith("2025,region,AST,trust_police,1,"))!.split(",");
  expect(Number(ast[6])).toBe(api.byRegion.AST.trust_police["1"]);
  expect(Number(ast[10])).toBe(api.byRegion.AST.trust_police.se["1"]);
  expect(Number(ast[9])).toBe(api.byRegion.AST.trust_police.change["1"]);
  expect(ast[13]).toBe(api.byRegion.AST.trust_police.changeSignificant["1"] ? "1" : "0");

  await page.goto("/survey/waves/2025/results");
  for (const id of ["by-region", "by-settlement", "by-sex", "by-age"]) {
    const table = page.getByTestId(id).locator('table[data-indicator="trust_prosecutor"]');
    await expect(table.locator("thead th")).toHaveCount(1 + 6 + 1); // group, six codes, n
    const first = table.locator("tbody tr").first();
    await expect(first.locator('td[data-code="9"] span.ci')).toHaveText(/^\(\d+\.\d–\d+\.\d\)$/);
    await expect(first.locator('td[data-code="1"] span.change')).toHaveText(/^[+-]?\d+\.\d/);
  }
  // some changes of a wave that reproduces the same release are within the sampling error
  await expect(page.getByTestId("by-region").locator("abbr.ns").first()).toHaveText("n.s.");
  await expect(page.getByTestId("by-region").locator("svg.interval-chart .error-bar").first()).toBeAttached();
  expect(await page.locator('[data-testid^="by-"] [style]').count()).toBe(0);
});
