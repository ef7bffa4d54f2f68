// npm run db:copy on a real PostgreSQL (a throw-away server, testing/postgres.ts): the demo database
// arrives whole and verified; a non-empty target or an unmigrated source is refused with nothing written.
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { copySqliteToPostgres, tablesInCopyOrder } from "./copy";

describe("the copy order", () => {
  it("puts every table after the tables its foreign keys name", () => {
    const order = tablesInCopyOrder();
    const position = new Map(order.map((t, i) => [t.name, i]));
    for (const t of order) for (const r of t.references) expect(position.get(r)!, `${t.name} → ${r}`).toBeLessThan(position.get(t.name)!);
  });
});

describe.skipIf(!postgresBin() || !process.env.DEMO_TEMPLATE_PATH)("npm run db:copy", () => {
  let server: TestPostgres;
  let client: pg.Client;
  let source: string;
  beforeAll(async () => {
    server = await startTestPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    source = path.join(mkdtempSync(path.join(tmpdir(), "copy-")), "app.db");
    copyFileSync(process.env.DEMO_TEMPLATE_PATH!, source);
    // The demo's ~900 000 survey answers take 45 s to copy and verify (npm run db:copy prints the
    // figures); every kind of row stays, a tenth of the interviews' answers is enough here.
    const lite = new Database(source);
    lite.exec("delete from answers where response_id in (select response_id from survey_households where id % 10 <> 0)");
    lite.close();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("copies the demo database; every table has the same rows; new ids continue after the copied ones", async () => {
    const report = await copySqliteToPostgres(source, server.url);
    const lite = new Database(source, { readonly: true });
    for (const t of report) expect(t.rows, t.table).toBe(lite.prepare(`select count(*) from "${t.table}"`).pluck().get());
    expect(report.find((t) => t.table === "answers")!.rows).toBeGreaterThan(50_000);
    // A figure and a boolean, read back.
    const figure = lite.prepare("select response_id, cell, num from answers where num > 1000000 limit 1").get() as {
      response_id: number;
      cell: string;
      num: number;
    };
    const copied = await client.query("select num from answers where response_id = $1 and cell = $2", [figure.response_id, figure.cell]);
    expect(copied.rows[0].num).toBe(figure.num);
    const active = await client.query("select active from users where email = 'admin@example.org'");
    expect(active.rows[0].active).toBe(true);
    const maxId = lite.prepare("select max(id) from audit_log").pluck().get() as number;
    const next = await client.query("insert into audit_log (action) values ('copy.test') returning id");
    expect(next.rows[0].id).toBe((maxId ?? 0) + 1);
    lite.close();
  }, 180_000);

  it("refuses a target that is not empty, and writes nothing", async () => {
    const before = await client.query("select count(*)::int as n from audit_log");
    await expect(copySqliteToPostgres(source, server.url)).rejects.toThrow(/not empty/);
    expect((await client.query("select count(*)::int as n from audit_log")).rows[0].n).toBe(before.rows[0].n);
  });

  it("refuses a source that is not at the app's latest migration", async () => {
    const old = path.join(mkdtempSync(path.join(tmpdir(), "copy-old-")), "app.db");
    copyFileSync(source, old);
    const db = new Database(old);
    db.exec(`delete from "__drizzle_migrations" where created_at = (select max(created_at) from "__drizzle_migrations")`);
    db.close();
    await expect(copySqliteToPostgres(old, server.url)).rejects.toThrow(/migrations: start the app on it once/);
  });
});
