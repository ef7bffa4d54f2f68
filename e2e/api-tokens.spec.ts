// Personal API tokens as a script uses them: created on the page (shown once), sent as a Bearer
// token with the owner's permissions and nothing more, audited, revoked at once; the OpenAPI
// document and the API page.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { REGISTRY } from "../testing/route-registry";
import { pathOfRouteFile } from "../lib/api-docs/openapi";
import { loggedInPage } from "./helpers";

/** A client with no cookies at all: a script. */
async function script(baseURL: string, token: string, extra: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, ...extra } });
}

async function createToken(page: Page, scope: "read" | "write", name = `${scope} token`) {
  const res = await page.request.post("/api/tokens", { data: { name, expiresInDays: 90, scope } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number; token: string };
}

test("a token is created on its page, reads with Bearer as its owner, is audited, and is refused once revoked", async ({ browser, baseURL }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/account/tokens");
  const form = admin.getByTestId("create-token");
  await form.getByLabel("Name").fill("R script");
  await form.getByLabel("Valid for").selectOption("90");
  await form.getByLabel("Scope").selectOption("read");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await admin.getByTestId("new-token").locator("code").textContent())!;
  expect(token).toMatch(/^jst_[A-Za-z0-9_-]{43}$/);
  const row = admin.getByTestId("api-tokens").locator("tr", { hasText: "R script" });
  await expect(row).toContainText("read only");
  await expect(row).toContainText("active");

  const api = await script(baseURL!, token);
  const audit = await api.get("/api/admin/audit?action=token.create");
  expect(audit.status(), await audit.text()).toBe(200);
  expect(await audit.text()).toContain("token.create");
  const listed = await (await api.get("/api/tokens")).json();
  const mine = listed.tokens.find((t: { name: string }) => t.name === "R script");
  expect(mine).toMatchObject({ scope: "read", revokedAt: null });
  expect(JSON.stringify(listed)).not.toContain(token.slice(4));
  // Read-only: no writes of any kind.
  expect((await api.put("/api/cycles/2022-2024/replies/KZ/answers", { data: { changes: [] } })).status()).toBe(401);
  expect((await api.post("/api/tokens", { data: { name: "more", expiresInDays: 1, scope: "read" } })).status()).toBe(401);
  expect((await api.delete(`/api/tokens/${mine.id}`)).status()).toBe(401);
  // Pages are for browsers: a token does not open them.
  const pageWithToken = await api.get("/admin/users", { maxRedirects: 0 });
  expect(pageWithToken.status()).toBe(307);
  expect(pageWithToken.headers().location).toContain("/login");

  // Every use is in the log-journal, with the token and the request.
  const journal = await (await admin.request.get("/api/admin/audit?action=token.use")).text();
  expect(journal).toContain(`token ${mine.id}: GET /api/admin/audit?action=token.create`);
  expect(journal).toContain(`token ${mine.id}: GET /api/tokens`);

  await admin.reload();
  await admin.getByTestId("api-tokens").locator(`tr[data-token-id="${mine.id}"]`).getByRole("button", { name: "Revoke" }).click();
  await expect(admin.getByTestId("api-tokens").locator(`tr[data-token-id="${mine.id}"]`)).toContainText("revoked");
  const after = await api.get("/api/admin/audit?action=token.create");
  expect(after.status()).toBe(401);
  expect((await after.json()).error).toBe("You need to sign in.");
  await api.dispose();
});

test("an interviewer's token cannot read what the interviewer may not: admin results, the log-journal", async ({ browser, baseURL }) => {
  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  const { token } = await createToken(interviewer, "read");
  const api = await script(baseURL!, token);
  // Wave 2026 is in fieldwork, unpublished: administrators only.
  const results = await api.get("/api/survey/waves/2026/results");
  expect(results.status()).toBe(403);
  expect(await results.text()).not.toContain('"overall"');
  expect((await api.get("/api/admin/audit")).status()).toBe(403);
  expect((await api.get("/api/cycles/2022-2024/replies/KZ/answers")).status()).toBe(403);
  // The published wave, like anyone.
  expect((await api.get("/api/survey/waves/2024/results")).status()).toBe(200);

  const admin = await loggedInPage(browser, "admin@example.org");
  const adminApi = await script(baseURL!, (await createToken(admin, "read")).token);
  const adminResults = await adminApi.get("/api/survey/waves/2026/results");
  expect(adminResults.status()).toBe(200);
  expect(await adminResults.text()).toContain('"overall"');
  await Promise.all([api.dispose(), adminApi.dispose()]);
});

test("a write token writes with its owner's rights, from any origin; a Bearer request never rides on a cookie", async ({ browser, baseURL }) => {
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  const { token } = await createToken(kz, "write");
  const api = await script(baseURL!, token, { origin: "https://elsewhere.example" });
  // Past the body gate and the cross-site check: refused for its body (400), not for who sends it.
  const own = await api.put("/api/cycles/2022-2024/replies/KZ/answers", { data: { "not-a-field": true } });
  expect(own.status(), await own.text()).toBe(400);
  const other = await api.put("/api/cycles/2022-2024/replies/FR/answers", { data: { "not-a-field": true } });
  expect(other.status()).toBe(403);
  // Even a write token neither mints nor revokes tokens: that takes the owner's signed-in session.
  const mint = await api.post("/api/tokens", { data: { name: "more", expiresInDays: 1, scope: "write" } });
  expect(mint.status()).toBe(403);
  expect((await mint.json()).error).toContain("signed-in session");
  // The same cross-site write with the browser's cookie is refused as CSRF.
  const csrf = await kz.request.put("/api/cycles/2022-2024/replies/KZ/answers", { data: {}, headers: { origin: "https://elsewhere.example" } });
  expect(csrf.status()).toBe(403);
  // A wrong token beside a valid session cookie: the token decides (401), the cookie is ignored.
  const wrong = await kz.request.get("/api/cycles/2022-2024/replies/KZ/answers", { headers: { authorization: "Bearer jst_" + "A".repeat(43) } });
  expect(wrong.status()).toBe(401);
  // An unknown token cannot send a body at all: the gate refuses it unread.
  const gate = await kz.request.put("/api/cycles/2022-2024/replies/KZ/answers", {
    data: { changes: [] },
    headers: { authorization: "Bearer jst_" + "B".repeat(43) },
  });
  expect(gate.status()).toBe(401);
  expect((await gate.json()).error).toBe("Sign in first.");
  await api.dispose();
});

test("the OpenAPI document is valid OpenAPI 3.1 and names every route of the route registry", async ({ request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  for (const e of REGISTRY.filter((x) => x.kind === "route")) expect(documented).toContain(`${e.method} ${pathOfRouteFile(e.file)}`);
});

test("the API page renders the document with the app's own Swagger UI, under the CSP, without outside requests", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
  page.on("pageerror", (e) => problems.push(e.message));
  const outside: string[] = [];
  page.on(
    "request",
    (r) => void (!r.url().startsWith(new URL(page.url() || "http://127.0.0.1").origin) && !r.url().startsWith("data:") && outside.push(r.url())),
  );
  await page.goto("/api-docs");
  await expect(page.locator(".swagger-ui .opblock").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".swagger-ui")).toContainText("/api/tokens");
  expect(await page.locator(".swagger-ui .opblock").count()).toBeGreaterThan(30);
  expect(problems).toEqual([]);
  expect(outside.filter((u) => !u.startsWith("http://127.0.0.1"))).toEqual([]);
});
