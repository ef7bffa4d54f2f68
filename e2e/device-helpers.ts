// Steps shared by the specs of the interviewer's device (offline-reject, offline-device): households
// assigned by the supervisor, answers a tablet already holds, the survey opened once online (service
// worker, offline page and device store ready), and the device's list.
import { expect, type Browser, type Page } from "@playwright/test";
import { loggedInPage, ownRows, unique } from "./helpers";

const today = new Date().toISOString().slice(0, 10);
const code = (text: string) => ({ num: null, text, status: null });
/** Everything of a valid UDN interview but the respondent's sex and age. */
export const ANSWERS: Record<string, { num: number | null; text: string | null; status: null }> = {
  result: code("1"),
  interview_date: code(today),
  education: code("4"),
  employment: code("1"),
  safe_day: code("2"),
  safe_night: code("3"),
  unsafe_reasons: code('["1","4"]'),
  crime_trend: code("2"),
  trust_prosecutor: code("1"),
  trust_police: code("2"),
  trust_anticorruption: code("3"),
  trust_econ_investigation: code("2"),
  trust_courts: code("1"),
  trust_fire: code("1"),
  distrust_reasons: code('["1","4"]'),
  victim_theft: code("1"),
  reported_theft: code("2"),
  victim_fraud: code("2"),
  victim_robbery: code("2"),
  victim_assault: code("2"),
  victim_vehicle: code("2"),
  victim_burglary: code("2"),
  victim_road: code("2"),
  not_reported_reason: code('["1"]'),
};
export const SEX_AND_AGE = { sex: code("1"), age: { num: 41, text: null, status: null } };

export type Interviewer = { email: string; name: string; password: string };
export const DEMO_INTERVIEWER: Interviewer = { email: "interviewer@example.org", name: "Survey Interviewer", password: "demo-password" };

/** A new interviewer of the demo supervisor, created by the administrator. A test that signs its
 *  interviewer out needs its own: signing out ends every session of that user, on every device,
 *  and would sign out the demo interviewer of the tests running beside it. */
export async function newInterviewer(browser: Browser): Promise<Interviewer> {
  const admin = await loggedInPage(browser, "admin@example.org");
  const user = { email: unique("interviewer"), name: `Interviewer ${Date.now().toString(36)}`, password: "password-123456" };
  await admin.goto("/admin/users");
  const form = admin.getByTestId("user-form-create");
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption("interviewer");
  await form.getByLabel("Regions").fill("AST, ALA");
  await form.locator('select[name="supervisorId"]').selectOption({ label: "Survey Supervisor" });
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("status")).toContainText(`User ${user.email} created.`, { timeout: 30_000 });
  await admin.context().close();
  return user;
}

/** `count` unassigned households of 2026 (picked at random: other specs take some too) assigned to
 *  the interviewer (the demo one unless told) by the supervisor; their row ids, from the interviewer's list. */
export async function assignSome(
  browser: Browser,
  interviewer: Page,
  count: number,
  to: Interviewer = DEMO_INTERVIEWER,
): Promise<{ id: number; household: string }[]> {
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026&status=unassigned");
  const rows = await ownRows(supervisor.getByTestId("households"));
  expect(rows.length).toBeGreaterThan(10);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(5 + Math.floor(Math.random() * (rows.length - 5)));
  const households: string[] = [];
  for (const i of picked) {
    households.push((await rows[i].getAttribute("data-household"))!);
    await rows[i].getByRole("checkbox").check();
  }
  await supervisor.getByLabel("Interviewer").selectOption({ label: to.name });
  await supervisor.getByRole("button", { name: `Assign ${count} selected` }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText(`${count} household${count > 1 ? "s" : ""} assigned.`);
  await supervisor.context().close();
  await interviewer.goto("/survey");
  return Promise.all(
    households.map(async (household) => {
      const href = await interviewer.getByTestId("my-assignments").getByRole("link", { name: household, exact: true }).getAttribute("href");
      return { id: Number(href!.split("/").pop()), household };
    }),
  );
}

/** Online, through the API the form uses: answers saved on the server (a tablet that already holds them). */
export async function prefill(page: Page, id: number, answers: Record<string, unknown> = ANSWERS) {
  const put = await page.request.put(`/api/survey/interviews/${id}/answers`, {
    data: { changes: Object.entries(answers).map(([cell, value]) => ({ cell, value, baseVersion: 0 })) },
  });
  expect(put.status(), await put.text()).toBe(200);
}

/** The survey opened once online: the service worker in control, the offline page cached, the device store filled. */
export async function openOnceOnline(page: Page, households: string[]) {
  await page.goto("/survey");
  await expect(page.getByTestId("device-last-sync")).toContainText("last sync", { timeout: 15_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(async () => !!(await (await caches.open("survey-device-shell")).match("/survey/device"))), { timeout: 15_000 })
    .toBe(true);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  await page.goto("/survey/device");
  for (const h of households) await expect(deviceRow(page, h)).toBeVisible();
}

export const deviceRow = (page: Page, household: string) => page.getByTestId("device-assignments").locator(`tr[data-household="${household}"]`);

export async function openOnDevice(page: Page, household: string) {
  await page.getByTestId("device-assignments").getByRole("link", { name: household, exact: true }).click();
  await page.locator("body[data-form-ready]").waitFor({ state: "attached" });
}

export async function sexAndAge(page: Page, age: string) {
  await page.locator('[data-cell="sex"] input[type=radio][value="2"]').check();
  await page.locator('[data-cell="age"] input[type=text]').fill(age);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
}
