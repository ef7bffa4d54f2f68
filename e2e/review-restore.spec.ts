// Restoring a value from a cell's history: it is in the form at once, and clicking again does not
// restore it twice.
import { expect, test } from "@playwright/test";
import { gotoForm, loggedInPage } from "./helpers";

const API = "/api/cycles/2022-2024/replies/AT";

test("a restored value appears in the form at once; repeated clicks restore it once", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const put = async (value: number, baseVersion: number) => {
    const r = await admin.request.put(`${API}/answers`, { data: { changes: [{ cell: "001", value: { num: value, text: null, status: null }, baseVersion }] } });
    expect(r.status()).toBe(200);
  };
  await put(8_900_000, 0);
  await put(9_100_000, 1);

  await gotoForm(admin, "/cepej/2022-2024/AT/1");
  const input = admin.locator('[data-cell="001"] input[type=text]');
  await expect(input).toHaveValue("9\u00a0100\u00a0000");
  const tools = admin.getByTestId("review-001");
  await tools.locator("summary").click();
  const history = admin.getByTestId("history-001");
  await history.getByRole("button", { name: "History", exact: true }).click();
  const restore = history.getByRole("button", { name: /8\s?900\s?000/ });
  await expect(restore).toBeVisible();
  await restore.dblclick();
  await expect(input).toHaveValue("8\u00a0900\u00a0000");
  await expect(admin.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });

  const entries = (await (await admin.request.get(`${API}/history?cell=001`)).json()).history as { new: { num: number } | null }[];
  expect(entries.map((e) => e.new?.num)).toEqual([8_900_000, 9_100_000, 8_900_000]);
  const stored = (await (await admin.request.get(`${API}/answers`)).json()).answers["001"];
  expect(stored.answer.num).toBe(8_900_000);
});
