import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/open";
import { addressKey, attemptSucceeded, lockedUntil, LIMITS, reserveAttempt } from "./lockout";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

function freshDatabase() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "lockout-test-")), "app.db");
  return { file, db: openDatabase(file) };
}

/** Reserves `n` checks that all fail; the count actually reserved. */
async function fail(db: ReturnType<typeof freshDatabase>["db"], email: string, address: string, n: number, now = NOW) {
  let reserved = 0;
  for (let i = 0; i < n; i++) if ("id" in (await reserveAttempt(db, { email, address }, now))) reserved++;
  return reserved;
}

describe("login limits", () => {
  it("the numbers SECURITY.md states", () => {
    expect(LIMITS.map((l) => [l.by, l.max, l.windowMs / MINUTE])).toEqual([
      ["account and address", 10, 15],
      ["account", 100, 60],
      ["address", 50, 15],
    ]);
  });

  it("allows 10 failed checks per account and address in 15 minutes, then refuses until the oldest leaves the window", async () => {
    const { db } = freshDatabase();
    for (let i = 0; i < 10; i++) expect(await fail(db, "a@example.org", "192.0.2.1", 1, NOW + i * MINUTE)).toBe(1);
    const refused = await reserveAttempt(db, { email: "a@example.org", address: "192.0.2.1" }, NOW + 10 * MINUTE);
    expect(refused).toEqual({ retryAt: NOW + 15 * MINUTE });
    expect(await lockedUntil(db, { email: "a@example.org", address: "192.0.2.1" }, NOW + 10 * MINUTE)).toBe(NOW + 15 * MINUTE);
    // Another address is not locked out by this one's failures, nor is another account.
    expect(await fail(db, "a@example.org", "192.0.2.2", 1, NOW + 10 * MINUTE)).toBe(1);
    expect(await fail(db, "b@example.org", "192.0.2.1", 1, NOW + 10 * MINUTE)).toBe(1);
    // Once the first failure is 15 minutes old, one more check is allowed.
    expect(await fail(db, "a@example.org", "192.0.2.1", 2, NOW + 15 * MINUTE)).toBe(1);
  });

  it("a right password does not count as a failure, and does not clear the earlier ones", async () => {
    const { db } = freshDatabase();
    const key = { email: "a@example.org", address: "192.0.2.1" };
    expect(await fail(db, key.email, key.address, 9)).toBe(9);
    const ok = await reserveAttempt(db, key, NOW);
    if (!("id" in ok)) throw new Error("refused");
    await attemptSucceeded(db, ok.id);
    expect(await fail(db, key.email, key.address, 5)).toBe(1);
  });

  it("an account takes at most 100 failed checks an hour across all addresses", async () => {
    const { db } = freshDatabase();
    let reserved = 0;
    for (let a = 0; a < 30; a++) reserved += await fail(db, "a@example.org", `198.51.100.${a}`, 10, NOW + a * MINUTE);
    expect(reserved).toBe(100);
    expect(await lockedUntil(db, { email: "a@example.org", address: "203.0.113.9" }, NOW + 30 * MINUTE)).toBe(NOW + 60 * MINUTE);
  });

  it("an address takes at most 50 failed checks in 15 minutes across all accounts", async () => {
    const { db } = freshDatabase();
    let reserved = 0;
    for (let u = 0; u < 20; u++) reserved += await fail(db, `user${u}@example.org`, "192.0.2.7", 10);
    expect(reserved).toBe(50);
    expect(await lockedUntil(db, { email: "new@example.org", address: "192.0.2.7" }, NOW)).toBe(NOW + 15 * MINUTE);
    expect(await lockedUntil(db, { email: "new@example.org", address: "192.0.2.8" }, NOW)).toBeNull();
  });

  it("parallel reservations from several connections never exceed the limit", async () => {
    const { file } = freshDatabase();
    const start = new SharedArrayBuffer(4);
    const workers = Array.from(
      { length: 6 },
      () =>
        new Worker(RACER, {
          eval: true,
          workerData: {
            file,
            module: path.resolve(__dirname, "lockout.ts"),
            start,
            tries: 20,
            key: { email: "race@example.org", address: "192.0.2.1" },
            now: NOW,
          },
        }),
    );
    await Promise.all(workers.map((w) => once(w, "message")));
    const done = workers.map((w) => once(w, "message").then(([n]) => n as number));
    // Every worker has its connection open and waits: let them all go at once.
    Atomics.store(new Int32Array(start), 0, 1);
    Atomics.notify(new Int32Array(start), 0);
    const reserved = await Promise.all(done);
    expect(reserved.reduce((a, b) => a + b, 0)).toBe(10);
  }, 60_000);
});

// Runs in a worker thread with its own connection: reserves `tries` checks as fast as it can.
const RACER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const { drizzle } = require("drizzle-orm/better-sqlite3");
require("tsx/esm/api").tsImport(workerData.module, workerData.module).then(async ({ reserveAttempt }) => {
  const sqlite = new Database(workerData.file);
  sqlite.pragma("busy_timeout = 10000");
  const db = drizzle(sqlite);
  parentPort.postMessage("ready");
  Atomics.wait(new Int32Array(workerData.start), 0, 0);
  let reserved = 0;
  for (let i = 0; i < workerData.tries; i++) if ("id" in (await reserveAttempt(db, workerData.key, workerData.now))) reserved++;
  sqlite.close();
  parentPort.postMessage(reserved);
});
`;

describe("addressKey", () => {
  it("keeps IPv4 addresses (also IPv4-mapped IPv6) and groups IPv6 by /64", () => {
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002::9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("2001:DB8::2")).toBe(addressKey("2001:db8::1"));
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey(null)).toBe("unknown");
  });
});
