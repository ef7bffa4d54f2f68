// The interface's language, measured (e2e/kazakh.spec.ts explains the measure): the visible texts
// of a page, and the ones that would be English in a Kazakh or French interface.
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
  // A statistics package's name and its script's file type (the microdata's Stata do-file, "do-файл").
  "Stata do",
  "Stata",
  "do-",
  // Tools a script is written with, as the API token page names them.
  "R, Python, curl",
  // The log-journal's action codes, as its search field's example gives them.
  "login, report.",
];
/** Codes written with Latin letters in every language. */
const CODES = /^(?:[A-Z][A-Z0-9-]*|n|r\d+(?:_\d+)*)$/; // r10, r1_1: the rows of form 1-M

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

export type Found = { text: string; where: string };

/** Visible texts of the page that are not marked English (lang="en") or data (translate="no"),
 *  with the questionnaire's question ids (q1, safe_day, result) taken out: those are its codes. */
export async function visibleTexts(page: Page): Promise<Found[]> {
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
export function latinWords(text: string): string[] {
  let rest = text.replace(/[\w.+-]+@[\w.-]+\.\w+/g, " "); // e-mail addresses
  for (const name of NAMES) rest = rest.split(name).join(" ");
  // Latin letters only: the À–ÿ range also holds × and ÷, signs of no language.
  return (rest.match(/\p{Script=Latin}[\p{Script=Latin}0-9'-]*/gu) ?? []).filter((w) => !CODES.test(w));
}

export function englishInKazakh(found: Found[]) {
  return found.filter((f) => latinWords(f.text).length > 0).map((f) => `${f.where}: ${JSON.stringify(f.text)}`);
}

export function englishInFrench(found: Found[]) {
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
export async function inLanguage(page: Page, locale: "en" | "kk" | "ru" | "fr") {
  await page.context().addCookies([{ name: "locale", value: locale, url: new URL(page.url()).origin }]);
}

export async function signedIn(browser: Browser, email: string, locale: "en" | "kk" | "ru" | "fr") {
  const page = await loggedInPage(browser, email);
  await inLanguage(page, locale);
  return page;
}

/** Opens a page, waits for it to be complete, and returns the English texts found on it. */
export async function measure(page: Page, url: string | null, check: (found: Found[]) => string[]) {
  if (url) await page.goto(url);
  // A form being filled in never falls quiet (autosave, paradata): on a page already open, a settled
  // load is enough; after a navigation, wait for its requests.
  if (url) await page.waitForLoadState("networkidle");
  else await page.waitForLoadState("load");
  const found = await visibleTexts(page);
  expect(found.length, `${page.url()}: visible texts`).toBeGreaterThan(5);
  test.info().annotations.push({ type: "measured", description: `${new URL(page.url()).pathname}: ${found.length} texts` });
  return check(found).map((f) => `${new URL(page.url()).pathname}: ${f}`);
}
