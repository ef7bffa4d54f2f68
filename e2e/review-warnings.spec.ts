// Warnings are explained one by one: the comment, then a confirmation per warning, stored with the
// reply; the server refuses a submission for the warnings that are not confirmed.
import { expect, test } from "@playwright/test";
import { gotoForm, loggedInPage } from "./helpers";

const API = "/api/cycles/2022-2024/replies/PT";
const num = (n: number) => ({ num: n, text: null, status: null });

test("each warning is confirmed on its own, survives a reload, and the server agrees", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  // Q006: both totals differ from the sum of their parts.
  const parts = ["r1", "r2", "r2_1", "r2_2", "r3", "r4", "r5", "r6", "r7"];
  const changes = [
    { cell: "006:total:approved", value: num(10) },
    { cell: "006:total:implemented", value: num(20) },
    ...parts.flatMap((r) => [
      { cell: `006:${r}:approved`, value: num(r === "r1" ? 4 : 0) },
      { cell: `006:${r}:implemented`, value: num(r === "r1" ? 5 : 0) },
    ]),
  ].map((c) => ({ ...c, baseVersion: 0 }));
  expect((await admin.request.put(`${API}/answers`, { data: { changes } })).status()).toBe(200);

  await gotoForm(admin, "/cepej/2022-2024/PT/1");
  // Each warning under its total's cell.
  const issues = admin.locator("#q-006 .cell-issues");
  await expect(issues.locator(".issue.warning")).toHaveCount(2);
  await expect(admin.getByTestId("issue-006:total:implemented").locator(".issue.warning")).toHaveCount(1);
  await expect(issues.first()).toContainText("Explain it in the comment, then confirm it here.");

  // A comment alone explains neither warning.
  await admin.getByLabel("006 Comments").fill("Approved figures rounded by the Ministry of Finance.");
  const approved = admin.getByTestId("explains-sumMismatch@006:total:approved");
  const implemented = admin.getByTestId("explains-sumMismatch@006:total:implemented");
  await expect(approved).not.toBeChecked();
  await expect(issues.locator(".issue.warning")).toHaveCount(2);

  // Confirmed for the approved total only.
  await approved.check();
  await expect(issues.locator(".issue.explained")).toHaveCount(1);
  await expect(issues.locator(".issue.warning")).toHaveCount(1);
  await expect(admin.locator('[data-cell="006:total:approved"]')).toHaveAttribute("data-issue", "explained");
  await expect(admin.locator('[data-cell="006:total:implemented"]')).toHaveAttribute("data-issue", "warning");
  await expect(admin.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });

  // Stored with the reply: after a reload, and on the server's side.
  await admin.reload();
  await admin.locator("body[data-form-ready]").waitFor({ state: "attached" });
  await expect(approved).toBeChecked();
  await expect(implemented).not.toBeChecked();
  const stored = (await (await admin.request.get(`${API}/answers`)).json()).answers["006#explains"];
  expect(JSON.parse(stored.answer.text)).toEqual(["sumMismatch@006:total:approved"]);
  const refusal = await admin.request.post(`${API}/transitions`, { data: { action: "submit" } });
  const warnings = ((await refusal.json()).details as { code: string; cell: string }[]).filter((d) => d.code === "sumMismatch").map((d) => d.cell);
  expect(warnings).toEqual(["006:total:implemented"]);
});
