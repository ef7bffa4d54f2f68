import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

/** Signing in and creating a user each cost a deliberately slow password hash (about 0.5 s), queued
 *  behind any other test's hashes (a burst of logins): wait longer than for ordinary steps. */
const HASHING = { timeout: 30_000 };

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function loggedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible(HASHING);
  return page;
}

/** Creates a user through the admin's Users page, as an administrator would. */
export async function createUser(adminPage: Page, user: { email: string; name: string; role: string; countries?: string; password: string }) {
  await adminPage.goto("/admin/users");
  const form = adminPage.getByTestId("user-form-create");
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption(user.role);
  if (user.countries) await form.getByLabel("Countries").fill(user.countries);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByRole("status")).toContainText(`User ${user.email} created.`, HASHING);
}

export const unique = (prefix: string) => `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;

/** Opens a page with a questionnaire form and waits until the form is hydrated: a click on a
 *  choice before that would be undone when the form takes over the server-rendered inputs. */
export async function gotoForm(page: Page, url: string) {
  const response = await page.goto(url);
  await page.locator("body[data-form-ready]").waitFor({ state: "attached" });
  return response;
}

/**
 * The rows of a list of households (`data-household`) that this Playwright worker may take. Specs
 * that run at the same time share the demo's households: two that assign the same one (each saw it
 * unassigned) both get it, and one completes what the other goes on entering. Each worker takes only
 * the households whose code falls to its own parallelIndex, so no two running specs pick the same.
 */
export async function ownRows(list: Locator): Promise<Locator[]> {
  const { parallelIndex, config } = test.info();
  const codes = await list.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-household") ?? ""));
  const share = (code: string) => [...code].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7) % Math.max(1, config.workers);
  return codes.filter((code) => code && share(code) === parallelIndex).map((code) => list.locator(`tbody tr[data-household="${code}"]`));
}
