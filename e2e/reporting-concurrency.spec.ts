// Submitting and returning a report are atomic: of ten requests sent at once, one wins and the
// others are told 409, and the log-journal has one row for the one that happened.
//
// Each burst is the first use of a new session: every request then verifies the session token
// (asynchronous work) after it has loaded the report and before it acts on it, so the ten really
// interleave, as requests do whenever a handler waits between its read and its write. A handler
// that trusted the state it had loaded let them all through.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, loggedInPage } from "./helpers";
import { form1mChanges } from "../testing/form-1m-report";

const N = 10;

/** A period of this spec's own, far from the demo data and from the periods other specs open. */
const PERIOD = `${2900 + Math.floor(Math.random() * 90)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}`;

/** A new session through the sign-in API, not used yet. */
async function newSession(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const signIn = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  expect(signIn.status(), `sign-in of ${email}`).toBe(302);
  expect(
    (await ctx.storageState()).cookies.some((c) => c.name.endsWith("authjs.session-token")),
    `session cookie of ${email}`,
  ).toBe(true);
  return ctx;
}

async function burst(ctx: APIRequestContext, url: string, body: (i: number) => unknown) {
  const answers: APIResponse[] = await Promise.all(Array.from({ length: N }, (_, i) => ctx.post(url, { data: body(i) })));
  return Promise.all(answers.map(async (r) => ({ status: r.status(), error: ((await r.json()) as { error?: string }).error })));
}

/** The log-journal's rows of one action about this spec's report. */
async function journal(admin: APIRequestContext, action: string) {
  const csv = await admin.get(`/api/admin/audit?action=${action}&q=${encodeURIComponent(` ${PERIOD} `)}`);
  expect(csv.status()).toBe(200);
  return (await csv.text()).split("\n").filter((line) => line.includes(`,${action},`) && line.includes(`form 1 ${PERIOD} body`));
}

test("ten parallel submits of a draft: one is filed; ten parallel returns: one returns it", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const reporter = await loggedInPage(browser, "reporter@example.org");
  await reporter.goto("/reports");
  await reporter.getByLabel("Period").fill(PERIOD);
  await reporter.getByRole("button", { name: "Open another period" }).click();
  await expect(reporter).toHaveURL(/\/reports\/\d+$/);
  const api = `/api/reports/${reporter.url().split("/").pop()}`;

  const put = await reporter.request.put(`${api}/answers`, { data: { changes: form1mChanges() } });
  expect(put.status(), await put.text()).toBe(200);

  const submits = await burst(await newSession(baseURL!, "reporter@example.org"), `${api}/transitions`, () => ({ action: "submit" }));
  expect(submits.map((a) => a.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
  expect(submits.find((a) => a.status === 409)!.error).toBe("This report has already been submitted.");
  expect((await (await reporter.request.get(`${api}/answers`)).json()).filing.status).toBe("submitted");

  const admin = await newSession(baseURL!, "admin@example.org");
  const returns = await burst(admin, `${api}/transitions`, (i) => ({ action: "return", comment: `check row ${i}` }));
  expect(returns.map((a) => a.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
  expect(returns.find((a) => a.status === 409)!.error).toBe("Only a submitted report can be returned.");
  expect((await (await admin.get(`${api}/answers`)).json()).filing.status).toBe("returned");

  expect(await journal(admin, "report.submit")).toHaveLength(1);
  expect(await journal(admin, "report.return")).toHaveLength(1);
});
