// A production start, on servers of its own (ports 3310–3319): without DEMO_DATA=1 a new database
// has no demo account and no demo banner, and its first administrator comes from
// `npm run create-admin` (password on stdin) or from ADMIN_EMAIL / ADMIN_PASSWORD; the health check
// answers; a database that cannot be used stops the server with one line and a non-zero exit.
// The shared server (scripts/serve-e2e.mjs) runs with DEMO_DATA=1: there, the banner shows.
import { expect, test, type Page } from "@playwright/test";
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { login } from "./helpers";

const SERVER = "scripts/server.mjs";
// The servers here decide demo data and administrators from what the test gives them only.
const { DEMO_DATA: _d, ADMIN_EMAIL: _e, ADMIN_PASSWORD: _p, ADMIN_NAME: _n, ...inherited } = process.env;
const baseEnv = { ...inherited, AUTH_SECRET: "production-start-secret-0123456789", NEXT_TELEMETRY_DISABLED: "1" };

type Server = { child: ChildProcess; base: string; output: () => string; exited: Promise<number | null> };

function startServer(port: number, env: Record<string, string>): Server {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...baseEnv, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function ready(server: Server) {
  for (let i = 0; i < 240; i++) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    try {
      if ((await fetch(`${server.base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${server.output()}`);
}

const freshDatabase = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), `prod-${name}-`)), "app.db");

async function expectRefused(page: Page, email: string, password: string) {
  await login(page, email, password);
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
}

test("DEMO_DATA=0: no demo account, no banner; the first administrator comes from npm run create-admin", async ({ browser }) => {
  test.setTimeout(150_000);
  const db = freshDatabase("empty");
  const server = startServer(3311, { DATABASE_PATH: db, DEMO_DATA: "0" });
  try {
    await ready(server);
    const health = await fetch(`${server.base}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });

    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);
    for (const email of ["admin@example.org", "correspondent.kz@example.org", "reporter@example.org"]) await expectRefused(page, email, "demo-password");

    const createAdmin = (email: string, password: string) =>
      spawnSync("npm", ["run", "-s", "create-admin", "--", "--email", email, "--name", "First Administrator"], {
        input: `${password}\n`,
        env: { ...baseEnv, DATABASE_PATH: db },
        encoding: "utf8",
      });
    const tooShort = createAdmin("first.admin@example.org", "short");
    expect(tooShort.status, tooShort.stderr).not.toBe(0);
    expect(tooShort.stderr).toContain("at least 10 characters");
    const created = createAdmin("first.admin@example.org", "first-admin-password");
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain("Created the administrator first.admin@example.org");
    const again = createAdmin("first.admin@example.org", "another-password-1");
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("a user with the email first.admin@example.org already exists");

    await login(page, "first.admin@example.org", "first-admin-password");
    await expect(page).toHaveURL(`${server.base}/`);
    await expect(page.getByTestId("signed-in-as")).toContainText("First Administrator");
    await page.goto("/admin/users");
    await expect(page.getByTestId("users-table")).toContainText("first.admin@example.org");
    await expect(page.getByTestId("users-table")).not.toContainText("correspondent.kz@example.org");
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);
  } finally {
    server.child.kill("SIGKILL");
  }
});

test("ADMIN_EMAIL and ADMIN_PASSWORD at the first start create the administrator, once", async ({ browser }) => {
  test.setTimeout(120_000);
  const db = freshDatabase("env-admin");
  const server = startServer(3312, { DATABASE_PATH: db, DEMO_DATA: "0", ADMIN_EMAIL: "Ops.Admin@example.org", ADMIN_PASSWORD: "ops-admin-password" });
  try {
    await ready(server);
    const page = await (await browser.newContext({ baseURL: server.base })).newPage();
    await login(page, "ops.admin@example.org", "ops-admin-password");
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await expectRefused(await (await browser.newContext({ baseURL: server.base })).newPage(), "admin@example.org", "demo-password");
  } finally {
    server.child.kill("SIGKILL");
  }
  const check = new Database(db, { readonly: true });
  expect(check.prepare("select email, role from users").all()).toEqual([{ email: "ops.admin@example.org", role: "admin" }]);
  expect(check.prepare("select action, object from audit_log where action = 'user.create'").all()).toEqual([
    { action: "user.create", object: "ops.admin@example.org (admin, ADMIN_EMAIL at start)" },
  ]);
  check.close();
});

test("the shared server, started with DEMO_DATA=1, shows the demo banner on every page", async ({ page }) => {
  for (const url of ["/login", "/open-data"]) {
    await page.goto(url);
    await expect(page.getByTestId("demo-banner")).toHaveText("Demo data — do not enter real data");
  }
  await login(page, "admin@example.org", "demo-password");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toBeVisible();
});

/** A database the server cannot use: it must exit non-zero with the one-line reason, not serve 500s. */
const unusable: { name: string; port: number; make: (file: string) => (() => void) | void; message: RegExp }[] = [
  {
    name: "a file that is not a database",
    port: 3313,
    make: (file) => writeFileSync(file, "name,value\nthis is a CSV file,1\n".repeat(200)),
    message: /is not a SQLite database or is corrupt: file is not a database/,
  },
  {
    name: "a read-only database (file and folder)",
    port: 3314,
    make: (file) => {
      const sqlite = new Database(file);
      sqlite.exec("create table t (x)");
      sqlite.close();
      const folder = path.dirname(file);
      chmodSync(file, 0o444);
      chmodSync(folder, 0o555);
      // Permissions do not stop root: make the file and folder immutable then.
      const root = process.getuid?.() === 0;
      if (root) execFileSync("chattr", ["+i", file, folder]);
      return () => {
        if (root) execFileSync("chattr", ["-i", file, folder]);
        chmodSync(folder, 0o755);
      };
    },
    message: /is read-only \(check the permissions of the file and of its folder\)/,
  },
  {
    name: "a database whose migrations fail",
    port: 3315,
    make: (file) => {
      const sqlite = new Database(file);
      sqlite.exec("create table answer_history (id integer primary key)"); // the first migration creates it
      sqlite.close();
    },
    message: /could not be migrated: migrations failed: .*answer_history/,
  },
];

for (const { name, port, make, message } of unusable) {
  test(`the server refuses ${name}: exit code 1 and one line`, async () => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(path.join(tmpdir(), "prod-bad-"));
    mkdirSync(path.join(dir, "data"));
    const file = path.join(dir, "data", "app.db");
    const cleanup = make(file);
    const server = startServer(port, { DATABASE_PATH: file, DEMO_DATA: "0" });
    try {
      const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 60_000))]);
      expect(code, server.output()).toBe(1);
      const lines = server
        .output()
        .split("\n")
        .filter((l) => l.startsWith("Cannot start:"));
      expect(lines, server.output()).toHaveLength(1);
      expect(lines[0]).toContain(`Cannot start: the database ${file} `);
      expect(lines[0]).toMatch(message);
    } finally {
      server.child.kill("SIGKILL");
      cleanup?.();
    }
  });
}
