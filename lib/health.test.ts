// The health check's database probe: ok on a writable database; the reason on a read-only one, on
// one whose write lock another process holds, and on a closed connection.
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/open";
import { checkDatabase } from "./health";

const dir = mkdtempSync(path.join(tmpdir(), "health-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wrap = (sqlite: Database.Database) => drizzle(sqlite) as unknown as Db;

describe("checkDatabase", () => {
  it("is ok on a migrated, writable database, and writes nothing", async () => {
    const db = openDatabase(path.join(dir, "ok.db"));
    const changes = db.$client.prepare("select total_changes() as n").get();
    expect(await checkDatabase(db)).toEqual({ ok: true });
    expect(db.$client.prepare("select total_changes() as n").get()).toEqual(changes);
    expect(db.$client.inTransaction).toBe(false);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000); // the connection's own wait, restored
    db.$client.close();
  });

  it("names a read-only database", async () => {
    const file = path.join(dir, "ro.db");
    openDatabase(file).$client.close();
    const sqlite = new Database(file, { readonly: true });
    const health = await checkDatabase(wrap(sqlite));
    expect(health.ok).toBe(false);
    expect(!health.ok && health.reason).toMatch(/^not writable: .*readonly/);
    expect(sqlite.inTransaction).toBe(false);
    sqlite.close();
  });

  it.skipIf(process.getuid?.() === 0)("names a database file without write permission", async () => {
    const file = path.join(dir, "ro-file.db");
    const db = openDatabase(file);
    db.$client.pragma("journal_mode = DELETE"); // a WAL database needs its -shm file writable even to read
    db.$client.close();
    chmodSync(file, 0o444);
    const sqlite = new Database(file);
    expect(await checkDatabase(wrap(sqlite))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not writable/) });
    sqlite.close();
  });

  it("names a database whose write lock another process holds past the wait", async () => {
    const file = path.join(dir, "locked.db");
    const db = openDatabase(file);
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    try {
      expect(await checkDatabase(db)).toEqual({ ok: false, reason: "not writable: database is locked" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await checkDatabase(db)).toEqual({ ok: true });
    db.$client.close();
  });

  it("names a connection that cannot be used", async () => {
    const db = openDatabase(path.join(dir, "closed.db"));
    db.$client.close();
    expect(await checkDatabase(db)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not readable: .*not open/) });
  });
});
