// Bad input that once answered 500 (or "ok"): repeated query parameters, limits and dates that are
// not numbers or dates, a callbackUrl with CR/LF, other scripts or another host, server actions on
// an id that does not exist, and imported texts over their limits. The API answers 4xx with a
// reason; a page ignores what it cannot use; a form shows the refusal.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { loggedInPage, unique } from "./helpers";

const HASHING = { timeout: 30_000 };

async function reason(res: APIResponse, status = 400): Promise<string> {
  const text = await res.text();
  expect(res.status(), text.slice(0, 300)).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text);
  expect(typeof body.error).toBe("string");
  return body.error;
}

/** A Location this site may send: a path of its own (relative, or absolute to its own host). */
function expectSameSite(location: string | undefined, baseURL: string) {
  expect(location, "a Location header").toBeTruthy();
  expect(location).not.toMatch(/[\r\n]/);
  const url = new URL(location!, baseURL);
  const own = new URL(baseURL);
  expect(["127.0.0.1", "localhost"], location).toContain(url.hostname);
  expect(url.port, location).toBe(own.port);
}

test("repeated query parameters: the API refuses them with a reason, pages ignore them", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  for (const url of [
    "/api/admin/audit?action=login&action=logout",
    "/api/admin/compliance?state=late&state=overdue",
    "/api/open-data/registered-crimes?year=2025&year=2024",
    "/api/report-forms/1/deadline?period=2026-03&period=2026-04",
    "/api/cycles/2022-2024/replies/KZ/export?format=csv&format=json",
    "/api/survey/waves/2024/tables?format=csv&format=xlsx",
  ])
    expect(await reason(await admin.request.get(url)), url).toMatch(/is given more than once/);

  expect((await admin.goto("/admin/audit?action=login&action=logout"))!.status()).toBe(200);
  await expect(admin.getByLabel("Action")).toHaveValue("");
  expect((await admin.goto("/admin/reports?state=late&state=overdue&region=AST&region=ALA"))!.status()).toBe(200);
  await expect(admin.getByLabel("State")).toHaveValue("");
  await expect(admin.getByLabel("Region")).toHaveValue("");

  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  expect((await supervisor.goto("/survey?region=AST&region=ALA&wave=2026&wave=2024"))!.status()).toBe(200);
  await expect(supervisor.getByLabel("Region")).toHaveValue("");
  await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText("Household survey 2026");
});

test("limits, years, dates and ranges that are not: 400 with a reason from the API, the default on pages", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  for (const limit of ["abc", "-1", "0", "1e99", "2.5", "100001", "99999999999999999999", ""])
    expect(await reason(await admin.request.get(`/api/admin/audit?limit=${limit}`)), limit).toBe("limit must be a whole number from 1 to 100000.");
  const lines = async (url: string) => (await (await admin.request.get(url)).text()).trim().split(/\r?\n/);
  expect((await lines("/api/admin/audit")).length).toBeGreaterThan(2); // this test's login and others
  expect(await lines("/api/admin/audit?limit=1")).toHaveLength(2); // the header and the newest row
  expect(await reason(await admin.request.get("/api/admin/audit?from=yesterday"))).toBe("from must be a date YYYY-MM-DD.");
  expect(await reason(await admin.request.get("/api/admin/compliance?from=2025-01-01&to=2010-01-01"))).toBe(
    "The range ends (2010-01-01) before it starts (2025-01-01).",
  );
  for (const year of ["abc", "-1", "1e99", "0000"]) await reason(await admin.request.get(`/api/open-data/registered-crimes?year=${year}`));

  expect((await admin.goto("/admin/reports?from=2025-01-01&to=2010-01-01"))!.status()).toBe(200);
  await expect(admin.getByTestId("compliance")).toBeVisible();
  for (const wave of ["abc", "-1", "1e99", "2099"]) {
    expect((await admin.goto(`/survey?wave=${wave}`))!.status()).toBe(200);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Household survey 2026");
  }
});

const CALLBACKS = [
  "\r\n",
  "/x\r\nSet-Cookie: a=b",
  "/reports?x=Қазақша",
  "https://evil.example/",
  "//evil.example",
  "/\\evil.example",
  "javascript:alert(1)",
  "b",
  `/${"a".repeat(5000)}`,
];

test("callbackUrl on next-auth's routes: never a 500, never another site", async ({ request, baseURL }) => {
  const get = (url: string, headers?: Record<string, string>) => request.get(url, { maxRedirects: 0, headers });
  for (const cb of CALLBACKS) {
    const q = encodeURIComponent(cb);
    for (const url of [`/api/auth/signin?callbackUrl=${q}`, `/api/auth/signin?callbackUrl=/a&callbackUrl=${q}`, `/api/auth/signout?callbackUrl=${q}`]) {
      const res = await get(url);
      expect(res.status(), `${url.slice(0, 80)}: ${(await res.text()).slice(0, 200)}`).toBeLessThan(500);
      if (res.status() >= 300 && res.status() < 400) expectSameSite(res.headers().location, baseURL!);
    }
    for (const url of [`/api/auth/csrf?callbackUrl=${q}`, `/api/auth/session?callbackUrl=${q}`]) expect((await get(url)).status(), url).toBe(200);
    expect((await get("/api/auth/session", { cookie: `authjs.callback-url=${q}` })).status()).toBe(200);
    const { csrfToken } = await (await get("/api/auth/csrf")).json();
    const out = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: cb }, maxRedirects: 0 });
    expect(out.status(), cb).toBe(302);
    expectSameSite(out.headers().location, baseURL!);
  }
  // next-auth's own error page answers 500; its errors go to the login page instead.
  for (const url of ["/api/auth/error?error=Configuration", "/api/auth/error?error=%0d%0a", "/api/auth/signin/credentials", "/api/auth/callback/credentials"]) {
    const res = await get(url);
    expect(res.status(), url).toBeLessThan(500);
    if (res.status() >= 300 && res.status() < 400) expectSameSite(res.headers().location, baseURL!);
  }
  // next-auth's own refusals carry a reason as the API's do; its forms are small.
  await reason(await get("/api/auth/no-such-action"));
  const big = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `callbackUrl=${"a".repeat(100_000)}`,
    maxRedirects: 0,
  });
  expect(await reason(big, 413)).toBe("The body is larger than 65536 bytes.");
});

test("callbackUrl on the login page: the user lands on a path of this site", async ({ browser, baseURL }) => {
  const page = await (await browser.newContext()).newPage();
  for (const cb of CALLBACKS.filter((c) => c !== "/reports?x=Қазақша")) {
    expect((await page.goto(`/login?callbackUrl=${encodeURIComponent(cb)}`))!.status()).toBe(200);
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");
  }
  const signIn = async (email: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // A path in another script arrives percent-encoded.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/reports?x=Қазақша")}`);
  await signIn("reporter@example.org");
  await page.waitForURL(/\/reports\?/, HASHING);
  expect(new URL(page.url()).search).toBe("?x=%D2%9A%D0%B0%D0%B7%D0%B0%D2%9B%D1%88%D0%B0");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Through next-auth's sign-in route, which hands the login page its callback: kept.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/api/auth/signin?callbackUrl=%2Freports");
  await expect(other).toHaveURL(/\/login\?callbackUrl=%2Freports$/);
  await other.getByLabel("Email").fill("reporter@example.org");
  await other.getByLabel("Password").fill("demo-password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await other.waitForURL(`${baseURL}/reports`, HASHING);
});

test("server actions on something that does not exist answer not found, shown in the form", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  // Removing a day the calendar does not declare.
  await admin.goto("/admin/calendar");
  const calendar = admin.getByTestId("calendar-form");
  await calendar.getByLabel("Date").fill("2031-03-17");
  await calendar.getByLabel("Kind").selectOption("remove");
  await calendar.getByRole("button", { name: "Save" }).click();
  await expect(calendar.getByRole("alert")).toHaveText("2031-03-17 is not declared a day off or a working day.");

  // An interviewer under a supervisor that does not exist (a deleted one, a tampered form).
  const email = unique("no-supervisor");
  await admin.goto("/admin/users");
  const form = admin.getByTestId("user-form-create");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Nobody's Interviewer");
  await form.getByLabel("Role").selectOption("interviewer");
  await form.getByLabel("Regions").fill("AST");
  await form.locator("select[name=supervisorId]").evaluate((select: HTMLSelectElement) => select.add(new Option("gone", "999999", true, true)));
  await form.getByLabel("Initial password").fill("a-good-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("error-supervisorId")).toHaveText("Choose a supervisor from the list.", HASHING);
  await admin.goto("/admin/users");
  await expect(admin.getByText(email)).toHaveCount(0);

  // Assigning households to an interviewer, or households, that do not exist.
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  expect(await reason(await supervisor.request.post("/api/survey/assign", { data: { ids: [1], interviewerId: 999999 } }), 404)).toBe("No interviewer 999999.");
});

test("imported texts over their limits are refused with where they are", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const csv = (request: APIRequestContext, url: string, text: string) => request.post(url, { headers: { "content-type": "text/csv" }, data: text });

  const sample = await csv(
    admin.request,
    "/api/survey/waves/2024/sample",
    `household_id,region,settlement,weight,address\nLONG-1,AST,1,10,"${"A".repeat(501)}"\n${"H".repeat(65)},AST,1,10,Street 3\n`,
  );
  await reason(sample);
  expect((await sample.json()).errors).toEqual([
    { row: 2, column: "address", reason: "address is longer than 500 characters" },
    { row: 3, column: "household_id", reason: "household_id is longer than 64 characters" },
  ]);

  const [header, first] = (await (await admin.request.get("/api/survey/waves/2024/microdata?format=csv")).text()).replace(/^\ufeff/, "").split(/\r\n/);
  const imported = await csv(admin.request, "/api/survey/waves/2024/interviews/import", `${header}\r\n${"H".repeat(65)}${first.slice(first.indexOf(","))}\r\n`);
  await reason(imported);
  expect((await imported.json()).errors).toEqual([{ row: 2, column: "household_id", reason: "household_id is longer than 64 characters" }]);

  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  const file = JSON.parse(await (await kz.request.get("/api/cycles/2022-2024/replies/KZ/export?format=json")).text());
  const longId = await kz.request.post("/api/cycles/2022-2024/replies/KZ/import", {
    data: { ...file, questionnaire: { ...file.questionnaire, id: "q".repeat(100_000) } },
  });
  await reason(longId);
  expect((await longId.json()).details).toEqual([{ path: "questionnaire.id", message: "longer than 64 characters" }]);

  const query = await admin.request.post("/api/cycles/2022-2024/replies/KZ/queries", { data: { question: "001", text: "x".repeat(5001) } });
  await reason(query);
  expect((await query.json()).details).toEqual([{ path: "text", message: "longer than 5000 characters" }]);
});
