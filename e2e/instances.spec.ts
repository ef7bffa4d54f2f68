// Two app instances on one database behind a round-robin proxy, as a deployment for availability
// runs them (servers of their own, ports 3420–3422). Started together on a new database, both come
// up (one waits for the other's migrations and seeding); a session is valid on both, a save on one
// conflicts with a stale save on the other, signing out through either ends the session on both,
// and failed passwords are counted across both.
import { expect, test, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PASSWORD, ready, signIn as signInThrough, startInstance, startProxy, stopInstance } from "./cluster";

const PORTS = [3420, 3421];
const PROXY = 3422;
const BASE = `http://127.0.0.1:${PROXY}`;
const signIn = (email: string, password = PASSWORD) => signInThrough(BASE, email, password);

const signedIn = async (ctx: APIRequestContext) => (await ctx.get("/api/cycles/1999-2000/questionnaire")).status() === 404;

test.describe.configure({ mode: "serial" });

test("two instances on one database behind a round-robin proxy", async ({ browser }) => {
  test.setTimeout(240_000);
  const db = path.join(mkdtempSync(path.join(tmpdir(), "instances-")), "app.db");
  const instances = PORTS.map((port) => startInstance(port, { DATABASE_PATH: db }, "instances-secret-0123456789-0123456789"));
  const proxy = await startProxy(PORTS, PROXY);
  try {
    // Started together on a new database: both come up.
    await Promise.all(instances.map(ready));

    // A session is valid on both instances.
    const { ctx: kz } = await signIn("correspondent.kz@example.org");
    const answered = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await kz.get("/api/cycles/2022-2024/replies/KZ/answers");
      expect(res.status()).toBe(200);
      answered.add(res.headers()["x-instance"]);
    }
    expect([...answered].sort()).toEqual(PORTS.map(String));

    // A save through one instance; a save based on the older version through the other is a conflict.
    const url = "/api/cycles/2022-2024/replies/KZ/answers";
    const before = (await (await kz.get(url)).json()).answers["001"]?.version ?? 0;
    const first = await kz.put(url, { data: { changes: [{ cell: "001", value: { num: 19_000_000, text: null, status: null }, baseVersion: before }] } });
    expect(first.status()).toBe(200);
    const stale = await kz.put(url, { data: { changes: [{ cell: "001", value: { num: 19_000_001, text: null, status: null }, baseVersion: before }] } });
    expect(stale.headers()["x-instance"]).not.toBe(first.headers()["x-instance"]);
    expect(stale.status()).toBe(409);
    expect((await (await kz.get(url)).json()).answers["001"].answer.num).toBe(19_000_000);

    // Signing out in the browser (the form rendered by one instance, posted through the proxy)
    // ends the session on both.
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("correspondent.fr@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
    const cookies = await context.storageState();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    for (const port of PORTS) {
      const old = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}`, storageState: cookies });
      expect((await old.get("/api/cycles/1999-2000/questionnaire")).status(), `the old session on ${port}`).toBe(401);
      await old.dispose();
    }
    await context.close();

    // Failed passwords are counted across the instances: after 10, the right one is refused too.
    for (let i = 0; i < 10; i++) {
      const { ctx } = await signIn("supervisor@example.org", `wrong-password-${i}`);
      expect(await signedIn(ctx)).toBe(false);
      await ctx.dispose();
    }
    const { ctx: locked } = await signIn("supervisor@example.org");
    expect(await signedIn(locked), "the right password after 10 failures on two instances").toBe(false);
    await locked.dispose();
    await kz.dispose();
  } finally {
    proxy.close();
    await Promise.all(instances.map((i) => stopInstance(i)));
  }
});
