// Concurrency and crash safety, on a server of its own: 50 clients save at once into the same and
// different replies (every acknowledged save stored, none lost or duplicated, no SQLITE_BUSY); then
// the server is killed with SIGKILL in the middle of a burst, restarted, and every save
// acknowledged before the kill is there, in a database that passes PRAGMA integrity_check.
import { expect, test, chromium, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { lostAfterCrash, lostOrDuplicated, numberCells, saveClient as client, type Ack } from "./cluster";

const PORT = 3410;
const BASE = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(path.join(tmpdir(), "crash-"));
const DB = path.join(dir, "crash.db");

function startServer(): ChildProcess {
  return spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_PATH: DB,
      AUTH_SECRET: "crash-test-secret-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_DATA: "1",
    },
    stdio: "ignore",
  });
}
// The first start seeds the whole demo (since the Instruction's placements, ~40 s under the suite's
// load): up to two minutes.
async function ready() {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}
async function session(email: string): Promise<APIRequestContext> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${BASE}/`);
  return page.request;
}

test.describe.configure({ mode: "serial" });

test("50 concurrent clients and a SIGKILL mid-burst lose no acknowledged save", async () => {
  test.setTimeout(240_000);
  let server = startServer();
  try {
    await ready();
    const kz = await session("correspondent.kz@example.org");
    const fr = await session("correspondent.fr@example.org");
    const def = await (await kz.get("/api/cycles/2022-2024/questionnaire")).json();
    const cells = numberCells(def);
    const KZ = "/api/cycles/2022-2024/replies/KZ/answers";
    const FR = "/api/cycles/2022-2024/replies/FR/answers";

    // Phase 1: 50 clients, 25 per reply, each on its own 4 cells; plus 2 clients fighting over one cell.
    const acks: Record<string, Ack[]> = { KZ: [], FR: [] };
    const errors: string[] = [];
    const never = () => false;
    await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => client(kz, KZ, cells.slice(i * 4, i * 4 + 4), 3, acks.KZ, errors, never)),
      ...Array.from({ length: 24 }, (_, i) => client(fr, FR, cells.slice(i * 4, i * 4 + 4), 3, acks.FR, errors, never)),
      client(kz, KZ, ["001"], 6, acks.KZ, errors, never, 0),
      client(kz, KZ, ["001"], 6, acks.KZ, errors, never, 1),
    ]);
    expect(errors).toEqual([]);
    expect(lostOrDuplicated((await (await kz.get(KZ)).json()).answers, acks.KZ)).toEqual([]);
    expect(lostOrDuplicated((await (await fr.get(FR)).json()).answers, acks.FR)).toEqual([]);
    console.log(`concurrency: ${acks.KZ.length + acks.FR.length} acknowledged saves by 50 clients, 0 errors`);

    // Phase 2: a burst, and SIGKILL in the middle of it.
    const burstAcks: Ack[] = [];
    const burstErrors: string[] = [];
    let killed = false;
    const stop = () => killed;
    const burst = Promise.all(Array.from({ length: 20 }, (_, i) => client(kz, KZ, cells.slice(200 + i * 5, 205 + i * 5), 50, burstAcks, burstErrors, stop)));
    const until = Date.now() + 60_000;
    while (burstAcks.length < 150 && !burstErrors.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(burstErrors).toEqual([]);
    expect(burstAcks.length).toBeGreaterThanOrEqual(150);
    server.kill("SIGKILL");
    killed = true;
    await burst;
    if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once("exit", r));

    const check = new Database(DB, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
    server = startServer();
    await ready();
    const stored = (await (await kz.get(KZ)).json()).answers as Record<string, { answer: { num: number }; version: number }>;
    const lost = lostAfterCrash(stored, burstAcks);
    console.log(
      `crash: ${burstAcks.length} saves acknowledged before SIGKILL on ${new Set(burstAcks.map((a) => a.cell)).size} cells; lost after restart: ${lost.length}`,
    );
    expect(lost).toEqual([]);
  } finally {
    server.kill("SIGKILL");
  }
});
