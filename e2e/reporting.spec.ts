// Legal-statistics reporting as the Committee's staff and a regional body would use it.
import { expect, test, type Page } from "@playwright/test";
import { loggedInPage } from "./helpers";
import { form1mChanges } from "../testing/form-1m-report";

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"] input[type=text]`);

/** Opens (or finds) the reporter's 1-M report of a period through the reports page; returns its id. */
async function openPeriod(page: Page, period: string) {
  await page.goto("/reports");
  await page.getByLabel("Period").fill(period);
  await page.getByRole("button", { name: "Open another period" }).click();
  await expect(page).toHaveURL(/\/reports\/\d+$/);
  return page.url().split("/").pop()!;
}

/** Fills the report like a body would: the headline rows in the form, the rest through the API. */
async function fillReport(page: Page) {
  const id = page.url().split("/").pop();
  await cell(page, "q1:total:period").fill("150");
  await cell(page, "q1:r1:period").fill("100");
  await cell(page, "q1:r2:period").fill("50");
  await expect(page.getByTestId("sum-q1:total:period")).toHaveText("Σ 150");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  const stored = (await (await page.request.get(`/api/reports/${id}/answers`)).json()).answers;
  const typed = ["q1:total:period", "q1:r1:period", "q1:r2:period"];
  const changes = form1mChanges((key) => stored[key]?.version ?? 0).filter((c) => !typed.includes(c.cell));
  const put = await page.request.put(`/api/reports/${id}/answers`, { data: { changes } });
  expect(put.status(), await put.text()).toBe(200);
  await page.reload();
}

test("the legal deadline of a form is public, with reasons for bad periods", async ({ request }) => {
  const ok = await request.get("/api/report-forms/1/deadline?period=2026-03");
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ form: 1, code: "1-M", period: "2026-03", due: "2026-04-06", filingDue: "2026-04-02" });
  const quarter = await request.get("/api/report-forms/1/deadline?period=2025-Q4");
  expect(quarter.status()).toBe(400);
  expect((await quarter.json()).error).toContain("monthly");
  expect((await request.get("/api/report-forms/1/deadline?period=March")).status()).toBe(400);
  expect((await request.get("/api/report-forms/99/deadline?period=2026-03")).status()).toBe(404);
});

test("a body files 1-M on time and another period late; the Committee sees both, and the journal", async ({ browser }) => {
  test.setTimeout(120_000);
  const reporter = await loggedInPage(browser, "reporter@example.org");
  await reporter.goto("/reports");
  await reporter
    .locator(`[data-testid="deadlines"] tr[data-period="${month(0)}"]`)
    .getByRole("button", { name: "File the report" })
    .click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  await fillReport(reporter);
  // A last correction, submitted at once without waiting for the autosave: it is saved first.
  await cell(reporter, "q1:r1_1:period").fill("9");
  await cell(reporter, "q1:r1:period").fill("99");
  await cell(reporter, "q1:total:period").fill("149");
  await reporter.getByRole("button", { name: "Submit the report" }).click();
  await expect(reporter.getByTestId("filing-status")).toHaveText("submitted on time");
  const filed = (await (await reporter.request.get(`/api/reports/${reporter.url().split("/").pop()}/answers`)).json()).answers;
  expect(["total", "r1", "r1_1"].map((r) => filed[`q1:${r}:period`].answer.num)).toEqual([149, 99, 9]);

  await reporter.goto("/reports");
  await reporter.getByLabel("Period").fill(month(-2));
  await reporter.getByRole("button", { name: "Open another period" }).click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  await fillReport(reporter);
  await reporter.getByRole("button", { name: "Submit the report" }).click();
  await expect(reporter.getByTestId("filing-status")).toHaveText(/submitted \d+ days late/);

  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto(`/admin/reports?region=AST`);
  const table = admin.getByTestId("compliance");
  await expect(table.locator(`tr[data-period="${month(-2)}"]`)).toContainText(/late by \d+ days/);
  await admin.goto(`/admin/reports?state=overdue`);
  await expect(admin.getByTestId("compliance").locator("tr.state-overdue").first()).toContainText("overdue");
  await admin.goto("/admin/audit?action=report.submit");
  await expect(admin.getByTestId("audit")).toContainText("reporter@example.org");
});

test("a written request is registered and answered on time; other channels are left without consideration", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/requests");
  const form = admin.getByTestId("request-form");
  await form.getByLabel("Requester", { exact: true }).fill("Ministry of Internal Affairs");
  await form.getByLabel("Signatory").fill("Deputy Minister A. B.");
  await form.getByLabel("Period requested").fill("2025");
  await form.getByLabel("Requested indicators").fill("Registered thefts by region");
  await form.getByRole("button", { name: "Register the request" }).click();
  await expect(form.getByRole("status")).toContainText("registered");
  const row = admin.getByTestId("requests").locator("tr", { hasText: "Registered thefts by region" });
  await row.getByRole("textbox").fill("Sent by e-document No. 17");
  await row.getByRole("button", { name: "Answer" }).click();
  await expect(admin.getByTestId("requests").locator("tr", { hasText: "Registered thefts by region" })).toContainText("answered");

  await form.getByLabel("Requester", { exact: true }).fill("A journalist");
  await form.getByLabel("Signatory").fill("—");
  await form.getByLabel("Channel").selectOption("other");
  await form.getByLabel("Period requested").fill("2024");
  await form.getByLabel("Requested indicators").fill("Murders in 2024 (by messenger)");
  await form.getByRole("button", { name: "Register the request" }).click();
  await expect(admin.getByTestId("requests").locator("tr", { hasText: "Murders in 2024" })).toContainText("left without consideration");
  await admin.goto("/admin/audit?action=request");
  await expect(admin.getByTestId("audit")).toContainText("request.answer");
});

test("open data: registered crimes by region download without login", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const csv = await page.request.get("/api/open-data/registered-crimes?format=csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("ALA,Almaty city,2025,22150");
  expect(text).toContain("AST,Astana city,2025,16045");
  const json = await (await page.request.get("/api/open-data/registered-crimes?format=json")).json();
  expect(json.metadata).toMatchObject({ title: "Registered criminal offences by region", unit: "criminal offences registered" });
  await page.goto("/open-data");
  await expect(page.getByTestId("crimes")).toContainText("Almaty city (22,150), Astana city (16,045), Almaty region (8,746)");
  await expect(page.getByRole("img", { name: "Registered criminal offences, 10 years" })).toBeVisible();
});

test("open data also lists the published survey waves and the validated CEPEJ indicators", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/open-data");
  await expect(page.getByTestId("survey-open")).toContainText("Wave 2025");
  await expect(page.getByTestId("survey-open")).not.toContainText("Wave 2026"); // in fieldwork, not published
  await expect(page.getByTestId("cepej-open")).toContainText("2020-2022 · Kazakhstan");
  const json = await (await page.request.get("/api/open-data/cepej-indicators?format=json")).json();
  const judges = json.data.find((r: { country: string; indicator: string }) => r.country === "KZ" && r.indicator.startsWith("judges"));
  expect(judges?.value).toBe(12.68);
  expect(json.data.every((r: { cycle: string }) => r.cycle === "2020-2022" || r.cycle)).toBe(true);
});

test("a reporter's home shows their upcoming deadlines", async ({ browser }) => {
  const reporter = await loggedInPage(browser, "reporter@example.org");
  await reporter.goto("/");
  await expect(reporter.getByTestId("home-deadlines")).toContainText(/1-M for \d{4}-\d{2}: due \d{4}-\d{2}-\d{2}/);
});

test("a figure typed while the form is still loading is kept: the inputs wait for the form", async ({ browser }) => {
  const reporter = await loggedInPage(browser, "reporter@example.org");
  const id = await openPeriod(reporter, month(-4));
  // The page's scripts arrive 2 s late, as on a slow connection; the server-rendered inputs show at once.
  await reporter.route("**/_next/static/chunks/**", async (r) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await r.continue();
  });
  await reporter.reload({ waitUntil: "commit" });
  await cell(reporter, "q1:r3:period").fill("7");
  await expect(reporter.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(cell(reporter, "q1:r3:period")).toHaveValue("7");
  const stored = (await (await reporter.request.get(`/api/reports/${id}/answers`)).json()).answers;
  expect(stored["q1:r3:period"]?.answer.num).toBe(7);
});

test("a figure typed into a report submitted meanwhile (another tab) says why it is not saved, and is not resent on a timer", async ({ browser }) => {
  const reporter = await loggedInPage(browser, "reporter@example.org");
  const api = `/api/reports/${await openPeriod(reporter, month(-5))}`;
  await reporter.locator("body[data-form-ready]").waitFor({ state: "attached" });
  // The other tab: the whole report filled and submitted.
  expect((await reporter.request.put(`${api}/answers`, { data: { changes: form1mChanges() } })).status()).toBe(200);
  expect((await reporter.request.post(`${api}/transitions`, { data: { action: "submit" } })).status()).toBe(200);

  let puts = 0;
  reporter.on("request", (r) => void (r.method() === "PUT" && r.url().endsWith(`${api}/answers`) && puts++));
  await cell(reporter, "q1:r3:period").fill("5");
  await expect(reporter.getByTestId("save-state")).toHaveText(
    "Not saved: The report has been submitted; it can change again only if the Committee returns it.",
  );
  await reporter.waitForTimeout(3_000);
  expect(puts).toBe(1);
});
