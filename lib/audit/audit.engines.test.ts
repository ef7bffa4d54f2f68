// The log-journal on both engines (db/sql.ts): the same calls write audit rows and find them with
// the same filters — case-insensitive, `%` and `_` of a filter matched as typed (but `q`'s as
// wildcards), local days, a body's id, a limit — on SQLite and on a real PostgreSQL
// (testing/postgres.ts), newest first, with the same keys ("user" is a keyword in PostgreSQL).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { recordAudit } from "./record";
import { searchAudit, type AuditFilter } from "./query";

const ADD_USER = statement("insert into users (email, name, role, password_hash) values (?, ?, ?, 'x')");
// Rows at chosen instants (recordAudit leaves `at` to the column's default: now).
const ADD_ROW = statement("insert into audit_log (at, action, object, user_id, role, ip) values (?, ?, ?, ?, ?, ?)");

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-engines-"));
  const db = openDatabase(path.join(dir, "app.db"));
  return {
    name: "SQLite",
    db,
    close: async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let server: TestPostgres | undefined;
async function postgres(): Promise<Engine> {
  server = await startTestPostgres();
  const db = (await openPostgres(server.url, { max: 2 })) as PgDb;
  return { name: "PostgreSQL", db: db as unknown as Db, close: () => db.$client.end() };
}

const engines: [string, () => Promise<Engine>][] = [["SQLite", sqlite]];
if (postgresBin()) engines.push(["PostgreSQL", postgres]);

describe.each(engines)("the log-journal on %s", (_name, start) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_USER, "anna@example.org", "Anna Smith", "admin"); // 1
      await run(tx, ADD_USER, "bob@example.org", "Bob", "reporter"); // 2
      // Local days in Kazakhstan (UTC+5): 2026-04-05 19:00 UTC is 2026-04-06 00:00 there.
      await run(tx, ADD_ROW, "2026-04-05T18:59:59.999Z", "report.submit", "form 1 2026-03 body 5", 2, "reporter", "192.0.2.1"); // 1
      await run(tx, ADD_ROW, "2026-04-05T19:00:00.000Z", "report.return", "form 1 2026-03 body 50", 1, "admin", null); // 2
      await run(tx, ADD_ROW, "2026-04-06T10:00:00.000Z", "user_create", "body 5 user", 1, "admin", null); // 3
      await run(tx, ADD_ROW, "2026-04-07T10:00:00.000Z", "usercreate", "C:\\temp 100%", null, null, null); // 4
    });
    // 5, 6: written by the service's call, in a transaction; `at` is now.
    await inTransaction(engine.db, async (tx) => {
      await recordAudit(tx, { action: "Login", object: "bob@example.org", user: { id: 2, role: "reporter" } }, "203.0.113.9");
      await recordAudit(tx, { action: "logout", user: null }, null);
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  const ids = async (f: AuditFilter) => (await searchAudit(engine.db, f)).map((r) => r.id);

  it("writes the rows and reads them newest first, with the same keys and values", async () => {
    const rows = await searchAudit(engine.db, {});
    expect(rows.map((r) => r.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(rows[1]).toEqual({
      id: 5,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      user: "bob@example.org",
      role: "reporter",
      action: "Login",
      object: "bob@example.org",
      ip: "203.0.113.9",
    });
    expect(rows[0]).toEqual({ id: 6, at: expect.any(String), user: "", role: null, action: "logout", object: null, ip: null });
    expect(rows[5]).toEqual({
      id: 1,
      at: "2026-04-05T18:59:59.999Z",
      user: "bob@example.org",
      role: "reporter",
      action: "report.submit",
      object: "form 1 2026-03 body 5",
      ip: "192.0.2.1",
    });
  });

  it("matches action, user and object in any case, their % and _ as typed", async () => {
    expect(await ids({ action: "LOG" })).toEqual([6, 5]);
    expect(await ids({ action: "user_" })).toEqual([3]);
    expect(await ids({ action: "report." })).toEqual([2, 1]);
    expect(await ids({ user: "SMITH" })).toEqual([3, 2]);
    expect(await ids({ user: "BOB@" })).toEqual([5, 1]);
    expect(await ids({ object: "100%" })).toEqual([4]);
    expect(await ids({ object: "2026_03" })).toEqual([]);
    expect(await ids({ object: "C:\\TEMP" })).toEqual([4]);
  });

  it("matches a body's id at the end of an object or before more text, not a longer id", async () => {
    expect(await ids({ body: 5 })).toEqual([1]);
    expect(await ids({ body: 50 })).toEqual([2]);
    expect(await ids({ object: "body 5", body: 5 })).toEqual([1]);
  });

  it("keeps rows of local days, and the `q` of any field as a pattern (its % a wildcard)", async () => {
    expect(await ids({ from: "2026-04-06", to: "2026-04-06" })).toEqual([3, 2]);
    expect(await ids({ to: "2026-04-05" })).toEqual([1]);
    expect(await ids({ q: "anna" })).toEqual([3, 2]);
    expect(await ids({ q: "form%body 5" })).toEqual([2, 1]);
    expect(await ids({ q: "c:\\t" })).toEqual([4]);
    expect(await ids({ q: "BOB", to: "2026-04-06" })).toEqual([1]);
  });

  it("returns at most `limit` rows", async () => {
    expect(await ids({ limit: 2 })).toEqual([6, 5]);
    expect(await ids({ q: "o", limit: 1 })).toEqual([5]);
  });
});
