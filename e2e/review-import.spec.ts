// Importing a reply file: a preview of what would change, a confirmation, one undo of the whole
// import; a file of another cycle or country is refused with the reason unless mapped explicitly.
import { expect, test, type Page } from "@playwright/test";
import { gotoForm, loggedInPage } from "./helpers";

const REPLY = "/cepej/2022-2024/DE";
const API = "/api/cycles/2022-2024/replies/DE";

const upload = (page: Page, name: string, content: unknown) =>
  page
    .getByTestId("import")
    .locator("input[type=file]")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });

type Stored = Record<string, { answer: { num: number | null; text: string | null; status: string | null } }>;
const stored = async (page: Page) => (await (await page.request.get(`${API}/answers`)).json()).answers as Stored;
/** The answers that hold a value (an undone cell keeps its row, empty). */
const values = (s: Stored) =>
  Object.fromEntries(
    Object.entries(s)
      .filter(([, v]) => v.answer.num !== null || v.answer.text !== null || v.answer.status !== null)
      .map(([k, v]) => [k, v.answer]),
  );

test("an import is previewed, confirmed, recorded per cell and undone at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  const source = JSON.parse(await (await admin.request.get("/api/cycles/2020-2022/replies/KZ/export?format=json")).text());
  const before = await stored(admin);

  // Kazakhstan's 2020 file, as it is: another cycle and country — refused with the reason.
  await admin.goto(REPLY);
  await upload(admin, "kz-2020.json", source);
  const refused = admin.getByTestId("import-refused");
  await expect(refused).toContainText("the file is the reply of cycle 2020-2022, not 2022-2024");
  await expect(refused).toContainText("the reply of KZ, not DE");
  expect(values(await stored(admin))).toEqual(values(before));

  // Mapped explicitly onto this reply: the preview counts the cells; nothing is written yet.
  await refused.getByRole("checkbox").check();
  const preview = admin.getByTestId("import-preview");
  await expect(preview).toContainText(/This file adds \d+, changes \d+ and clears \d+ cells of this reply\./);
  const added = Number((await preview.getByRole("status").textContent())!.match(/adds (\d+)/)![1]);
  expect(added).toBeGreaterThan(100);
  await expect(preview.locator("tbody tr")).toHaveCount(50);
  expect(values(await stored(admin))).toEqual(values(before));

  // Confirmed: the answers are the file's, each changed cell has its history entry.
  await preview.getByRole("button", { name: "Import these changes" }).click();
  const result = admin.getByTestId("import-result");
  await expect(result).toContainText("Imported:");
  const after = await stored(admin);
  expect(after["006:total:approved"].answer.num).toBe(source.answers["006:total:approved"].num);
  const history = await (await admin.request.get(`${API}/history?cell=${encodeURIComponent("006:total:approved")}`)).json();
  expect(history.history).toHaveLength(1);
  await gotoForm(admin, `${REPLY}/1`);
  await expect(admin.locator('[data-cell="006:total:approved"] input[type=text]')).toHaveValue("110\u00a0346\u00a0857");

  // One undo puts every cell back.
  await admin.goto(REPLY);
  await admin.getByTestId("import-last").getByRole("button", { name: "Undo this import" }).click();
  await expect(admin.getByTestId("import-result")).toContainText("Import undone");
  const undone = await stored(admin);
  expect(values(undone)).toEqual(values(before));
  await gotoForm(admin, `${REPLY}/1`);
  await expect(admin.locator('[data-cell="006:total:approved"] input[type=text]')).toHaveValue("");
});
