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
  test.slow(); // a dozen deliberately slow password hashes on a shared machine
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
  // A user of its own: signing out ends every session of the user, those of the tests beside it too.
  const admin = await loggedInPage(browser, "admin@example.org");
  const email = unique("signout");
  await createUser(admin, { email, name: "Sign-out Test", role: "correspondent", countries: "FR", password: "password-123456" });
  const page = await loggedInPage(browser, email, "password-123456");
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

test("a burst of 50 parallel wrong passwords gets at most 10 checked; the right password is then refused", async ({ browser, playwright, baseURL }) => {
  test.slow(); // a dozen deliberately slow password hashes
  const admin = await loggedInPage(browser, "admin@example.org");
  // An account of its own: the burst locks it (from this address) for 15 minutes.
  const email = unique("burst");
  await createUser(admin, { email, name: "Burst Test", role: "admin", password: "right-password-2" });

  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const burst = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: `wrong-${i}`, callbackUrl: "/" }, maxRedirects: 0 }),
    ),
  );
  // next-auth answers each with a redirect to the login page naming the reason.
  const codes = burst.map((r) => new URL(r.headers().location ?? "/", baseURL).searchParams.get("code"));
  expect(codes.filter((c) => c === "credentials")).toHaveLength(10);
  expect(codes.filter((c) => c === "locked")).toHaveLength(40);

  // The log-journal has a row for each password actually checked.
  const checked = async () => {
    const csv = await (await admin.request.get(`/api/admin/audit?action=login.failed&q=${encodeURIComponent(email)}`)).text();
    return csv.split("\n").filter((line) => line.includes(email)).length;
  };
  await expect.poll(checked).toBe(10);

  const page = await browser.newPage();
  await login(page, email, "right-password-2");
  await expect(page.getByTestId("login-error")).toContainText(/Too many failed attempts\. Try again after \d\d:\d\d/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect(await checked()).toBe(10);
});

test("POST /api/auth/signout ends the session on the server: the old cookie gets 401 afterwards", async ({ browser, playwright, baseURL }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  // An account of its own: signing out ends every session of the user.
  const email = unique("signout");
  await createUser(admin, { email, name: "Sign-out Test", role: "correspondent", countries: "FR", password: "password-456" });

  const api = await playwright.request.newContext({ baseURL });
  const csrf = async () => (await (await api.get("/api/auth/csrf")).json()).csrfToken as string;
  await api.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email, password: "password-456", callbackUrl: "/" }, maxRedirects: 0 });
  const url = "/api/cycles/2022-2024/questionnaire";
  expect((await api.get(url)).status()).toBe(200);
  const signedIn = await api.storageState();

  const out = await api.post("/api/auth/signout", { form: { csrfToken: await csrf(), callbackUrl: "/login" }, maxRedirects: 0 });
  expect(out.status()).toBe(302);
  expect((await api.get(url)).status()).toBe(401);
  // A copy of the cookie taken before signing out is refused too.
  const replay = await playwright.request.newContext({ baseURL, storageState: signedIn });
  const replayed = await replay.get(url);
  expect(replayed.status()).toBe(401);
});
