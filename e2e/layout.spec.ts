// Layout of the form: no page-wide sideways scroll from 1 024 px up, grids in their own scroll area
// with sticky headers and first column, compact rows; interviews completed on a tablet and on a
// phone with taps near the bottom edge of the screen, each acting where it lands.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { gotoForm, login, loggedInPage, ownRows } from "./helpers";

const CHAPTER_4 = "/cepej/2022-2024/KZ/4";
/** The tallest row of Q091 (2.1, ~290 characters) at 1 280 px: 98.6 px measured here (about 110 px
 *  when the label column stopped at 320 px). */
const MAX_ROW_1280 = 104;

for (const width of [1280, 1024]) {
  test(`chapter 4 at ${width} px: the page does not scroll sideways; grids scroll in place under sticky headers; figure cells are compact`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await login(page, "correspondent.kz@example.org");
    await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
    await gotoForm(page, CHAPTER_4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);

    // The widest grid of the chapter scrolls in its own area; its headers and row labels stay put.
    const sticky = await page.evaluate(() => {
      const wraps = [...document.querySelectorAll<HTMLElement>(".grid-wrap")];
      const wide = wraps.find((w) => w.scrollWidth > w.clientWidth) ?? null;
      // Rows are compact enough now that at 1 280 px no grid of the chapter may outgrow its area:
      // then the widest is given a lower one, to scroll it downwards under its header.
      const tall = wraps.find((w) => w.scrollHeight > w.clientHeight) ?? (wide && ((wide.style.maxHeight = "240px"), wide));
      const result = { wide: !!wide, tall: !!tall, headerStays: true, labelStays: true };
      if (tall) {
        tall.scrollTop = tall.scrollHeight;
        const th = tall.querySelector("thead th")!;
        result.headerStays = Math.abs(th.getBoundingClientRect().top - tall.getBoundingClientRect().top) <= 2;
      }
      if (wide) {
        wide.scrollLeft = wide.scrollWidth;
        const th = wide.querySelector("tbody th")!;
        result.labelStays = Math.abs(th.getBoundingClientRect().left - wide.getBoundingClientRect().left) <= 2;
      }
      return result;
    });
    expect(sticky).toEqual({ wide: true, tall: true, headerStays: true, labelStays: true });
    // A figure cell is compact: about 32 px; with last cycle's figure beneath (Kazakhstan has a
    // previous reply), one short line more. (Rows whose long labels wrap are as tall as the label.)
    const heights = (p: Page) =>
      p
        .locator("#q-091 tbody tr:not(.total-row) td[data-cell] .num-cell")
        .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().height)));
    for (const h of await heights(page)) expect(h).toBeLessThanOrEqual(48);
    await context.close();

    const fr = await browser.newContext({ viewport: { width, height: 800 } });
    const frPage = await fr.newPage();
    await login(frPage, "correspondent.fr@example.org");
    await expect(frPage.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
    await gotoForm(frPage, "/cepej/2022-2024/FR/4");
    for (const h of await heights(frPage)) expect(h).toBeLessThanOrEqual(34);
    await fr.close();
  });
}

// Q091's row labels are long (2.1: ~290 characters). The label column takes a share of the grid's
// width (36 %, between 140 and 420 px), so that a label wraps to a few lines instead of seven:
// rows stay compact on a laptop, and on a tablet or a phone the figures still show beside it.
test("Q091's row labels use the grid's width: compact rows at 1 280 px, figures beside the labels at 768 and 390 px", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  for (const [width, tallest] of [
    [1280, MAX_ROW_1280],
    [768, Infinity],
    [390, Infinity],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await gotoForm(page, CHAPTER_4);
    const m = await page.locator("#q-091 .grid-wrap").evaluate((wrap) => {
      const box = wrap.getBoundingClientRect();
      const rows = [...wrap.querySelectorAll("tbody tr")].map((tr) => tr.getBoundingClientRect().height);
      const label = wrap.querySelector("tbody th")!.getBoundingClientRect();
      const figure = wrap.querySelector("tbody td[data-cell] .num-input input")!.getBoundingClientRect();
      return { wrap: box.width, rows, label: label.width, figureVisible: figure.left >= label.right - 1 && figure.left + 40 <= box.right };
    });
    expect(Math.max(...m.rows), `${width} px: the tallest row`).toBeLessThanOrEqual(tallest);
    expect(m.label, `${width} px: the label column`).toBeGreaterThanOrEqual(Math.max(Math.min(140, m.wrap), m.wrap * 0.38));
    expect(m.label, `${width} px: the label column`).toBeLessThanOrEqual(Math.max(140, m.wrap * 0.4));
    expect(m.figureVisible, `${width} px: a figure beside the labels`).toBe(true);
  }
});

const radio = (page: Page, q: string, value: string) => page.locator(`[data-cell="${q}"] input[type=radio][value="${value}"]`);

/** Assigns an unassigned 2026 household of Almaty: the `nth` of this worker's (ownRows). */
async function assignOne(browser: Browser, nth: number) {
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026&status=unassigned&region=ALA");
  const row = (await ownRows(supervisor.getByTestId("households")))[nth];
  const householdId = (await row.getAttribute("data-household"))!;
  await row.getByRole("checkbox").check();
  await supervisor.getByLabel("Interviewer").selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: "Assign 1 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText(/^1 households? assigned\.$/);
  await supervisor.context().close();
  return householdId;
}

/** Brings an element just above the bottom edge of the screen (8 px), without moving anything else. */
const nearBottom = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const target = el.closest("label") ?? el;
    scrollTo(0, target.getBoundingClientRect().bottom + scrollY + 8 - innerHeight);
  });

for (const device of [
  { name: "tablet", viewport: { width: 768, height: 1024 }, nth: 5 },
  { name: "phone", viewport: { width: 390, height: 844 }, nth: 6 },
]) {
  test(`an interview completed on a ${device.name} (${device.viewport.width} px) with taps near the bottom edge`, async ({ browser }) => {
    test.setTimeout(120_000);
    const householdId = await assignOne(browser, device.nth);
    const context = await browser.newContext({ viewport: device.viewport, hasTouch: true, isMobile: device.name === "phone" });
    const page = await context.newPage();
    await login(page, "interviewer@example.org");
    await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
    await page.goto("/survey");
    const href = (await page.getByTestId("my-assignments").getByRole("link", { name: householdId }).getAttribute("href"))!;
    await gotoForm(page, href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);

    const choices: [string, string][] = [
      ["result", "1"],
      ["sex", "2"],
      ["education", "3"],
      ["employment", "2"],
      ["safe_day", "1"],
      ["safe_night", "2"],
      ["crime_trend", "2"],
      ["trust_prosecutor", "1"],
      ["trust_police", "2"],
      ["trust_anticorruption", "1"],
      ["trust_econ_investigation", "8"],
      ["trust_courts", "2"],
      ["trust_fire", "1"],
      ...["theft", "fraud", "robbery", "assault", "vehicle", "burglary", "road"].map((k) => [`victim_${k}`, "2"] as [string, string]),
    ];
    for (const [q, value] of choices) {
      const selector = `[data-cell="${q}"] input[type=radio][value="${value}"]`;
      await nearBottom(page, selector);
      const top = () => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().top));
      const y = await top();
      // A finger-sized target.
      expect(await page.locator(selector).evaluate((el) => (el.closest("label") ?? el).getBoundingClientRect().height), q).toBeGreaterThanOrEqual(44);
      await page.locator(selector).tap();
      await expect(radio(page, q, value), q).toBeChecked();
      // Nothing moved under the finger (the page may scroll to keep it so when something above grows).
      expect(await top(), q).toBe(y);
    }
    await page.locator('[data-cell="interview_date"] input').fill(new Date().toISOString().slice(0, 10));
    await page.locator('[data-cell="age"] input[type=text]').fill("41");
    await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
    const complete = page.getByRole("button", { name: "Complete the interview" });
    await complete.evaluate((b) => scrollTo(0, b.getBoundingClientRect().bottom + scrollY + 8 - innerHeight));
    await complete.tap();
    await expect(page.getByTestId("interview-status")).toHaveText("completed");

    await gotoForm(page, href);
    for (const [q, value] of choices) await expect(radio(page, q, value), q).toBeChecked();
    await context.close();
  });
}
