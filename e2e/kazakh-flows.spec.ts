// The work of each role done in Kazakh from start to end (issue 16), every page on the way measured
// (e2e/text-measure.ts): no visible English, and numbers written as Kazakh writes them. A supervisor
// assigns; an interviewer enters a whole interview through the form, the supervisor rejects it with
// a comment, the interviewer replies, corrects and completes, the supervisor approves; another
// interview for a respondent who answers in Russian; a correspondent meets a validation message and
// the submit check in a CEPEJ chapter; a reporting body files its 1-M; the administrator's pages,
// an imported interview's history among them; and the survey team's pages in Russian.
import { expect, test, type Page } from "@playwright/test";
import { gotoForm } from "./helpers";
import { englishInKazakh, measure, signedIn, type Found } from "./text-measure";
import { form1mChanges } from "../testing/form-1m-report";
import kk from "../messages/kk.json";
import ru from "../messages/ru.json";

const today = new Date().toISOString().slice(0, 10);
/** Answers that keep the follow-up questions off (safe, trusting, no offence). */
const CHOICES: Record<string, string> = {
  result: "1",
  sex: "2",
  education: "5",
  employment: "1",
  safe_day: "1",
  safe_night: "2",
  crime_trend: "2",
  trust_prosecutor: "1",
  trust_police: "2",
  trust_anticorruption: "1",
  trust_econ_investigation: "8",
  trust_courts: "2",
  trust_fire: "1",
  ...Object.fromEntries(["theft", "fraud", "robbery", "assault", "vehicle", "burglary", "road"].map((k) => [`victim_${k}`, "2"])),
};

/** Numbers written the English way in a Kazakh or Russian page: a decimal point (516.79, 18.9 %; a
 *  date 15.01.2026 and a row number 1.1 are not ones), or five digits and more without a group space. */
function englishNumbers(found: Found[]) {
  const english = /(?<![\d.,\p{L}_-])(?:\d+\.\d{2,}|\d+\.\d+(?=\s*%)|\d{5,})(?![\d.,\p{L}_-])/u;
  return found.filter((f) => english.test(f.text)).map((f) => `${f.where}: number ${JSON.stringify(f.text)}`);
}
const inKazakh = (found: Found[]) => [...englishInKazakh(found), ...englishNumbers(found)];

/** Every answer clicked or typed in the form, as an interviewer at the door. */
async function enterInterview(page: Page, age: string, saved: string) {
  for (const [question, code] of Object.entries(CHOICES)) {
    await page.locator(`[data-cell="${question}"] input[type=radio][value="${code}"]`).check();
    if (question === "result") await page.locator('[data-cell="interview_date"] input').fill(today);
    if (question === "sex") await page.locator('[data-cell="age"] input[type=text]').fill(age);
  }
  await expect(page.getByTestId("save-state")).toHaveText(saved, { timeout: 15_000 });
}

/** Assigns households far down the unassigned list (other specs take the first ones) to the demo
 *  interviewer; returns their ids. Counted from the end, a row keeps its place while others go. */
async function assign(supervisor: Page, fromEnd: number[], english: string[]) {
  english.push(...(await measure(supervisor, "/survey?wave=2026&status=unassigned", inKazakh)));
  const rows = supervisor.getByTestId("households").locator("tbody tr");
  const n = await rows.count();
  expect(n).toBeGreaterThan(20);
  const picked = fromEnd.map((i) => rows.nth(n - i));
  const households = await Promise.all(picked.map(async (r) => (await r.getAttribute("data-household"))!));
  for (const r of picked) await r.getByRole("checkbox").check();
  await supervisor.getByLabel(kk.survey.interviewer, { exact: true }).selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: kk.survey.assignSelected.replace("{count}", String(fromEnd.length)) }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toBeVisible();
  english.push(...(await measure(supervisor, null, inKazakh)));
  return households;
}

/** The page as a phone (390 px) and a desk (1280 px) show it, for a person to look at. */
async function shots(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: test.info().outputPath(`kk-${name}-${width}.png`), fullPage: true });
  }
}

async function interviewOf(interviewer: Page, household: string) {
  await interviewer.goto("/survey");
  const href = await interviewer.getByTestId("my-assignments").getByRole("link", { name: household, exact: true }).getAttribute("href");
  return href!;
}

test.describe("Қазақша, бастан аяғына дейін", () => {
  test("an interview in Kazakh: entered, rejected with a comment, answered, corrected, completed and approved", async ({ browser }) => {
    // Two people, nine pages, a whole questionnaire typed twice: more than a minute on a loaded runner (it ran out at 60 s).
    test.setTimeout(120_000);
    const english: string[] = [];
    const supervisor = await signedIn(browser, "supervisor@example.org", "kk");
    const [household] = await assign(supervisor, [3], english);

    const interviewer = await signedIn(browser, "interviewer@example.org", "kk");
    const url = await interviewOf(interviewer, household);
    english.push(...(await measure(interviewer, null, inKazakh)));
    await gotoForm(interviewer, url);
    await expect(interviewer.locator('section[data-question="result"] h3')).toContainText("Бару нәтижесі");
    // Completing too early: the refusal and each question's message in Kazakh.
    await interviewer.getByRole("button", { name: kk.survey.interview.complete }).click();
    await expect(interviewer.getByTestId("interview-error")).toContainText("Жауапты немесе түзетуді қажет ететін сұрақтар:");
    await expect(interviewer.getByTestId("interview-error").locator("li").first()).toContainText("Жауап жоқ:");
    english.push(...(await measure(interviewer, null, inKazakh)));
    await shots(interviewer, "interview-errors");
    await enterInterview(interviewer, "34", kk.form.saved);
    english.push(...(await measure(interviewer, null, inKazakh)));
    await interviewer.getByRole("button", { name: kk.survey.interview.complete }).click();
    await expect(interviewer.getByTestId("interview-status")).toHaveText(kk.survey.states.completed);

    // The supervisor rejects it with a comment on the age.
    await gotoForm(supervisor, url);
    await supervisor.getByLabel(kk.survey.interview.question.replace("{n}", "1"), { exact: true }).selectOption("age");
    await supervisor.getByLabel(kk.survey.interview.comment.replace("{n}", "1"), { exact: true }).fill("Жасы 34 пе? Құжатпен тексеріңіз.");
    english.push(...(await measure(supervisor, null, inKazakh)));
    await supervisor.getByRole("button", { name: kk.survey.interview.reject, exact: true }).click();
    await expect(supervisor.getByTestId("interview-status")).toHaveText(kk.survey.states.rejected);

    // The interviewer finds it first, replies at the question, corrects the age and completes.
    await interviewer.goto("/survey");
    await expect(interviewer.getByTestId("rejected-alert")).toBeVisible();
    english.push(...(await measure(interviewer, null, inKazakh)));
    await gotoForm(interviewer, url);
    const notes = interviewer.getByTestId("notes-age");
    await expect(notes).toContainText("Құжатпен тексеріңіз");
    await notes.getByRole("textbox").first().fill("Куәлік бойынша тексерілді: 43.");
    await notes.getByRole("button", { name: kk.survey.interview.sendReply }).click();
    await expect(notes.locator('[data-testid^="reply-"]')).toContainText("Куәлік бойынша тексерілді");
    const age = interviewer.locator('[data-cell="age"] input[type=text]');
    await age.fill("43");
    await age.press("Tab");
    await expect(interviewer.getByTestId("save-state")).toHaveText(kk.form.saved, { timeout: 15_000 });
    english.push(...(await measure(interviewer, null, inKazakh)));
    await interviewer.getByRole("button", { name: kk.survey.interview.complete }).click();
    await expect(interviewer.getByTestId("interview-status")).toHaveText(kk.survey.states.completed);

    // The supervisor reads the reply and approves; the history tells the whole story in Kazakh.
    await gotoForm(supervisor, url);
    await expect(supervisor.getByTestId("notes-age")).toContainText("Куәлік бойынша тексерілді");
    english.push(...(await measure(supervisor, null, inKazakh)));
    await supervisor.getByRole("button", { name: kk.survey.interview.approve, exact: true }).click();
    await expect(supervisor.getByTestId("interview-status")).toHaveText(kk.survey.states.approved);
    const history = supervisor.locator(".history li");
    await expect(history.last()).toContainText(`${kk.survey.states.completed} → ${kk.survey.states.approved}`);
    await expect(history.first()).toContainText(/^\d\d\.\d\d\.\d{4} \d\d:\d\d/);
    english.push(...(await measure(supervisor, null, inKazakh)));
    expect(english).toEqual([]);
  });

  test("an interview for a respondent who answers in Russian: the questions in Russian, the interface in Kazakh, the language recorded", async ({
    browser,
  }) => {
    test.setTimeout(90_000); // a whole questionnaire typed: it ran out at 60 s on a loaded runner
    const english: string[] = [];
    const supervisor = await signedIn(browser, "supervisor@example.org", "kk");
    const [household] = await assign(supervisor, [6], english);
    const interviewer = await signedIn(browser, "interviewer@example.org", "kk");
    await gotoForm(interviewer, await interviewOf(interviewer, household));
    await interviewer.getByTestId("interview-language").getByRole("combobox").selectOption("ru");
    await expect(interviewer.locator('section[data-question="result"] h3')).toContainText("Результат посещения");
    await expect(interviewer.getByRole("button", { name: kk.survey.interview.complete })).toBeVisible();
    await enterInterview(interviewer, "58", kk.form.saved);
    // The questionnaire's texts are marked Russian (lang="ru"); the interface around them is Kazakh.
    await expect(interviewer.locator('[lang="ru"] section[data-question="age"]')).toBeVisible();
    english.push(...(await measure(interviewer, null, inKazakh)));
    await interviewer.getByRole("button", { name: kk.survey.interview.complete }).click();
    await expect(interviewer.getByTestId("interview-status")).toHaveText(kk.survey.states.completed);

    const paradata = (await (await supervisor.request.get("/api/survey/waves/2026/paradata?format=csv")).text()).replace(/^\ufeff/, "").split("\r\n");
    const column = paradata[0].split(",").indexOf("interview_language");
    expect(paradata.find((l) => l.startsWith(`${household},`))?.split(",")[column]).toBe("ru");
    expect(english).toEqual([]);
  });

  test("a correspondent's CEPEJ chapter: a validation message and the submit check in Kazakh, the questionnaire in English", async ({ browser }) => {
    const page = await signedIn(browser, "correspondent.kz@example.org", "kk");
    const english = await measure(page, "/cepej/2022-2024/KZ", inKazakh);
    await gotoForm(page, "/cepej/2022-2024/KZ/1");
    const cell = page.locator('[data-cell="001"] input[type=text]');
    const before = await cell.inputValue();
    await cell.fill("12 345x");
    await expect(page.locator('[id="error-001"]')).toHaveText(kk.rules.notANumber);
    english.push(...(await measure(page, null, inKazakh)));
    await cell.fill(before); // nothing of this test stays in the reply
    await expect(page.locator('[id="error-001"]')).toHaveCount(0);

    await page.goto("/cepej/2022-2024/KZ");
    await page.getByRole("button", { name: kk.workflow.submit }).click();
    await expect(page.getByTestId("blockers")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("reply-status")).toHaveText(new RegExp(`^(${Object.values(kk.reply.status).join("|")})$`));
    english.push(...(await measure(page, null, inKazakh)));
    await shots(page, "submit-check");
    expect(english).toEqual([]);
  });

  test("a reporting body opens, fills and submits its 1-M in Kazakh", async ({ browser }) => {
    const reporter = await signedIn(browser, "reporter@example.org", "kk");
    const english = await measure(reporter, "/reports", inKazakh);
    // A quarter for a monthly form: refused in Kazakh, with the kind of period it wants.
    await reporter.getByLabel(kk.reports.period, { exact: true }).fill("2015-Q2");
    await reporter.getByRole("button", { name: kk.reports.fileOther }).click();
    await expect(reporter.getByText("«2015-Q2» — 1-M нысанының есепті кезеңі емес: айды көрсетіңіз, мысалы 2026-03.", { exact: true })).toBeVisible();
    english.push(...(await measure(reporter, null, inKazakh)));
    await reporter.getByLabel(kk.reports.period, { exact: true }).fill("2015-06");
    await reporter.getByRole("button", { name: kk.reports.fileOther }).click();
    await expect(reporter).toHaveURL(/\/reports\/\d+$/);
    const url = reporter.url();
    const put = await reporter.request.put(`/api/reports/${url.split("/").pop()}/answers`, { data: { changes: form1mChanges() } });
    expect(put.status(), await put.text()).toBe(200);
    await gotoForm(reporter, url);
    english.push(...(await measure(reporter, null, inKazakh)));
    await reporter.getByRole("button", { name: kk.reports.submit }).click();
    await expect(reporter.getByTestId("filing-status")).toContainText(kk.reports.status.submitted);
    english.push(...(await measure(reporter, null, inKazakh)));
    await shots(reporter, "1m-submitted");
    english.push(...(await measure(reporter, "/reports", inKazakh)));
    expect(english).toEqual([]);
  });

  test("the administrator's pages, an imported interview's history among them", async ({ browser }) => {
    const admin = await signedIn(browser, "admin@example.org", "kk");
    // An interview imported from a file: its history starts with the state "imported".
    const wave = await admin.request.post("/api/survey/waves", { data: { year: 2033, fieldworkStart: "2025-10-01", fieldworkEnd: "2025-11-30" } });
    expect(wave.status()).toBe(201);
    const lines = (await (await admin.request.get("/api/survey/waves/2025/microdata?format=csv")).text()).replace(/^\ufeff/, "").split("\r\n");
    const imported = await admin.request.post("/api/survey/waves/2033/interviews/import?addHouseholds=1", {
      headers: { "content-type": "text/csv" },
      data: `${lines[0]}\r\n${lines[1]}\r\n`,
    });
    expect(imported.status(), await imported.text()).toBe(200);
    const english = await measure(admin, "/survey?wave=2033", inKazakh);
    await admin.getByTestId("households").locator("tbody tr a").first().click();
    await expect(admin.locator(".history li").first()).toContainText(`${kk.survey.states.imported} → ${kk.survey.states.approved}`);
    english.push(...(await measure(admin, null, inKazakh)));
    await shots(admin, "imported-interview");

    for (const url of [
      "/admin/analysis",
      "/cepej/2022-2024/dashboard",
      "/admin/translations",
      "/admin/cycles/2022-2024",
      "/cepej/2022-2024/KZ/indicators",
      "/cepej/2022-2024/KZ/quality",
      "/survey/quality?wave=2025",
      "/survey/waves/2025/results",
      "/analysis/unrecorded-crime",
      "/account/tokens",
    ])
      english.push(...(await measure(admin, url, inKazakh)));
    expect(english).toEqual([]);
  });
});

test.describe("Русский", () => {
  test("the survey team's pages in Russian: the list, an interview and the quality of fieldwork", async ({ browser }) => {
    const supervisor = await signedIn(browser, "supervisor@example.org", "ru");
    const english = await measure(supervisor, "/survey?wave=2025", inKazakh);
    await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(ru.survey.title.replace("{wave}", "2025"));
    await supervisor.getByTestId("households").locator("tbody tr a").first().click();
    await supervisor.locator("body[data-form-ready]").waitFor({ state: "attached" });
    await expect(supervisor.getByTestId("interview-status")).toHaveText(ru.survey.states.approved);
    english.push(...(await measure(supervisor, null, inKazakh)));
    english.push(...(await measure(supervisor, "/survey/quality?wave=2025", inKazakh)));
    english.push(...(await measure(supervisor, "/survey/waves/2025/results", inKazakh)));
    expect(english).toEqual([]);
  });
});
