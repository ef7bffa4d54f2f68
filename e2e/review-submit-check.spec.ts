// The submit check: every item, grouped by chapter and question with counts, each cell named by
// its row and column, worded for its question type, and linked to the cell itself.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";

const API = "/api/cycles/2022-2024/replies/BE";

test("a refused submission lists every item by chapter and question; a link focuses the cell", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  const put = await admin.request.put(`${API}/answers`, {
    data: { changes: [{ cell: "001", value: { num: 11_500_000, text: null, status: null }, baseVersion: 0 }] },
  });
  expect(put.status()).toBe(200);

  await admin.goto("/cepej/2022-2024/BE");
  await admin.getByRole("button", { name: "Submit the reply" }).click();
  const blockers = admin.getByTestId("blockers");
  await expect(blockers).toBeVisible({ timeout: 20_000 });
  await expect(admin.getByTestId("reply-status")).toHaveText("In progress");

  // Nothing cut: as many lines as the server's refusal has items (far more than 200).
  const refusal = await admin.request.post(`${API}/transitions`, { data: { action: "submit" } });
  expect(refusal.status()).toBe(422);
  const details: { chapter: string }[] = (await refusal.json()).details;
  expect(details.length).toBeGreaterThan(200);
  await expect(blockers.locator("li")).toHaveCount(details.length);
  const inChapter1 = details.filter((d) => d.chapter === "1").length;
  await expect(admin.getByTestId("blockers-count-1")).toContainText(`${inChapter1} items`);

  // Readable names and the wording of the question's type.
  const total = blockers.locator('[data-cell-link="006:total:approved"]');
  await expect(total).toHaveText(/^TOTAL - Annual public budget allocated to the functioning of all courts .* \/ Approved budget \(in €\)$/);
  await expect(blockers).not.toContainText("(006:total:approved)");
  const choice = admin.getByTestId("blockers-q-018");
  await expect(choice).toContainText("Not answered: choose an option.");
  await expect(choice).not.toContainText("give a figure, NA or NAP");

  // The link opens the chapter with that very cell focused.
  await total.click();
  await expect(admin).toHaveURL(/\/cepej\/2022-2024\/BE\/1\?focus=006%3Atotal%3Aapproved#q-006$/);
  await expect(admin.locator('[data-cell="006:total:approved"] input[type=text]')).toBeFocused({ timeout: 20_000 });
});
