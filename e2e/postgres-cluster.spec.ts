// Two app instances on one PostgreSQL server behind a round-robin proxy, as a statistics office
// deploys for availability (servers of their own: a throw-away PostgreSQL from testing/postgres.ts,
// ports 3430–3432). Started together on an empty database, they migrate once (advisory lock) and
// load the demo once; a session is valid on both; a stale save through one conflicts with a save
// through the other; sign-out, deactivation and failed passwords count on both. Under 50
// concurrent autosaving clients nothing acknowledged is lost or applied twice; then one instance is
// killed with SIGKILL in the middle of a burst and PostgreSQL's server ends every connection of the
// app: the other instance and the pool carry on, and every acknowledged save is there afterwards.
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { readdirSync } from "node:fs";
import path from "node:path";
import type http from "node:http";
import pg from "pg";
import { postgresBin, startTestPostgres, type TestPostgres } from "../testing/postgres";
import {
  PASSWORD,
  lostAfterCrash,
  lostOrDuplicated,
  numberCells,
  ready,
  saveClient,
  signIn,
  startInstance,
  startProxy,
  stopInstance,
  type Ack,
  type Instance,
} from "./cluster";

const PORTS = [3430, 3431];
const PROXY = 3432;
const BASE = `http://127.0.0.1:${PROXY}`;
const KZ = "/api/cycles/2022-2024/replies/KZ/answers";
const FR = "/api/cycles/2022-2024/replies/FR/answers";

test.describe.configure({ mode: "serial" });
test.skip(!postgresBin(), "PostgreSQL's server binaries are not installed (.ci/run installs them)");

let server: TestPostgres;
let instances: Instance[] = [];
let proxy: http.Server;
const query = async <R>(text: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
};

test.beforeAll(async () => {
  test.setTimeout(360_000);
  server = await startTestPostgres();
  instances = PORTS.map((port) => startInstance(port, { DATABASE_URL: server.url }));
  proxy = await startProxy(PORTS, PROXY);
  // Started together on an empty database: both come up, one after the other's migrations and demo.
  await Promise.all(instances.map(ready));
});

test.afterAll(async () => {
  proxy?.close();
  await Promise.all(instances.map((i) => stopInstance(i, "SIGKILL")));
  server?.stop();
});

test("two instances on one PostgreSQL: migrated once, one demo, sessions, conflicts, sign-out, deactivation and lockout across both", async ({ browser }) => {
  test.setTimeout(240_000);
  const migrations = readdirSync(path.join("db", "migrations-pg")).filter((f) => f.endsWith(".sql")).length;
  expect((await query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations"))[0].n).toBe(migrations);
  expect((await query<{ n: number }>("select count(*)::int as n from users"))[0].n).toBe(6);
  for (const port of PORTS) expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: "ok", database: "ok" });

  // A session is valid on both instances.
  const { ctx: kz } = await signIn(BASE, "correspondent.kz@example.org");
  const answered = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await kz.get(KZ);
    expect(res.status()).toBe(200);
    answered.add(res.headers()["x-instance"]);
  }
  expect([...answered].sort()).toEqual(PORTS.map(String));

  // A save through one instance; a save based on the older version through the other is a conflict.
  const before = (await (await kz.get(KZ)).json()).answers["001"]?.version ?? 0;
  const first = await kz.put(KZ, { data: { changes: [{ cell: "001", value: { num: 19_000_000, text: null, status: null }, baseVersion: before }] } });
  expect(first.status()).toBe(200);
  const stale = await kz.put(KZ, { data: { changes: [{ cell: "001", value: { num: 19_000_001, text: null, status: null }, baseVersion: before }] } });
  expect(stale.headers()["x-instance"]).not.toBe(first.headers()["x-instance"]);
  expect(stale.status()).toBe(409);
  expect((await (await kz.get(KZ)).json()).answers["001"].answer.num).toBe(19_000_000);
  await kz.dispose();

  // Signing out in the browser ends the session on both instances.
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const signInPage = async (email: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
  };
  const refusedOnBoth = async (cookies: Awaited<ReturnType<typeof context.storageState>>, what: string) => {
    for (const port of PORTS) {
      const old = await request.newContext({ baseURL: `http://127.0.0.1:${port}`, storageState: cookies });
      expect((await old.get("/api/cycles/1999-2000/questionnaire")).status(), `${what} on ${port}`).toBe(401);
      await old.dispose();
    }
  };
  await signInPage("correspondent.fr@example.org");
  const frCookies = await context.storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await refusedOnBoth(frCookies, "the signed-out session");

  // An administrator deactivates an account through one instance: its open session ends on both.
  const { ctx: supervisor } = await signIn(BASE, "supervisor@example.org");
  const supervisorCookies = await supervisor.storageState();
  expect((await supervisor.get("/api/cycles/1999-2000/questionnaire")).status()).toBe(404); // signed in
  await signInPage("admin@example.org");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "supervisor@example.org" }).click();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Deactivated");
  await refusedOnBoth(supervisorCookies, "the deactivated account's session");
  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByTestId("user-status")).toHaveText("Active");
  await context.close();
  await supervisor.dispose();

  // Failed passwords are counted across the instances: after 10, the right one is refused too.
  const signedIn = async (ctx: APIRequestContext) => (await ctx.get("/api/cycles/1999-2000/questionnaire")).status() === 404;
  for (let i = 0; i < 10; i++) {
    const { ctx } = await signIn(BASE, "interviewer@example.org", `wrong-password-${i}`);
    expect(await signedIn(ctx)).toBe(false);
    await ctx.dispose();
  }
  const { ctx: locked } = await signIn(BASE, "interviewer@example.org");
  expect(await signedIn(locked), "the right password after 10 failures on two instances").toBe(false);
  await locked.dispose();
});

test("50 clients through both instances, then SIGKILL of one and every PostgreSQL connection ended mid-burst: no acknowledged save lost or applied twice", async () => {
  test.setTimeout(300_000);
  const { ctx: kz } = await signIn(BASE, "correspondent.kz@example.org");
  const { ctx: fr } = await signIn(BASE, "correspondent.fr@example.org");
  const cells = numberCells(await (await kz.get("/api/cycles/2022-2024/questionnaire")).json());

  // 50 clients, 25 per reply, each on its own 4 cells (2 of them fighting over one cell).
  const acks: Record<"KZ" | "FR", Ack[]> = { KZ: [], FR: [] };
  const errors: string[] = [];
  const never = () => false;
  await Promise.all([
    ...Array.from({ length: 24 }, (_, i) => saveClient(kz, KZ, cells.slice(i * 4, i * 4 + 4), 3, acks.KZ, errors, never)),
    ...Array.from({ length: 24 }, (_, i) => saveClient(fr, FR, cells.slice(i * 4, i * 4 + 4), 3, acks.FR, errors, never)),
    saveClient(kz, KZ, ["001"], 6, acks.KZ, errors, never, 0),
    saveClient(kz, KZ, ["001"], 6, acks.KZ, errors, never, 1),
  ]);
  expect(errors, instances.map((i) => i.output().slice(-3000)).join("\n----\n")).toEqual([]);
  expect(lostOrDuplicated((await (await kz.get(KZ)).json()).answers, acks.KZ)).toEqual([]);
  expect(lostOrDuplicated((await (await fr.get(FR)).json()).answers, acks.FR)).toEqual([]);

  // A burst; one instance killed in the middle of it, then every connection of the app ended by
  // PostgreSQL's server. Saves in flight at those moments may fail (5xx, not acknowledged); the
  // burst goes on through the other instance and new connections.
  const burst: Ack[] = [];
  const burstErrors: string[] = [];
  let done = false;
  const running = Promise.all(
    Array.from({ length: 20 }, (_, i) => saveClient(kz, KZ, cells.slice(200 + i * 5, 205 + i * 5), 1000, burst, burstErrors, () => done)),
  );
  const until = async (n: number) => {
    const deadline = Date.now() + 90_000;
    while (burst.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(burst.length, `acknowledged saves (errors: ${burstErrors.slice(0, 3).join(" | ")})`).toBeGreaterThanOrEqual(n);
  };
  await until(150);
  await stopInstance(instances[0], "SIGKILL");
  await until(burst.length + 150);
  const ended = await query<{ ok: boolean }>(
    "select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'",
  );
  expect(ended.length).toBeGreaterThan(0);
  const afterEnd = burst.length;
  await until(afterEnd + 150);
  done = true;
  await running;
  // Only the moments of the two failures cost saves: a few, each refused (5xx), none with a wrong answer.
  expect(
    burstErrors.every((e) => /^5\d\d /.test(e) || /ECONNRESET|socket hang up/.test(e)),
    burstErrors.join("\n"),
  ).toBe(true);

  instances[0] = startInstance(PORTS[0], { DATABASE_URL: server.url });
  await ready(instances[0]);
  const stored = (await (await kz.get(KZ)).json()).answers;
  expect(lostAfterCrash(stored, burst)).toEqual([]);
  const versions = new Map<string, Set<number>>();
  for (const a of burst) {
    const seen = versions.get(a.cell) ?? new Set<number>();
    expect(seen.has(a.version), `${a.cell} v${a.version} acknowledged twice`).toBe(false);
    versions.set(a.cell, seen.add(a.version));
  }
  console.log(
    `postgres cluster: ${acks.KZ.length + acks.FR.length} saves by 50 clients; burst ${burst.length} acknowledged (${afterEnd} before the connections were ended), ` +
      `${burstErrors.length} refused at the failures, ${ended.length} connections ended; lost: 0`,
  );
  await kz.dispose();
  await fr.dispose();
});
