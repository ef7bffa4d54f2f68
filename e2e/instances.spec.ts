// Two app instances on one database behind a round-robin proxy, as a deployment for availability
// runs them (servers of their own, ports 3420–3422). Started together on a new database, both come
// up (one waits for the other's migrations and seeding); a session is valid on both, a save on one
// conflicts with a stale save on the other, signing out through either ends the session on both,
// and failed passwords are counted across both.
import { expect, test, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

const PORTS = [3420, 3421];
const PROXY = 3422;
const BASE = `http://127.0.0.1:${PROXY}`;
const PASSWORD = "demo-password";

function startInstance(port: number, db: string): { child: ChildProcess; output: () => string } {
  const { DEMO_DATA: _d, ADMIN_EMAIL: _e, ADMIN_PASSWORD: _p, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: db,
      // One secret for every instance: a session signed by one is read by the other.
      AUTH_SECRET: "instances-secret-0123456789-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_DATA: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function ready(port: number, instance: { child: ChildProcess; output: () => string }) {
  for (let i = 0; i < 480; i++) {
    if (instance.child.exitCode !== null) throw new Error(`instance on ${port} exited: ${instance.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${port} did not start: ${instance.output()}`);
}

/** A round-robin proxy that says which instance answered (x-instance). */
function startProxy(): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = PORTS[next++ % PORTS.length];
    const upstream = http.request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-instance": String(port) });
      answer.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(PROXY, "127.0.0.1", () => resolve(server)));
}

async function signIn(email: string, password = PASSWORD): Promise<{ ctx: APIRequestContext; status: number }> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  return { ctx, status: res.status() };
}

const signedIn = async (ctx: APIRequestContext) => (await ctx.get("/api/cycles/1999-2000/questionnaire")).status() === 404;

test.describe.configure({ mode: "serial" });

test("two instances on one database behind a round-robin proxy", async ({ browser }) => {
  test.setTimeout(240_000);
  const db = path.join(mkdtempSync(path.join(tmpdir(), "instances-")), "app.db");
  const instances = PORTS.map((port) => startInstance(port, db));
  const proxy = await startProxy();
  try {
    // Started together on a new database: both come up.
    await Promise.all(PORTS.map((port, i) => ready(port, instances[i])));

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
    for (const { child } of instances) child.kill("SIGTERM");
  }
});
