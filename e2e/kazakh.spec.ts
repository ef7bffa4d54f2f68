// The interface in Kazakh (and in French for a CEPEJ correspondent), measured: on each page every
// visible text node, and the visible placeholders, labels and titles, are collected in the browser;
// a text in English fails the test. In Kazakh a Latin word is English unless it is a code (CSV,
// 1-M, KZ), a number, an e-mail address or a demo name on the allow-list; in French a text fails
// when it has a word of the English interface (ENGLISH_UI below). Texts the page marks as English by
// design (lang="en": the CEPEJ questionnaire and its indicators) and data shown as written
// (translate="no": addresses, names, the journal's records) are left out.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loggedInPage } from "./helpers";

/** Names of the demo data, proper names and brands (not interface text). */
const NAMES = [
  "Secretariat Administrator",
  "Kazakhstan Correspondent",
  "France Correspondent",
  "Survey Supervisor",
  "Survey Interviewer",
  "Astana Police Department Reporter",
  "English",
  "Français",
  // The log-journal's action codes, as its search field's example gives them.
  "login, report.",
];
/** Codes written with Latin letters in every language. */
const CODES = /^(?:[A-Z][A-Z0-9-]*|n)$/;

/** Words of the English interface that are not French words. */
const ENGLISH_UI = new Set(
  (
    "the of and with for by is are was from this that your you what which when there here " +
    "save saved saving submit submitted reply replies chapter chapters answered unanswered warning warnings error errors history " +
    "download print view indicators quality report reports status progress next clear characters read only changes " +
    "sign out home language open queries query reference year campaign compared evaluation validated returned started " +
    "not welcome signed household survey users data demo enter real comments explanatory whole " +
    "previous reuse send resolve series value values retained yes none all filter search assign deadline"
  ).split(" "),
);

type Found = { text: string; where: string };

/** Visible texts of the page that are not marked English (lang="en") or data (translate="no"),
 *  with the questionnaire's question ids (q1, safe_day, result) taken out: those are its codes. */
async function visibleTexts(page: Page): Promise<Found[]> {
  const found = await page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const markedEnglish = (el: Element) => {
      const marked = el.closest("[lang]");
      return !!marked && marked !== document.documentElement && marked.getAttribute("lang") === "en";
    };
    const skipped = (el: Element) => markedEnglish(el) || !!el.closest('[translate="no"], script, style, noscript, template');
    const visible = (el: Element): boolean => {
      const option = el.closest("option");
      if (option) return (option as HTMLOptionElement).selected && visible(option.closest("select")!);
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const id = e.getAttribute("data-testid") ?? e.id;
        parts.unshift(e.tagName.toLowerCase() + (id ? `#${id}` : ""));
      }
      return parts.join(" > ");
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.nodeValue ?? "").trim();
      const el = n.parentElement;
      if (!text || !el || skipped(el) || !visible(el)) continue;
      out.push({ text, where: where(el) });
    }
    for (const el of document.body.querySelectorAll("[placeholder], [aria-label], [title], [alt]")) {
      if (skipped(el) || !visible(el)) continue;
      for (const name of ["placeholder", "aria-label", "title", "alt"]) {
        const text = el.getAttribute(name)?.trim();
        if (text) out.push({ text, where: `${where(el)} @${name}` });
      }
    }
    // An SVG chart's title is its accessible name (role="img"), read out like a text.
    for (const t of document.body.querySelectorAll("svg title")) {
      const text = t.textContent?.trim();
      if (text && !skipped(t)) out.push({ text, where: `${where(t.parentElement!)} > title` });
    }
    const ids = [...document.querySelectorAll("[data-question]")].map((q) => q.getAttribute("data-question")!);
    return { out, ids };
  });
  const id = new RegExp(`(?<![\\p{L}\\d_])(?:${found.ids.map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)"})(?![\\p{L}\\d_])`, "gu");
  return found.out.map((f) => ({ ...f, text: f.text.replace(id, " ") }));
}

/** The words of a text that would be English in a Kazakh interface. */
function latinWords(text: string): string[] {
  let rest = text.replace(/[\w.+-]+@[\w.-]+\.\w+/g, " "); // e-mail addresses
  for (const name of NAMES) rest = rest.split(name).join(" ");
  // Latin letters only: the À–ÿ range also holds × and ÷, signs of no language.
  return (rest.match(/\p{Script=Latin}[\p{Script=Latin}0-9'-]*/gu) ?? []).filter((w) => !CODES.test(w));
}

function englishInKazakh(found: Found[]) {
  return found.filter((f) => latinWords(f.text).length > 0).map((f) => `${f.where}: ${JSON.stringify(f.text)}`);
}

function englishInFrench(found: Found[]) {
  return found
    .filter((f) => {
      let rest = f.text;
      for (const name of NAMES) rest = rest.split(name).join(" ");
      return (rest.match(/[A-Za-z']+/g) ?? []).some((w) => ENGLISH_UI.has(w.toLowerCase()));
    })
    .map((f) => `${f.where}: ${JSON.stringify(f.text)}`);
}

/** The locale cookie, as the language switcher sets it (without storing the choice on the user,
 *  whom other tests sign in as). */
async function inLanguage(page: Page, locale: "en" | "kk" | "fr") {
  await page.context().addCookies([{ name: "locale", value: locale, url: new URL(page.url()).origin }]);
}

async function signedIn(browser: Browser, email: string, locale: "en" | "kk" | "fr") {
  const page = await loggedInPage(browser, email);
  await inLanguage(page, locale);
  return page;
}

/** Opens a page, waits for it to be complete, and returns the English texts found on it. */
async function measure(page: Page, url: string | null, check: (found: Found[]) => string[]) {
  if (url) await page.goto(url);
  await page.waitForLoadState("networkidle");
  const found = await visibleTexts(page);
  expect(found.length, `${page.url()}: visible texts`).toBeGreaterThan(5);
  test.info().annotations.push({ type: "measured", description: `${new URL(page.url()).pathname}: ${found.length} texts` });
  return check(found).map((f) => `${new URL(page.url()).pathname}: ${f}`);
}

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
