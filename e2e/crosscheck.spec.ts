// Cross-source consistency: a CEPEJ cell shows the national report's figure, the correspondent copies
// it and the cell's history records the source; the rules warn when the answer is far from it; the
// unrecorded-crime page shows the figures of its API.
import { expect, test, type Page } from "@playwright/test";
import { gotoForm, loggedInPage } from "./helpers";

const CHAPTER_4 = "/cepej/2022-2024/KZ/4";
const API = "/api/cycles/2022-2024/replies/KZ";
const CELL = "107:r2:cases"; // Public prosecutors: incoming/received 1st instance criminal cases
const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
const input = (page: Page, key: string) => page.locator(`[data-cell="${key}"] input[type=text]`);
const digits = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

test("a correspondent copies the national 1-M figure into a CEPEJ cell; the history shows its source", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  await gotoForm(page, CHAPTER_4);
  const national = page.getByTestId(`national-${CELL}`);
  await expect(national).toContainText("National figure 2022");
  await expect(national).toContainText("Form 1-M");
  // The 2022 registered offences of the demo's accepted 1-M reports, all regions (seed/reporting).
  const expected = digits((await national.locator("span").first().textContent())!.split(":").pop()!);
  expect(expected).toBeGreaterThan(100_000);

  // A figure far from it is a warning that needs an explanation.
  await input(page, CELL).fill("28688");
  await expect(page.locator("#q-107")).toContainText("differs by", { timeout: 10_000 });
  await saved(page);

  await page.getByTestId(`copy-national-${CELL}`).click();
  await expect(input(page, CELL)).toHaveValue(/\d/);
  expect(digits(await input(page, CELL).inputValue())).toBe(expected);
  await saved(page);
  await expect(page.locator("#q-107")).not.toContainText("differs by");
  const stored = (await (await page.request.get(`${API}/answers`)).json()).answers[CELL];
  expect(stored.answer.num).toBe(expected);

  // The reviewer sees where the value came from, in the history and through the API.
  const admin = await loggedInPage(browser, "admin@example.org");
  const history = (await (await admin.request.get(`${API}/history?cell=${encodeURIComponent(CELL)}`)).json()).history;
  expect(history[0].new.num).toBe(expected);
  expect(history[0].source).toMatch(/^Form 1-M, line TOTAL .*2022$/);
  expect(history[1].source).toBeNull(); // the typed value
  await gotoForm(admin, CHAPTER_4);
  const tools = admin.getByTestId("review-107");
  await tools.locator("summary").click();
  await tools.getByLabel("Value whose history to show").selectOption(CELL);
  await tools.getByRole("button", { name: "History", exact: true }).click();
  await expect(tools.getByTestId("history-source").first()).toContainText("copied from: Form 1-M");

  // A value that is not the source's figure cannot claim the source.
  const refused = await page.request.put(`${API}/answers`, {
    data: { changes: [{ cell: CELL, value: { num: 1, text: null, status: null }, baseVersion: stored.version, source: "q107-incoming" }] },
  });
  expect(refused.status()).toBe(400);

  // Leave the reply as it was.
  const now = (await (await page.request.get(`${API}/answers`)).json()).answers[CELL];
  const cleared = await page.request.put(`${API}/answers`, { data: { changes: [{ cell: CELL, value: null, baseVersion: now.version }] } });
  expect(cleared.status()).toBe(200);
});

test("the survey's trust in courts is shown at the CEPEJ question on trust surveys", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  await gotoForm(page, "/cepej/2022-2024/KZ/2");
  await expect(page.getByTestId("trust-reference-038")).toContainText(/wave 2025: [\d.]+ % of respondents trust the judicial system fully/);
});

test("the unrecorded-crime page shows the figures of its API", async ({ browser }) => {
  const page = await loggedInPage(browser, "admin@example.org");
  const response = await page.request.get("/api/analysis/unrecorded-crime?year=2025");
  expect(response.status()).toBe(200);
  const api = await response.json();
  expect(api.caveats.householdsVsOffences).toContain("households");
  expect(api.caveats.recallVsCalendar).toContain("12 months");
  const theft = api.regions.find((r: { region: string }) => r.region === "AST").offences.find((o: { mapping: string }) => o.mapping === "theft");
  expect(theft.victimised.ci95[0]).toBeLessThanOrEqual(theft.victimised.estimate);
  expect(theft.victimised.ci95[1]).toBeGreaterThanOrEqual(theft.victimised.estimate);
  expect(theft.registered).toBeGreaterThan(0);

  await page.goto("/analysis/unrecorded-crime?year=2025");
  await expect(page.getByTestId("uc-chart-theft")).toBeVisible();
  for (const [code, figures] of [
    ["AST", theft],
    ["KZ", api.national.find((o: { mapping: string }) => o.mapping === "theft")],
  ] as const) {
    const row = page.getByTestId(`uc-theft-${code}`);
    const victimised = (await row.getByTestId("victimised").textContent())!;
    expect(digits(victimised.split("(")[0])).toBe(figures.victimised.estimate);
    const [low, high] = victimised.split("(")[1].split("–");
    expect([digits(low), digits(high)]).toEqual(figures.victimised.ci95);
    expect(digits((await row.getByTestId("reported").textContent())!.split("(")[0])).toBe(figures.reported.estimate);
    expect(digits(await row.getByTestId("registered").textContent())).toBe(figures.registered);
  }
  // Public, since the 2025 wave and 1-M 2025 are published.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/analysis/unrecorded-crime?year=2025")).status()).toBe(200);
  expect((await anonymous.request.get("/api/analysis/unrecorded-crime?year=2026")).status()).toBe(401);
  await anonymous.close();
});
