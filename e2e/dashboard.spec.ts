// The CEPEJ dashboard of a cycle: administrators before publication (every started reply, its
// state shown), everyone after (validated replies only); NA and "not retained" said as such, the
// correspondent's comments as notes; a table behind every chart; no inline styles; print layout.
import { expect, test, type Page } from "@playwright/test";
import { loggedInPage } from "./helpers";

const CYCLE = "2040-2042";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function openCycle(admin: Page) {
  await admin.goto("/admin/cycles");
  const form = admin.getByTestId("new-cycle");
  await form.getByLabel("Slug").fill(CYCLE);
  await form.getByLabel("Name").fill("Evaluation cycle 2040–2042");
  await form.getByLabel("Reference year").fill("2040");
  await form.getByLabel("Campaign opens on").fill(day(-1));
  await form.getByLabel("Campaign closes on").fill(day(60));
  await form.getByLabel("Compared with cycle").selectOption("2020-2022");
  await form.getByRole("button", { name: "Create the cycle" }).click();
  await expect(admin.getByRole("status")).toHaveText("Cycle created.");
}

test("a cycle's dashboard: admins before publication, everyone after; NA, not retained, comments; accessible and printable", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  const violations: string[] = [];
  admin.on("console", (m) => {
    if (/Content Security Policy|Refused to apply inline style/i.test(m.text())) violations.push(m.text());
  });
  await openCycle(admin);

  // Kazakhstan's 2020 reply again, with the implemented court budget NA, and the number of non-judge staff not retained.
  const file = JSON.parse(await (await admin.request.get("/api/cycles/2020-2022/replies/KZ/export?format=json")).text());
  file.cycle = CYCLE;
  file.answers["006:total:implemented"] = { num: null, text: null, status: "NA" };
  expect((await admin.request.post(`/api/cycles/${CYCLE}/replies/KZ/import`, { data: file })).status()).toBe(200);
  const flag = await admin.request.put(`/api/cycles/${CYCLE}/replies/KZ/flags`, { data: { cell: "052:total:total", reason: "Under revision" } });
  expect(flag.status()).toBe(200);

  // Not published: anonymous visitors are sent to sign in, correspondents refused.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/cepej/${CYCLE}/dashboard`);
  await expect(anonymous).toHaveURL(/\/login\?callbackUrl=/);
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  expect((await kz.goto(`/cepej/${CYCLE}/dashboard`))!.status()).toBe(403);

  // The administrator: linked from the cycle page; both cycles side by side; the reply's state shown.
  await admin.goto(`/admin/cycles/${CYCLE}`);
  await admin.getByTestId("cycle-exports").getByRole("link", { name: "Dashboard of indicators" }).click();
  await expect(admin.getByTestId("dashboard-status")).toContainText("Not published");
  const judges = admin.getByTestId("table-judges-per-100k");
  await expect(judges.locator("thead th")).toHaveText(["Country", "Evaluation cycle 2020–2022", "Evaluation cycle 2040–2042"]);
  const kzJudges = judges.locator('tr[data-country="KZ"]');
  await expect(kzJudges.locator('td[data-cycle="2020-2022"]')).toHaveText("12.68");
  await expect(kzJudges.locator(`td[data-cycle="${CYCLE}"]`)).toContainText("12.68");
  await expect(kzJudges.locator(`td[data-cycle="${CYCLE}"]`)).toContainText("(In progress)");
  await expect(admin.getByTestId("table-court-budget-percent-gdp").locator(`tr[data-country="KZ"] td[data-cycle="${CYCLE}"]`)).toContainText("NA");
  await expect(admin.getByTestId("table-non-judge-staff-per-100k").locator(`tr[data-country="KZ"] td[data-cycle="${CYCLE}"]`)).toContainText("not retained");
  await expect(admin.getByTestId("table-non-judge-staff-per-100k").locator('tr[data-country="KZ"] td[data-cycle="2020-2022"]')).toHaveText("41.26");
  // the correspondent's comment on Q006 (the budget) as a numbered note beside the figure
  const budget = admin.locator('section[data-indicator="court-budget-per-inhabitant"]');
  await expect(budget.locator('tr[data-country="KZ"] td[data-cycle="2020-2022"] sup a')).toHaveText("1");
  await expect(budget.locator("ol.dashboard-notes li").first()).toContainText("the monthly maintenance of the judges");
  // a chart with the table of its figures behind it
  const chart = admin.locator('section[data-indicator="clearance-rate:091:total"] svg[role="img"]');
  // named by the table's caption, where CEPEJ's English indicator name is marked so (read in English by a screen reader)
  await expect(chart).toHaveAccessibleName(/^Clearance rate – First instance, other than criminal law cases.* \(%\) by country and cycle$/);
  await expect(admin.getByTestId("table-clearance-rate:091:total").locator('caption span[lang="en"]')).toHaveText(/^Clearance rate – First instance/);
  await expect(admin.getByTestId("table-clearance-rate:091:total").locator('tr[data-country="KZ"] td[data-cycle="2020-2022"] span[lang="en"]')).toHaveAttribute(
    "title",
    /^resolved ÷ incoming × 100 = /,
  );
  await expect(chart.locator('g[data-country="KZ"] g[data-cycle="2020-2022"] text')).toHaveText("100.5");
  await expect(admin.getByTestId("table-clearance-rate:091:total").locator("caption")).toContainText("Clearance rate");
  expect(await admin.locator('[data-testid="dashboard"] [style]').count()).toBe(0);
  // printable: the contents and the publish button stay off paper
  await admin.emulateMedia({ media: "print" });
  await expect(admin.locator("nav.no-print").last()).toBeHidden();
  await expect(admin.getByTestId("publish-cycle")).toBeHidden();
  await expect(chart).toBeVisible();
  await admin.emulateMedia({ media: "screen" });

  // Published: everyone sees it, with validated replies only (this cycle's KZ reply is in progress).
  await admin.getByTestId("publish-cycle").click();
  await expect(admin.getByTestId("dashboard-status")).toContainText("Published on");
  await anonymous.goto(`/cepej/${CYCLE}/dashboard`);
  const publicRow = anonymous.getByTestId("table-judges-per-100k").locator('tr[data-country="KZ"]');
  await expect(publicRow.locator('td[data-cycle="2020-2022"]')).toHaveText("12.68");
  await expect(publicRow.locator(`td[data-cycle="${CYCLE}"]`)).toHaveText("no reply");
  await expect(anonymous.getByTestId("publish-cycle")).toHaveCount(0);
  await expect(anonymous.getByText("(In progress)")).toHaveCount(0);

  // Withdrawn again: back to administrators only.
  await admin.getByTestId("publish-cycle").click();
  await expect(admin.getByTestId("dashboard-status")).toContainText("Not published");
  const again = await (await browser.newContext()).newPage();
  await again.goto(`/cepej/${CYCLE}/dashboard`);
  await expect(again).toHaveURL(/\/login\?callbackUrl=/);
  // the publish route refuses bad bodies and non-admins
  expect((await admin.request.post(`/api/cycles/${CYCLE}/publish`, { data: { published: "yes" } })).status()).toBe(400);
  expect((await kz.request.post(`/api/cycles/${CYCLE}/publish`, { data: { published: true } })).status()).toBe(403);
  expect((await admin.request.post("/api/cycles/1999-2000/publish", { data: { published: true } })).status()).toBe(404);
  expect(violations).toEqual([]);
});
