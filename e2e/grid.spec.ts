// Grids behave like a spreadsheet: arrows, Enter, Tab, Home/End between cells, one tab stop per
// figure (NA/NAP typed), Escape and Ctrl+Z, and a block pasted from a spreadsheet in every writing
// of a figure. On France's reply in progress, chapter 4, Q091 (no other spec edits it there).
import { expect, test, type Page } from "@playwright/test";
import { gotoForm, login } from "./helpers";

const CHAPTER_4 = "/cepej/2022-2024/FR/4";
const API = "/api/cycles/2022-2024/replies/FR/answers";
const input = (page: Page, key: string) => page.locator(`[data-cell="091:${key}"] .num-input input`);
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>("[data-cell]")?.dataset.cell ?? document.activeElement?.tagName);
const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText(/^All (changes|answers) saved$/, { timeout: 15_000 });
const COLS = ["pending_start", "incoming", "resolved", "pending_end"];
const ROWS = ["r1", "r2", "r2_1"];

/** Empties the cells this spec writes, through the form, and waits for the save. */
async function clear(page: Page, keys: string[]) {
  for (const key of keys) {
    const box = page.locator(`[data-cell="091:${key}"] label.status input:checked`);
    if (await box.count()) await box.click();
    await input(page, key).fill("");
  }
  await input(page, keys[0]).blur();
  await saved(page);
}

test.describe.configure({ mode: "serial" });

test("arrows, Enter, Tab and Home/End move between cells; NA and NAP are typed; Escape and Ctrl+Z put values back", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await login(page, "correspondent.fr@example.org");
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
  await gotoForm(page, CHAPTER_4);
  await clear(page, ["r3:incoming", "r3:resolved", "r4:incoming", "r4:resolved"]);

  // One tab stop per cell: the NA/NAP boxes are out of the tab order, named after their cell.
  const na = page.locator('[data-cell="091:r1:incoming"] label.status input').first();
  await expect(na).toHaveAttribute("tabindex", "-1");
  await expect(na).toHaveAttribute("aria-label", /^NA — 091 1\. Civil .* \/ Incoming cases$/);

  await input(page, "r1:pending_start").click();
  const path: [string, string][] = [
    ["ArrowRight", "091:r1:incoming"],
    ["ArrowDown", "091:r2:incoming"],
    ["Enter", "091:r2_1:incoming"],
    ["Shift+Enter", "091:r2:incoming"],
    ["Home", "091:r2:pending_start"],
    ["End", "091:r2:older_2y"],
    ["ArrowLeft", "091:r2:pending_end"],
    ["ArrowUp", "091:r1:pending_end"],
    ["Tab", "091:r1:older_2y"],
    ["Tab", "091:r2:pending_start"],
    ["Shift+Tab", "091:r1:older_2y"],
  ];
  for (const [key, cell] of path) {
    await page.keyboard.press(key);
    expect(await focused(page), key).toBe(cell);
  }

  // Typed NA and NAP become the cell's status when the cell is left, by Tab or Enter.
  await input(page, "r3:incoming").click();
  await page.keyboard.type("NA");
  await expect(page.getByTestId("error-091:r3:incoming")).toHaveCount(0); // half-way through a status word: no error
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("091:r3:resolved");
  await page.keyboard.type("nap");
  await page.keyboard.press("Enter");
  expect(await focused(page)).toBe("091:r4:resolved");
  await expect(input(page, "r3:incoming")).toHaveValue("");
  await expect(input(page, "r3:incoming")).toHaveAttribute("placeholder", "NA");
  await expect(page.locator('[data-cell="091:r3:incoming"] label.status input').first()).toBeChecked();
  await expect(page.locator('[data-cell="091:r3:resolved"] label.status input').nth(1)).toBeChecked();

  // Escape puts back the value the cell had when it was entered.
  await page.keyboard.type("42");
  await page.keyboard.press("Enter"); // r4:resolved = 42
  await input(page, "r4:resolved").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("9999");
  await page.keyboard.press("Escape");
  await expect(input(page, "r4:resolved")).toHaveValue("42");
  // Ctrl+Z undoes the last edit, then the one before.
  await page.keyboard.press("Control+z");
  await expect(input(page, "r4:resolved")).toHaveValue("");
  await page.keyboard.press("Control+z");
  await expect(input(page, "r3:resolved")).not.toHaveAttribute("placeholder", "NAP"); // NAP undone
  await expect(page.locator('[data-cell="091:r3:resolved"] label.status input').nth(1)).not.toBeChecked();
  await expect(input(page, "r3:incoming")).toHaveAttribute("placeholder", "NA");
  await saved(page);
  const stored = (await (await page.request.get(API)).json()).answers;
  expect(stored["091:r3:incoming"].answer).toEqual({ num: null, text: null, status: "NA" });
  expect(stored["091:r3:resolved"]?.answer?.status ?? null).toBeNull();
  await clear(page, ["r3:incoming"]);
  await context.close();
});

test("a 3 × 4 block pasted from a spreadsheet fills the range in every writing of a figure; what does not read is marked; one Ctrl+Z undoes it", async ({
  browser,
}) => {
  // A German browser: "1.234" groups thousands with a point there.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  await login(page, "correspondent.fr@example.org");
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
  await gotoForm(page, CHAPTER_4);
  const keys = ROWS.flatMap((r) => COLS.map((c) => `${r}:${c}`));
  await clear(page, keys);
  await input(page, "r1:pending_start").fill("5");
  await input(page, "r1:pending_start").blur();
  await saved(page);

  const block = ["1 234\t1,234\t1\u00a0234\tNA", "1.234\tNAP\t\t5 cases", "12\t1.234,5\tnap\t7", ""].join("\r\n");
  await input(page, "r1:pending_start").focus();
  await input(page, "r1:pending_start").evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);

  const figure = "1\u00a0234";
  const expected: Record<string, [string, string]> = {
    "r1:pending_start": [figure, ""],
    "r1:incoming": [figure, ""],
    "r1:resolved": [figure, ""],
    "r1:pending_end": ["", "NA"],
    "r2:pending_start": [figure, ""],
    "r2:incoming": ["", "NAP"],
    "r2:resolved": ["", ""],
    "r2:pending_end": ["5 cases", ""],
    "r2_1:pending_start": ["12", ""],
    "r2_1:incoming": ["1.234,5", ""],
    "r2_1:resolved": ["", "NAP"],
    "r2_1:pending_end": ["7", ""],
  };
  for (const [key, [value, status]] of Object.entries(expected)) {
    await expect(input(page, key), key).toHaveValue(value);
    if (status) await expect(input(page, key), key).toHaveAttribute("placeholder", status);
  }
  // Marked, not dropped: the two cells that are not figures keep their text with an error.
  for (const key of ["r2:pending_end", "r2_1:incoming"]) {
    await expect(input(page, key)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId(`error-091:${key}`)).toBeVisible();
  }
  await expect(page.getByTestId("pasted-091")).toHaveText("12 cells pasted; 2 are not figures and are marked.");

  // One Ctrl+Z takes the whole paste back.
  await page.keyboard.press("Control+z");
  for (const key of keys) await expect(input(page, key), key).toHaveValue(key === "r1:pending_start" ? "5" : "");
  await expect(input(page, "r2:incoming")).not.toHaveAttribute("placeholder", "NAP");
  await saved(page);

  // Pasted again and the two corrected: what was read is stored, and only that.
  await input(page, "r1:pending_start").evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await input(page, "r2:pending_end").fill("5");
  await input(page, "r2_1:incoming").fill("1234");
  await input(page, "r2_1:incoming").blur();
  await saved(page);
  const stored = (await (await page.request.get(API)).json()).answers;
  const answer = (key: string) => stored[`091:${key}`]?.answer ?? null;
  expect(answer("r1:pending_start")).toEqual({ num: 1234, text: null, status: null });
  expect(answer("r1:incoming")).toEqual({ num: 1234, text: null, status: null });
  expect(answer("r1:pending_end")).toEqual({ num: null, text: null, status: "NA" });
  expect(answer("r2:pending_start")).toEqual({ num: 1234, text: null, status: null });
  expect(answer("r2:incoming")).toEqual({ num: null, text: null, status: "NAP" });
  expect(answer("r2_1:pending_start")).toEqual({ num: 12, text: null, status: null });
  expect(answer("r2_1:resolved")).toEqual({ num: null, text: null, status: "NAP" });
  expect(answer("r2_1:pending_end")).toEqual({ num: 7, text: null, status: null });
  await clear(page, keys);
  await context.close();
});
