// Fieldwork without network, in Chromium with the network cut (context.setOffline): an interviewer
// who opened the survey once online reloads offline, opens an interview, answers, reloads (answers
// still there), opens the list, completes two interviews, closes the page, opens a new page offline
// (still there), goes online: within 10 s both interviews are on the server, completed, each
// exactly once. And the same with the network cut in the middle of the sync (the server applied the
// queue, the device never heard back): the retry applies nothing twice.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_INTERVIEWER, newInterviewer, openOnDevice, openOnceOnline, prefill, sexAndAge, type Interviewer } from "./device-helpers";
import { loggedInPage, ownRows } from "./helpers";

/** Two unassigned households of a region assigned to the interviewer by the supervisor; their row ids. */
async function assignTwo(
  browser: Browser,
  interviewer: Page,
  region: string,
  pick: "last" | "middle",
  to: Interviewer = DEMO_INTERVIEWER,
): Promise<{ id: number; household: string }[]> {
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto(`/survey?wave=2026&status=unassigned&region=${region}`);
  const rows = await ownRows(supervisor.getByTestId("households"));
  const n = rows.length;
  expect(n).toBeGreaterThan(5);
  const at = pick === "last" ? [n - 1, n - 2] : [Math.floor(n / 2), Math.floor(n / 2) + 1];
  const households: string[] = [];
  for (const i of at) {
    households.push((await rows[i].getAttribute("data-household"))!);
    await rows[i].getByRole("checkbox").check();
  }
  await supervisor.getByLabel("Interviewer").selectOption({ label: to.name });
  await supervisor.getByRole("button", { name: "Assign 2 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText("2 households assigned.");
  await supervisor.context().close();
  await interviewer.goto("/survey");
  return Promise.all(
    households.map(async (household) => {
      const href = await interviewer.getByTestId("my-assignments").getByRole("link", { name: household, exact: true }).getAttribute("href");
      return { id: Number(href!.split("/").pop()), household };
    }),
  );
}

/** On the server (the supervisor's view): the interview's status and how many times it was completed. */
async function onServer(context: BrowserContext, id: number): Promise<{ status: string; completions: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`/survey/interviews/${id}`);
    const status = (await page.getByTestId("interview-status").textContent())!;
    const completions = await page.locator(".history li", { hasText: "→ completed" }).count();
    return { status, completions };
  } finally {
    await page.close();
  }
}

test("offline: reload, answer, reload, complete two, close, reopen offline; online → both on the server once within 10 s", async ({ browser }) => {
  test.setTimeout(150_000);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const context = interviewer.context();
  const [a, b] = await assignTwo(browser, interviewer, "ALA", "last");
  await prefill(interviewer, a.id);
  await prefill(interviewer, b.id);
  await openOnceOnline(interviewer, [a.household, b.household]);

  await context.setOffline(true);
  await interviewer.goto("/survey"); // the server's page: the service worker answers with the device's
  await expect(interviewer.getByTestId("device-status")).toContainText("Offline");
  await openOnDevice(interviewer, a.household);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("in progress");
  await sexAndAge(interviewer, "37");
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("2 answers / 0 interviews waiting to be sent");
  await interviewer.reload();
  await interviewer.locator("body[data-form-ready]").waitFor({ state: "attached" });
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("37");
  await expect(interviewer.locator('[data-cell="sex"] input[type=radio][value="2"]')).toBeChecked();

  await interviewer.getByRole("link", { name: "My interviews on this device" }).click();
  await openOnDevice(interviewer, b.household);
  await sexAndAge(interviewer, "52");
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("device-assignments").locator(`tr[data-household="${b.household}"]`)).toContainText("completed on this device");
  await openOnDevice(interviewer, a.household);
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("device-assignments").locator(`tr[data-household="${a.household}"]`)).toContainText("completed on this device");
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 2 interviews waiting to be sent");

  await interviewer.close();
  const again = await context.newPage();
  await again.goto("/survey/device");
  await expect(again.getByTestId("device-waiting")).toHaveText("0 answers / 2 interviews waiting to be sent");
  for (const h of [a, b])
    await expect(again.getByTestId("device-assignments").locator(`tr[data-household="${h.household}"]`)).toContainText("completed on this device");

  await context.setOffline(false);
  const started = Date.now();
  await expect(again.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent", { timeout: 10_000 });
  const supervisor = (await loggedInPage(browser, "supervisor@example.org")).context();
  for (const h of [a, b]) expect(await onServer(supervisor, h.id)).toEqual({ status: "completed", completions: 1 });
  expect(Date.now() - started).toBeLessThan(10_000 + 30_000); // the supervisor's sign-in (a slow hash) is not the sync's time
  await again.reload();
  for (const h of [a, b]) await expect(again.getByTestId("device-assignments").locator(`tr[data-household="${h.household}"]`)).toContainText("completed");
});

test("offline: the network cut in the middle of the sync; the retry applies nothing twice", async ({ browser }) => {
  test.setTimeout(150_000);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const context = interviewer.context();
  const [c, d] = await assignTwo(browser, interviewer, "AST", "middle");
  await prefill(interviewer, c.id);
  await prefill(interviewer, d.id);
  await openOnceOnline(interviewer, [c.household, d.household]);

  await context.setOffline(true);
  for (const [h, age] of [
    [c, "41"],
    [d, "63"],
  ] as const) {
    await openOnDevice(interviewer, h.household);
    await sexAndAge(interviewer, age);
    await interviewer.getByRole("button", { name: "Complete the interview" }).click();
    await expect(interviewer.getByTestId("device-assignments").locator(`tr[data-household="${h.household}"]`)).toContainText("completed on this device");
  }

  // The first submit reaches the server and is applied; its answer is lost with the network.
  let cut = 0;
  await context.route("**/api/survey/interviews/submit", async (route) => {
    if (cut++ > 0) return route.continue();
    const response = await route.fetch();
    expect(response.status()).toBe(200);
    await context.setOffline(true);
    await route.abort("internetdisconnected");
  });
  await context.setOffline(false);
  await expect.poll(() => cut, { timeout: 10_000 }).toBe(1);
  const supervisor = (await loggedInPage(browser, "supervisor@example.org")).context();
  for (const h of [c, d]) expect(await onServer(supervisor, h.id)).toEqual({ status: "completed", completions: 1 });
  // the device did not hear back: both still wait
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 2 interviews waiting to be sent");

  await context.setOffline(false);
  const started = Date.now();
  await interviewer.getByRole("button", { name: "Send now" }).click();
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent", { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(cut).toBeGreaterThanOrEqual(2);
  // the resend was answered with the first outcome (applied once), not refused as "already completed"
  for (const h of [c, d]) {
    const row = interviewer.getByTestId("device-assignments").locator(`tr[data-household="${h.household}"]`);
    await expect(row.locator("td").nth(4)).toHaveText("completed");
    await expect(row).not.toContainText("Not accepted by the server");
  }
  for (const h of [c, d]) expect(await onServer(supervisor, h.id)).toEqual({ status: "completed", completions: 1 });
});

test("offline: an expired session never loses work; sign-out warns while work waits, clears the device once sent", async ({ browser }) => {
  test.setTimeout(150_000);
  // Its own interviewer: the sign-outs below end every session of the user, the other tests' too.
  const own = await newInterviewer(browser);
  const interviewer = await loggedInPage(browser, own.email, own.password);
  const context = interviewer.context();
  const [e] = await assignTwo(browser, interviewer, "ALA", "middle", own);
  await prefill(interviewer, e.id);
  await openOnceOnline(interviewer, [e.household]);

  await context.setOffline(true);
  await openOnDevice(interviewer, e.household);
  await interviewer.locator('[data-cell="age"] input[type=text]').fill("44");
  await expect(interviewer.getByTestId("save-state")).toHaveText("All changes saved");
  await interviewer.getByRole("link", { name: "My interviews on this device" }).click();
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("1 answer / 0 interviews waiting to be sent");

  // The session ends while the device is offline; back online, the queue is refused with 401.
  await context.clearCookies();
  await context.setOffline(false);
  await expect(interviewer.getByTestId("device-signed-out")).toContainText("Your session has expired", { timeout: 10_000 });
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("1 answer / 0 interviews waiting to be sent");

  // Signing out with unsent work warns; declining keeps everything.
  let warned = "";
  interviewer.once("dialog", (d) => {
    warned = d.message();
    void d.dismiss();
  });
  await interviewer.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => warned).toContain("1 item has not been sent yet");
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("1 answer / 0 interviews waiting to be sent");

  // Signed in again: the queue is sent.
  await interviewer.getByRole("link", { name: "Sign in again" }).click();
  await interviewer.getByLabel("Email").fill(own.email);
  await interviewer.getByLabel("Password").fill(own.password);
  await interviewer.getByRole("button", { name: "Sign in" }).click();
  await expect(interviewer).toHaveURL(/\/survey\/device$/, { timeout: 30_000 });
  await expect(interviewer.getByTestId("device-waiting")).toHaveText("0 answers / 0 interviews waiting to be sent", { timeout: 10_000 });
  const bundle = await (await interviewer.request.get("/api/survey/device")).json();
  expect(bundle.interviews.find((i: { id: number }) => i.id === e.id).answers.age.answer.num).toBe(44);

  // Nothing unsent: signing out clears the device's copy.
  await interviewer.getByRole("button", { name: "Sign out" }).click();
  await expect(interviewer).toHaveURL(/\/login/);
  const left = await interviewer.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("justice-stats-device");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("interviews")) return resolve(0);
          const count = db.transaction("interviews").objectStore("interviews").count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(left).toBe(0);
});
