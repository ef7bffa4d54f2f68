// Issue 17, the interviewer's device:
// - an interview reassigned to another interviewer while answers typed offline wait on the device:
//   back online the device says so, says the answers were not accepted, keeps them visible and
//   downloadable, and discards its copy only when the interviewer confirms;
// - the interview's own address, /survey/interviews/<id>, opened offline: the interview opens from
//   the device, answers typed survive a reload offline, and reach the server after reconnection.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { gotoForm, loggedInPage } from "./helpers";
import { assignSome, deviceRow, newInterviewer, openOnDevice, openOnceOnline, prefill, sexAndAge } from "./device-helpers";

test("offline: an interview reassigned meanwhile is said so; its unsent answers stay visible and downloadable until discarded on confirmation", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const tablet = interviewer.context();
  const [taken] = await assignSome(browser, interviewer, 1);
  await prefill(interviewer, taken.id);
  await openOnceOnline(interviewer, [taken.household]);

  await tablet.setOffline(true);
  await openOnDevice(interviewer, taken.household);
  await sexAndAge(interviewer, "58");
  await interviewer.getByRole("link", { name: "My interviews on this device" }).click();
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("2 answers / 0 interviews waiting to be sent");

  // Meanwhile the supervisor gives the household to another of their interviewers (a new one).
  const { name } = await newInterviewer(browser);
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026");
  const otherId = Number(await supervisor.getByLabel("Interviewer").locator("option", { hasText: name }).getAttribute("value"));
  const moved = await supervisor.request.post("/api/survey/assign", { data: { ids: [taken.id], interviewerId: otherId } });
  expect(moved.status(), await moved.text()).toBe(200);

  // Back online: the server refuses the answers; the device keeps them and says why.
  await tablet.setOffline(false);
  const row = deviceRow(interviewer, taken.household);
  await expect(row).toContainText("no longer assigned to you", { timeout: 10_000 });
  await expect(row).toContainText("Not accepted by the server");
  // Kept, not waiting: nothing of it will be sent again (and no sync is retried for it).
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent");
  await openOnDevice(interviewer, taken.household);
  const alert = interviewer.getByTestId("device-taken-away");
  await expect(alert).toContainText("This interview is no longer assigned to you");
  await expect(interviewer.getByTestId("device-not-accepted")).toContainText("2 answers typed here were not accepted by the server");
  await expect(interviewer.getByTestId("device-not-accepted")).toContainText("Age in completed years");
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("58");
  await expect(interviewer.getByRole("button", { name: "Complete the interview" })).toHaveCount(0);
  // Nothing of it reached the server.
  await gotoForm(supervisor, `/survey/interviews/${taken.id}`);
  await expect(supervisor.locator('[data-cell="result"] input[type=radio][value="1"]')).toBeChecked();
  await expect(supervisor.locator('[data-cell="age"] input[type=text]')).toHaveValue("");

  const [download] = await Promise.all([interviewer.waitForEvent("download"), alert.getByRole("button", { name: "Download what was not sent" }).click()]);
  const file = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(file).toMatchObject({ household: taken.household, answers: { age: { num: 58 }, sex: { text: "2" } } });

  // Declining the confirmation keeps the copy; confirming discards it.
  let asked = "";
  interviewer.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await alert.getByRole("button", { name: "Discard the copy on this device" }).click();
  await expect.poll(() => asked).toContain("The 2 answers typed here and not accepted will be lost");
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("58");
  interviewer.once("dialog", (d) => void d.accept());
  await alert.getByRole("button", { name: "Discard the copy on this device" }).click();
  await expect(interviewer).toHaveURL(/\/survey\/device$/);
  await expect(interviewer.getByTestId("device-assignments").or(interviewer.getByText("No interviews are stored"))).toBeVisible();
  await expect(deviceRow(interviewer, taken.household)).toHaveCount(0);
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent");
});

test("offline: /survey/interviews/<id> opens from the device; answers survive a reload offline and reach the server after reconnection", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const tablet = interviewer.context();
  const [h] = await assignSome(browser, interviewer, 1);
  await prefill(interviewer, h.id);
  await openOnceOnline(interviewer, [h.household]);

  await tablet.setOffline(true);
  // Playwright cuts the service worker's network a moment after the page's: until then the worker
  // still reaches the server and the server's page comes back (seen once). Asked again, the worker
  // answers with the device's page.
  await expect(async () => {
    await gotoForm(interviewer, `/survey/interviews/${h.id}`);
    await expect(interviewer.getByTestId("device-status")).toContainText("Offline", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(interviewer).toHaveURL(new RegExp(`/survey/interviews/${h.id}$`));
  await expect(interviewer.getByRole("heading", { level: 1, name: `Interview ${h.household}` })).toBeVisible();
  await sexAndAge(interviewer, "63");
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("2 answers / 0 interviews waiting to be sent");

  await interviewer.reload();
  await interviewer.locator("body[data-form-ready]").waitFor({ state: "attached" });
  await expect(interviewer).toHaveURL(new RegExp(`/survey/interviews/${h.id}$`));
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("63");
  await expect(interviewer.locator('[data-cell="sex"] input[type=radio][value="2"]')).toBeChecked();

  await tablet.setOffline(false);
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent", { timeout: 10_000 });
  // On the server, as the supervisor sees it.
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await gotoForm(supervisor, `/survey/interviews/${h.id}`);
  await expect(supervisor.locator('[data-cell="age"] input[type=text]')).toHaveValue("63");
  await expect(supervisor.locator('[data-cell="sex"] input[type=radio][value="2"]')).toBeChecked();
  // Online again, the interview's address is the server's page.
  await gotoForm(interviewer, `/survey/interviews/${h.id}`);
  await expect(interviewer.getByTestId("device-status")).toHaveCount(0);
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("63");
});
