// Fieldwork (issues 17, 16): a rejected interview comes first for the interviewer, who answers the
// supervisor's comment and completes it; the supervisor reads the reply and approves; the paradata
// of the interview is exported. An interviewer with the Kazakh interface interviews a respondent in
// Russian: the questionnaire's texts are Russian, the interface Kazakh, the microdata say ru. The
// supervisors' default wave stays the one in fieldwork when next year's wave is opened.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { gotoForm, loggedInPage, ownRows } from "./helpers";

const today = new Date().toISOString().slice(0, 10);
const v = (text: string) => ({ num: null, text, status: null });
const ANSWERS: Record<string, { num: number | null; text: string | null; status: null }> = {
  result: v("1"),
  interview_date: v(today),
  sex: v("1"),
  age: { num: 41, text: null, status: null },
  education: v("3"),
  employment: v("1"),
  safe_day: v("1"),
  safe_night: v("9"),
  crime_trend: v("2"),
  trust_prosecutor: v("1"),
  trust_police: v("2"),
  trust_anticorruption: v("1"),
  trust_econ_investigation: v("8"),
  trust_courts: v("1"),
  trust_fire: v("1"),
  ...Object.fromEntries(["theft", "fraud", "robbery", "assault", "vehicle", "burglary", "road"].map((k) => [`victim_${k}`, v("2")])),
};

/** The supervisor assigns one unassigned household of 2026 (picked at random among this worker's, ownRows: other specs take the first ones) to the demo interviewer. */
async function assignOne(supervisor: Page): Promise<{ householdId: string }> {
  await supervisor.goto("/survey?wave=2026&status=unassigned");
  const rows = await ownRows(supervisor.getByTestId("households"));
  expect(rows.length).toBeGreaterThan(10);
  const row = rows[5 + Math.floor(Math.random() * (rows.length - 5))];
  const householdId = (await row.getAttribute("data-household"))!;
  await row.getByRole("checkbox").check();
  await supervisor.getByLabel("Interviewer").selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: "Assign 1 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText("1 household assigned.");
  return { householdId };
}

/** The interview's row id, from the interviewer's list. */
async function interviewId(interviewer: Page, householdId: string): Promise<string> {
  await interviewer.goto("/survey");
  const href = await interviewer.getByTestId("my-assignments").getByRole("link", { name: householdId, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

async function fillAndComplete(page: Page, id: string) {
  const put = await page.request.put(`/api/survey/interviews/${id}/answers`, {
    data: { changes: Object.entries(ANSWERS).map(([cell, value]) => ({ cell, value, baseVersion: 0 })) },
  });
  expect(put.status(), await put.text()).toBe(200);
}

async function signedInKk(browser: Browser, email: string) {
  const page = await loggedInPage(browser, email);
  await page.context().addCookies([{ name: "locale", value: "kk", url: new URL(page.url()).origin }]);
  return page;
}

test("a rejected interview comes first; the interviewer replies to the comment and completes; the supervisor reads the reply and approves", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  const { householdId } = await assignOne(supervisor);
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const id = await interviewId(interviewer, householdId);
  await fillAndComplete(interviewer, id);
  await gotoForm(interviewer, `/survey/interviews/${id}`);
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("completed");

  await supervisor.goto(`/survey/interviews/${id}`);
  await supervisor.getByLabel("Question 1").selectOption("age");
  await supervisor.getByLabel("Comment 1").fill("Is 41 right? The household roster says 47.");
  await supervisor.getByRole("button", { name: "Reject" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("rejected");

  // Home: an alert with the count; the list: the rejected interviews before all others.
  await interviewer.goto("/");
  await expect(interviewer.getByTestId("home-rejected")).toContainText("sent back to you by the supervisor");
  await interviewer.getByTestId("home-rejected").getByRole("link").click();
  await expect(interviewer.getByTestId("rejected-alert")).toBeVisible();
  const statuses = await interviewer
    .getByTestId("my-assignments")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-household"), r.getAttribute("data-status")]));
  const firstOther = statuses.findIndex(([, s]) => s !== "rejected");
  const mine = statuses.findIndex(([h]) => h === householdId);
  expect(statuses[mine][1]).toBe("rejected");
  expect(firstOther === -1 || mine < firstOther).toBe(true);

  // The comment at its question, a reply to it; the age corrected in the form (paradata: a change).
  await gotoForm(interviewer, `/survey/interviews/${id}`);
  const notes = interviewer.getByTestId("notes-age");
  await expect(notes).toContainText("The household roster says 47.");
  await notes.getByLabel("Reply to the comment on age").fill("Checked with the ID card: 47, corrected.");
  await notes.getByRole("button", { name: "Send the reply" }).click();
  await expect(notes.locator('[data-testid^="reply-"]')).toContainText("Checked with the ID card: 47, corrected.");
  await interviewer.locator('[data-cell="age"] input[type=text]').fill("47");
  await interviewer.locator('[data-cell="age"] input[type=text]').press("Tab");
  await expect(interviewer.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("completed");

  await supervisor.goto(`/survey/interviews/${id}`);
  await expect(supervisor.getByTestId("notes-age").locator('[data-testid^="reply-"]')).toContainText("Checked with the ID card: 47, corrected.");
  await expect(supervisor.getByTestId("notes-age").getByRole("textbox")).toHaveCount(0);
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("approved");

  // Paradata: one row for the interview, with its duration, device and the change of the age.
  const csv = await (await supervisor.request.get("/api/survey/waves/2026/paradata?format=csv")).text();
  const header = csv
    .replace(/^\ufeff/, "")
    .split("\r\n")[0]
    .split(",");
  const line = csv.split("\r\n").find((l) => l.startsWith(`${householdId},`));
  expect(line, csv.slice(0, 500)).toBeTruthy();
  const cells = Object.fromEntries(header.map((h, i) => [h, line!.split(",")[i]]));
  expect(cells.status).toBe("approved");
  expect(cells.interview_language).toBe("en");
  expect(Number(cells.duration_seconds)).toBeGreaterThanOrEqual(0);
  expect(line).toContain("Chrome");
  expect(line).toMatch(/age=\d/);
  const quality = await supervisor.goto("/survey/quality?wave=2026&threshold=30");
  expect(quality!.status()).toBe(200);
  await expect(supervisor.getByTestId("quality").locator("tbody tr", { hasText: "Survey Interviewer" })).toBeVisible();
});

test("Kazakh interface, respondent in Russian: the questions in Russian, the interface in Kazakh; the microdata say ru", async ({ browser }) => {
  test.setTimeout(120_000);
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  const { householdId } = await assignOne(supervisor);
  const interviewer = await signedInKk(browser, "interviewer@example.org");
  const id = await interviewId(interviewer, householdId);
  await gotoForm(interviewer, `/survey/interviews/${id}`);
  await expect(interviewer.locator("html")).toHaveAttribute("lang", "kk");
  const language = interviewer.getByTestId("interview-language").getByRole("combobox");
  await expect(language).toHaveValue("kk");
  await expect(interviewer.locator('section[data-question="result"] h3')).toContainText("Бару нәтижесі");
  await language.selectOption("ru");
  await expect(interviewer.locator('section[data-question="result"] h3')).toContainText("Результат посещения");
  await expect(interviewer.locator('section[data-question="result"]').locator("xpath=ancestor::div[@lang][1]")).toHaveAttribute("lang", "ru");
  // the interface stays Kazakh
  await expect(interviewer.getByRole("button", { name: "Сұхбатты аяқтау" })).toBeVisible();
  await expect(interviewer.getByTestId("interview-language")).toContainText("Сұхбат тілі");
  await interviewer.reload();
  await expect(interviewer.locator('section[data-question="sex"] h3')).toContainText("Пол");

  await fillAndComplete(interviewer, id);
  await gotoForm(interviewer, `/survey/interviews/${id}`);
  await interviewer.getByRole("button", { name: "Сұхбатты аяқтау" }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("аяқталды");
  const approve = await supervisor.request.post(`/api/survey/interviews/${id}/transitions`, { data: { action: "approve" } });
  expect(approve.status(), await approve.text()).toBe(200);

  const admin = await loggedInPage(browser, "admin@example.org");
  const csv = await (await admin.request.get("/api/survey/waves/2026/microdata?format=csv")).text();
  const header = csv
    .replace(/^\ufeff/, "")
    .split("\r\n")[0]
    .split(",");
  expect(header.at(-1)).toBe("interview_language");
  const line = csv.split("\r\n").find((l) => l.startsWith(`${householdId},`))!;
  expect(line.split(",").at(-1)).toBe("ru");
  const codebook = await (await admin.request.get("/api/survey/waves/2026/microdata?format=codebook")).text();
  expect(codebook).toContain("interview_language,");
});

test("the supervisor's default wave stays the one in fieldwork when next year's wave is opened", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const next = new Date().getUTCFullYear() + 1;
  const r = await admin.request.post("/api/survey/waves", { data: { year: next, fieldworkStart: `${next}-10-01`, fieldworkEnd: `${next}-11-30` } });
  expect([200, 201, 409]).toContain(r.status());
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey");
  await expect(supervisor.getByRole("heading", { level: 1 })).toContainText("2026");
  await admin.goto("/survey");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("2026");
  await expect(admin.getByTestId("wave-admin").locator(`tr[data-wave="${next}"]`)).toBeVisible();
});
