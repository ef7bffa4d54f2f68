// The Content-Security-Policy (middleware.ts): scripts run only with the request's nonce. Every page
// of testing/route-registry.ts is opened in Chromium with the policy enforced (here and, page by
// page, in e2e/accessibility.spec.ts): a script Next.js did not give the nonce, a style attribute, or anything else
// the policy refuses shows as a CSP message on the console and fails the test, and every <script>
// of every page must carry the nonce of its own response (a page prerendered once would carry none,
// or a stale one). A form that still autosaves and the language switcher, login and logout show the
// pages hydrate and act under the policy.
import { expect, test, type Page } from "@playwright/test";
import { PRINCIPALS, type PrincipalName } from "../testing/route-registry";
import { directives, expectScriptsNonced, nonceOf, watch } from "./csp-checks";
import { createUser, gotoForm, loggedInPage, login, unique } from "./helpers";

async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await expectScriptsNonced(response, url);
}

/** Pages with ids in their address, opened by following a link (client-side navigation loads more scripts). */
const FOLLOW: Partial<Record<PrincipalName, { from: string; link: string; to: RegExp }[]>> = {
  admin: [
    { from: "/admin/users", link: 'a[href^="/admin/users/"]', to: /\/admin\/users\/\d+$/ },
    { from: "/admin/reports?from=2025-01-01&to=2025-12-31&region=ALA", link: 'a[href^="/reports/"]', to: /\/reports\/\d+$/ },
    { from: "/survey?wave=2025&region=AST&status=approved", link: 'a[href^="/survey/interviews/"]', to: /\/survey\/interviews\/\d+$/ },
  ],
  "correspondent.kz": [{ from: "/", link: 'a[href="/cepej/2022-2024/KZ"]', to: /\/cepej\/2022-2024\/KZ$/ }],
  supervisor: [{ from: "/survey?wave=2025&region=AST&status=approved", link: 'a[href^="/survey/interviews/"]', to: /\/survey\/interviews\/\d+$/ }],
  interviewer: [{ from: "/survey", link: 'a[href^="/survey/interviews/"]', to: /\/survey\/interviews\/\d+$/ }],
  reporter: [{ from: "/reports", link: 'a[href^="/reports/"]', to: /\/reports\/\d+$/ }],
};

test("every response has a fresh nonce in a script-src without 'unsafe-inline' or 'unsafe-eval', and Next.js puts it on its scripts", async ({ page }) => {
  const first = await page.goto("/login");
  const second = await page.goto("/login");
  const csp = first!.headers()["content-security-policy"];
  const d = directives(csp);
  expect(d.get("script-src")).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
  for (const directive of ["script-src", "style-src", "default-src"]) {
    expect(d.get(directive), `${directive} in ${csp}`).toBeDefined();
    expect(d.get(directive), directive).not.toContain("'unsafe-inline'");
    expect(d.get(directive), directive).not.toContain("'unsafe-eval'");
  }
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  expect(nonceOf(first).length).toBeGreaterThanOrEqual(22); // 128 bits, base64
  await expectScriptsNonced(first, "/login");
  await expectScriptsNonced(second, "/login");
  // A nonce the client sends is not the one the page gets.
  const forged = await page.request.get("/login", { headers: { "content-security-policy": "script-src 'nonce-Zm9yZ2VkZm9yZ2VkZm9yZ2VkZg=='" } });
  expect(nonceOf(forged)).not.toBe("Zm9yZ2VkZm9yZ2VkZm9yZ2VkZg==");
  expect(await forged.text()).not.toContain("Zm9yZ2VkZm9yZ2VkZm9yZ2VkZg==");
});

// Every page of the registry is opened under the policy by e2e/accessibility.spec.ts, once, as the
// user it is meant for. Here: pages reached by following a link (a client-side navigation loads
// more scripts), and the pages of a refusal and of an unknown address.
for (const principal of Object.keys(PRINCIPALS) as PrincipalName[]) {
  const who = principal === "anonymous" ? "anyone" : `the ${principal}`;
  test(`links ${who} follows and the refusal pages run under the policy`, async ({ browser }) => {
    const email = PRINCIPALS[principal].email;
    const page = email ? await loggedInPage(browser, email) : await (await browser.newContext()).newPage();
    const problems = watch(page);
    for (const { from, link, to } of FOLLOW[principal] ?? []) {
      await visit(page, from);
      await page.locator(link).first().click();
      await expect(page).toHaveURL(to);
    }
    // The pages of a refusal and of an unknown address, and next-auth's own fallback page.
    await visit(page, principal === "correspondent.kz" ? "/admin/users" : "/cepej/2022-2024/ZZ");
    if (principal === "anonymous") expect((await page.goto("/api/auth/signout"))?.status()).toBe(200);
    expect(problems).toEqual([]);
    await page.context().close();
  });
}

test("under the policy a questionnaire hydrates and autosaves, and a reply downloads", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.fr@example.org");
  const problems = watch(page);
  await gotoForm(page, "/cepej/2022-2024/FR/1");
  const value = 60_000_000 + Math.floor(Math.random() * 1_000_000);
  await page.locator('[data-cell="001"] input[type=text]').fill(String(value));
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  const stored = (await (await page.request.get("/api/cycles/2022-2024/replies/FR/answers")).json()).answers["001"];
  expect(stored.answer.num).toBe(value);
  await visit(page, "/cepej/2022-2024/FR");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  expect(problems).toEqual([]);
});

test("under the policy the language switcher, login and logout work", async ({ browser }) => {
  // A user of its own: signing out ends every session of the user, other specs' included.
  const admin = await loggedInPage(browser, "admin@example.org");
  const email = unique("csp");
  await createUser(admin, { email, name: "CSP Test", role: "admin", password: "csp-password-1" });
  const page = await (await browser.newContext()).newPage();
  const problems = watch(page);
  await visit(page, "/login");
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await page.getByLabel("Langue").selectOption("en");
  await page.getByRole("button", { name: "Changer de langue" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await login(page, email, "csp-password-1");
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(problems).toEqual([]);
});
