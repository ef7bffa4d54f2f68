import { expect, test } from "@playwright/test";
import { createUser, loggedInPage, login, unique } from "./helpers";

const demoUsers = [
  { email: "admin@example.org", role: "admin", text: "You manage users and evaluation cycles" },
  { email: "correspondent.kz@example.org", role: "correspondent", text: "for KZ" },
  { email: "correspondent.fr@example.org", role: "correspondent", text: "for FR" },
  { email: "supervisor@example.org", role: "supervisor", text: "in Almaty city, Astana city" },
  { email: "interviewer@example.org", role: "interviewer", text: "interviews assigned to you" },
  { email: "reporter@example.org", role: "reporter", text: "Police Department of Astana city" },
];

for (const user of demoUsers) {
  test(`${user.email} signs in and lands on the ${user.role} home`, async ({ page }) => {
    await login(page, user.email);
    await expect(page).toHaveURL("/");
    await expect(page.getByTestId(`home-${user.role}`)).toContainText(user.text);
  });
}

test("a wrong password shows an error and keeps the user out", async ({ page }) => {
  await login(page, "correspondent.kz@example.org", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("an anonymous visit to a protected page goes to login and comes back after it", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await page.getByLabel("Email").fill("admin@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByTestId("users-table")).toContainText("correspondent.kz@example.org");
});

test("an interviewer opening an admin page gets 403", async ({ browser }) => {
  const page = await loggedInPage(browser, "interviewer@example.org");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied (403)" })).toBeVisible();
  await expect(page.getByText("correspondent.kz@example.org")).toHaveCount(0);
});

test("after 10 failed attempts further logins are refused with a time to retry", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const email = unique("lockout");
  await createUser(admin, { email, name: "Lockout Test", role: "admin", password: "right-password-1" });

  const page = await browser.newPage();
  for (let i = 0; i < 10; i++) {
    await login(page, email, `wrong-${i}`);
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await login(page, email, "right-password-1");
  await expect(page.getByTestId("login-error")).toContainText(/Too many failed attempts\. Try again after \d\d:\d\d/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("an admin creates a user who can then sign in; field errors are shown", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/users");
  const form = admin.getByTestId("user-form-create");
  // Bad input is refused at the field.
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel("Name").fill("Someone");
  await form.getByLabel("Role").selectOption("correspondent");
  await form.getByLabel("Countries").fill("ZZ");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("error-email")).toHaveText("Enter a valid email address.");
  await expect(form.getByTestId("error-password")).toHaveText("At least 10 characters.");

  const email = unique("new.correspondent");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("a-good-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("error-countries")).toHaveText("Unknown country codes: ZZ");
  await form.getByLabel("Countries").fill("de");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("status")).toContainText(`User ${email} created.`);

  const page = await browser.newPage();
  await login(page, email, "a-good-password");
  await expect(page.getByTestId("home-correspondent")).toContainText("for DE");
});

test("a deactivated user is signed out of an open session", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const email = unique("deactivated");
  await createUser(admin, { email, name: "To Deactivate", role: "correspondent", countries: "FR", password: "password-123" });

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email, "password-123");
  await expect(page.getByTestId("home-correspondent")).toBeVisible();

  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: email }).click();
  await admin.getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByTestId("user-status")).toHaveText("Deactivated");

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await login(page, email, "password-123");
  await expect(page.getByTestId("login-error")).toHaveText("This account has been deactivated. Contact your administrator.");
});

test("signing out ends the session", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.fr@example.org");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old session cookie does not bring the session back.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/");
  await expect(again).toHaveURL(/\/login/);
});
