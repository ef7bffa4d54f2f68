// The interface in Kazakh (and in French for a CEPEJ correspondent), measured: on each page every
// visible text node, and the visible placeholders, labels and titles, are collected in the browser;
// a text in English fails the test. In Kazakh a Latin word is English unless it is a code (CSV,
// 1-M, KZ), a number, an e-mail address or a demo name on the allow-list; in French a text fails
// when it has a word of the English interface (ENGLISH_UI below). Texts the page marks as English by
// design (lang="en": the CEPEJ questionnaire and its indicators) and data shown as written
// (translate="no": addresses, names, the journal's records) are left out.
import { expect, test } from "@playwright/test";
import { englishInFrench, englishInKazakh, inLanguage, measure, signedIn } from "./text-measure";

test.describe("Қазақша", () => {
  test("the language switcher of the top bar turns the page into Kazakh", async ({ page }) => {
    // The measure itself: the same page in English is found English.
    expect((await measure(page, "/open-data", englishInKazakh)).length).toBeGreaterThan(20);
    await page.getByLabel("Language").selectOption("kk");
    await page.getByRole("button", { name: "Change language" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ашық деректер");
    expect(await measure(page, null, englishInKazakh)).toEqual([]);
  });

  test("a reporting body's reports and a 1-M report", async ({ browser }) => {
    const page = await signedIn(browser, "reporter@example.org", "kk");
    const english = await measure(page, "/", englishInKazakh);
    english.push(...(await measure(page, "/reports", englishInKazakh)));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Астана қаласының Полиция департаменті");
    await expect(page.getByTestId("deadlines")).toContainText("Тіркелген қылмыстық құқық бұзушылықтар туралы");
    // A submitted report of the demo data (2025; other specs open drafts of 2026 meanwhile): the form
    // as the reporter sees it, read only.
    await page
      .locator("table:not([data-testid]) tbody tr a", { hasText: /1-M 2025-\d\d/ })
      .first()
      .click();
    await page.locator("body[data-form-ready]").waitFor({ state: "attached" });
    english.push(...(await measure(page, null, englishInKazakh)));
    await expect(page.getByTestId("filing-status")).toHaveText(/мерзімінде|кешігіп/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: test.info().outputPath("kk-1m-report-390.png"), fullPage: false });
    expect(english).toEqual([]);
  });

  test("the supervisor's survey page, the interviewer's interview, the results", async ({ browser }) => {
    const supervisor = await signedIn(browser, "supervisor@example.org", "kk");
    const english = await measure(supervisor, "/survey?wave=2026", englishInKazakh);
    await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText("Үй шаруашылықтарын зерттеу, толқын: 2026");

    const interviewer = await signedIn(browser, "interviewer@example.org", "kk");
    english.push(...(await measure(interviewer, "/survey", englishInKazakh)));
    await interviewer.getByTestId("my-assignments").locator("tbody tr a").first().click();
    await interviewer.locator("body[data-form-ready]").waitFor({ state: "attached" });
    english.push(...(await measure(interviewer, null, englishInKazakh)));
    await expect(interviewer.getByText("Бару нәтижесі")).toBeVisible(); // the UDN's first question, in Kazakh
    await interviewer.setViewportSize({ width: 390, height: 844 });
    await interviewer.screenshot({ path: test.info().outputPath("kk-interview-390.png"), fullPage: false });

    english.push(...(await measure(supervisor, "/survey/waves/2025/results", englishInKazakh)));
    await expect(supervisor.getByTestId("key-indicators")).toContainText("толық сенемін");
    await supervisor.setViewportSize({ width: 390, height: 844 });
    await supervisor.screenshot({ path: test.info().outputPath("kk-results-390.png"), fullPage: false });
    expect(english).toEqual([]);
  });

  test("open data and the Committee's administration pages", async ({ browser }) => {
    const admin = await signedIn(browser, "admin@example.org", "kk");
    const english: string[] = [];
    for (const url of [
      "/",
      "/open-data",
      "/admin/reports",
      "/admin/calendar",
      "/admin/placements",
      "/admin/requests",
      "/admin/collections",
      "/admin/audit",
      "/admin/users",
      "/admin/cycles",
      "/survey",
    ])
      english.push(...(await measure(admin, url, englishInKazakh)));
    await admin.goto("/open-data");
    await expect(admin.getByTestId("crimes-by-region")).toContainText("Алматы қаласы");
    expect(english).toEqual([]);
  });
});

test.describe("Français", () => {
  test("a correspondent's reply overview and a chapter: the interface in French, the questionnaire in English", async ({ browser }) => {
    const page = await signedIn(browser, "correspondent.fr@example.org", "en");
    // The measure itself: the overview in English is found English.
    expect((await measure(page, "/cepej/2022-2024/FR", englishInFrench)).length).toBeGreaterThan(10);
    await inLanguage(page, "fr");
    const english = await measure(page, "/", englishInFrench);
    english.push(...(await measure(page, "/cepej/2022-2024/FR", englishInFrench)));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cycle d'évaluation 2022–2024 · France");
    await page.goto("/cepej/2022-2024/FR/1");
    await page.locator("body[data-form-ready]").waitFor({ state: "attached" });
    english.push(...(await measure(page, null, englishInFrench)));
    // The questionnaire's own texts stay CEPEJ's English, marked so.
    await expect(page.locator('#q-001 h3[lang="en"]')).toBeVisible();
    expect(english).toEqual([]);
  });
});
