// The PostgreSQL engine on a real throw-away server (testing/postgres.ts): instances that start
// together migrate once; inTransaction is serializable with retries, so a read-modify-write never
// loses an update, a failure rolls back, and a nested transaction is a savepoint.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import type { Db } from "./open";
import { openPostgres, type PgDb } from "./postgres";
import { inTransaction, transactionRetries } from "./transaction";

describe.skipIf(!postgresBin())("PostgreSQL", () => {
  let server: TestPostgres;
  const opened: PgDb[] = [];
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const db of opened) await db.$client.end();
    server?.stop();
  });

  const open = async () => {
    const db = await openPostgres(server.url, { max: 4 });
    opened.push(db);
    return db;
  };
  const asDb = (db: PgDb) => db as unknown as Db;
  const rows = async (db: PgDb, query: string) => (await db.$client.query(query)).rows;

  it("applies the migrations once when three instances start together on an empty database", async () => {
    const [a] = await Promise.all([open(), open(), open()]);
    const migrations = await rows(a, "select count(*)::int as n from drizzle.__drizzle_migrations");
    const { readdirSync } = await import("node:fs");
    const files = readdirSync("db/migrations-pg").filter((f) => f.endsWith(".sql"));
    expect(migrations[0].n).toBe(files.length);
    expect(await rows(a, "select count(*)::int as n from users")).toEqual([{ n: 0 }]);
  });

  it("never loses an update of concurrent read-modify-write transactions", async () => {
    const db = await open();
    await db.$client.query("create table counter (id int primary key, n int not null)");
    await db.$client.query("insert into counter values (1, 0)");
    const increment = () =>
      inTransaction(asDb(db), async (tx) => {
        const t = tx as unknown as PgDb;
        const [{ n }] = (await t.execute(sql`select n from counter where id = 1`)).rows as { n: number }[];
        await new Promise((resolve) => setTimeout(resolve, 2)); // the other transactions read meanwhile
        await t.execute(sql`update counter set n = ${n + 1} where id = 1`);
      });
    await Promise.all(Array.from({ length: 12 }, increment));
    expect(await rows(db, "select n from counter")).toEqual([{ n: 12 }]);
  });

  it("lock: writers of one row wait for each other behind its lock, in one instance and across two; writers of other rows are neither held up nor retried", async () => {
    // Two pools: two app instances. 40 writers of one reply and 10 of another, each a
    // read-modify-write of its reply's row with a pause in between: without the lock they lose
    // updates (READ COMMITTED) or abort each other until retries run out (SERIALIZABLE).
    const [a, b] = [await open(), await open()];
    // The replies' rows are the app's (migrated); what the writers change is a counter per reply.
    await a.$client.query("insert into questionnaires (id, version, definition) values ('lock-test', '1', '{}')");
    await a.$client.query("insert into responses (id, questionnaire_id) values (1, 'lock-test'), (2, 'lock-test')");
    await a.$client.query("create table reply_counter (id int primary key, n int not null)");
    await a.$client.query("insert into reply_counter values (1, 0), (2, 0)");
    let inside = 0;
    let most = 0;
    const write = (db: PgDb, id: number) =>
      inTransaction(
        asDb(db),
        async (tx) => {
          const t = tx as unknown as PgDb;
          if (id === 1) most = Math.max(most, ++inside);
          const [{ n }] = (await t.execute(sql`select n from reply_counter where id = ${id}`)).rows as { n: number }[];
          await new Promise((resolve) => setTimeout(resolve, 2));
          await t.execute(sql`update reply_counter set n = ${n + 1} where id = ${id}`);
          if (id === 1) inside--;
        },
        { lock: { table: "responses", id } },
      );
    const retries = transactionRetries();
    await Promise.all([...Array.from({ length: 40 }, (_, i) => write(i % 2 ? a : b, 1)), ...Array.from({ length: 10 }, (_, i) => write(i % 2 ? a : b, 2))]);
    expect(most).toBe(1);
    expect(await rows(a, "select id, n from reply_counter order by id")).toEqual([
      { id: 1, n: 40 },
      { id: 2, n: 10 },
    ]);
    expect(transactionRetries() - retries).toBe(0);
  });

  it("rolls back a failed transaction and keeps a failed savepoint's siblings", async () => {
    const db = await open();
    await db.$client.query("create table items (v int)");
    await expect(
      inTransaction(asDb(db), async (tx) => {
        await (tx as unknown as PgDb).execute(sql`insert into items values (1)`);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await inTransaction(asDb(db), async (tx) => {
      await (tx as unknown as PgDb).execute(sql`insert into items values (2)`);
      await expect(
        inTransaction(tx, async (inner) => {
          await (inner as unknown as PgDb).execute(sql`insert into items values (3)`);
          throw new Error("one interview refused");
        }),
      ).rejects.toThrow();
      await inTransaction(tx, async (inner) => (inner as unknown as PgDb).execute(sql`insert into items values (4)`));
    });
    expect(await rows(db, "select v from items order by v")).toEqual([{ v: 2 }, { v: 4 }]);
  });

  it("refuses to start on a database it cannot migrate, with the reason", async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("create database broken");
    await client.end();
    const url = server.url.replace(/\/app$/, "/broken");
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query("create table users (x int)"); // the first migration's table is taken
    await blocker.end();
    await expect(openPostgres(url)).rejects.toThrow(/migrations failed/);
  });
});
