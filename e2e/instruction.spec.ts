// The Instruction on legal statistics as the Committee and a regional body live it: a body sees its
// old overdue reports, the Committee places a period and open data publishes placed reports only,
// a request for screenshots is left without consideration, the calendar explains its holidays.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";
import { form1mChanges } from "../testing/form-1m-report";

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};

test("a reporter sees the body's report overdue since eight months ago, with its filing deadline and placement term", async ({ browser }) => {
  const reporter = await loggedInPage(browser, "reporter@example.org");
  await reporter.goto("/reports");
  const row = reporter.locator(`[data-testid="deadlines"] tr[data-period="${month(-8)}"]`);
  await expect(row).toHaveClass(/overdue/);
  await expect(row).toContainText("overdue");
  await expect(row.getByRole("button", { name: "File the report" })).toBeVisible();
  const terms = await (await reporter.request.get(`/api/report-forms/1/deadline?period=${month(-8)}`)).json();
  expect(terms.filingDue < terms.due).toBe(true);
});

test("the Committee consolidates and places a period; open data publishes placed reports only", async ({ browser }) => {
  test.setTimeout(120_000);
  const period = month(-9);
  const year = period.slice(0, 4);
  const reporter = await loggedInPage(browser, "reporter@example.org");
  await reporter.goto("/reports");
  await reporter.getByLabel("Period").fill(period);
  await reporter.getByRole("button", { name: "Open another period" }).click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  const api = `/api/reports/${reporter.url().split("/").pop()}`;
  const put = await reporter.request.put(`${api}/answers`, { data: { changes: form1mChanges() } });
  expect(put.status(), await put.text()).toBe(200);
  expect((await reporter.request.post(`${api}/transitions`, { data: { action: "submit" } })).status()).toBe(200);
  const total = (await (await reporter.request.get(`${api}/answers`)).json()).answers["q1:total:period"].answer.num;

  const openData = async () =>
    (await (await reporter.request.get(`/api/open-data/registered-crimes?format=json&year=${year}`)).json()).data as {
      region: string;
      period: string;
      registered: number;
    }[];
  expect((await openData()).filter((r) => r.period === period)).toEqual([]); // submitted, not placed

  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/placements");
  const row = admin.locator(`[data-testid="placements"] tr[data-period="${period}"]`);
  await expect(row).toContainText("1 of 20");
  await expect(row).toContainText(/placement overdue/);
  await row.getByRole("button", { name: "Consolidate and place" }).click();
  // The page shows the period placed: once, late (its placement term has passed), by whom.
  await expect(row).toContainText(/placed late by \d+ days/);
  await expect(row).toContainText("Administrator");
  await expect(row.getByRole("button", { name: "Consolidate and place" })).toHaveCount(0);

  const published = await openData();
  expect(published.filter((r) => r.period === period)).toEqual([
    expect.objectContaining({ region: "AST", regionName: "Astana city", period, registered: total }),
  ]);
  // A year still running is placed in part: provisional in JSON, CSV and SDMX-CSV, with the count of reports.
  const years = (await (await reporter.request.get("/api/open-data/registered-crimes?format=json")).json()).data as {
    region: string;
    period: string;
    provisional: boolean;
    reports: number;
    expectedReports: number;
  }[];
  const partial = years.find((r) => r.region === "AST" && r.period === year)!;
  expect(partial.provisional).toBe(true);
  expect(partial.reports).toBeLessThan(partial.expectedReports);
  expect(years.find((r) => r.region === "AST" && r.period === "2025")).toMatchObject({ provisional: false });
  expect(await (await reporter.request.get("/api/open-data/registered-crimes?format=csv")).text()).toMatch(
    new RegExp(`AST,Astana city,${year},\\d+,provisional,`),
  );
  expect(await (await reporter.request.get("/api/open-data/registered-crimes?format=sdmx-csv")).text()).toMatch(
    new RegExp(`,A,AST,CRIMES_REGISTERED,${year},\\d+,P,NUMBER`),
  );
  // Only placed periods: reports other tests submitted this year, not placed, stay out.
  expect(published.every((r) => r.period === period)).toBe(true);

  await admin.goto(`/admin/reports?region=AST&from=${period}-01&to=${period}-28`);
  await expect(admin.getByTestId("compliance").locator(`tr[data-period="${period}"] td[data-placement]`)).toContainText("placed late");
  await admin.goto("/admin/audit?action=place");
  await expect(admin.getByTestId("audit")).toContainText(`form 1 ${period}: 1 regions, 1 reports`);
});

test("a request for screenshots of accounting documents is left without consideration, with the reason", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/requests");
  const form = admin.getByTestId("request-form");
  await form.getByLabel("Requester", { exact: true }).fill("Law firm Adilet");
  await form.getByLabel("Signatory").fill("B. Nurlanov");
  await form.getByLabel("What is requested").selectOption("copies");
  await form.getByLabel("Period requested").fill("2025");
  await form.getByLabel("Requested indicators").fill("Screenshots of the registration cards of thefts in Astana");
  await form.getByRole("button", { name: "Register the request" }).click();
  await expect(form.getByRole("status")).toContainText("registered");
  const row = admin.getByTestId("requests").locator("tr", { hasText: "Screenshots of the registration cards" });
  await expect(row).toContainText("left without consideration");
  await expect(row.getByTestId("exclusion")).toHaveText("Reason: copies (screenshots) of accounting documents are not provided");
  await expect(row.getByRole("button", { name: "Answer" })).toHaveCount(0);
});

test("the calendar says which holiday rule applies in a year, and why", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/calendar?year=2027");
  const holidays = admin.getByTestId("holidays");
  await expect(holidays.locator('tr[data-date="2027-03-15"]')).toContainText("Constitution Day");
  await expect(holidays.locator('tr[data-date="2027-03-15"]')).toContainText("referendum of 15.3.2026");
  await expect(holidays.locator('tr[data-date="2027-08-30"]')).toHaveCount(0);
  await admin.goto("/admin/calendar?year=2025");
  await expect(admin.getByTestId("holidays").locator('tr[data-date="2025-08-30"]')).toContainText("day off moved to");
});
