// The engine seam on both engines: placeholders, rows as objects and as arrays, the changed-row
// count, and a large read through each() (a cursor in batches on PostgreSQL) in constant order.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { openDatabase, type Db } from "./open";
import { openPostgres, type PgDb } from "./postgres";
import { all, allArrays, each, get, numbered, run, statement } from "./sql";

describe("numbered", () => {
  it("numbers the placeholders outside quoted strings and identifiers", () => {
    expect(numbered(`select '?' as "a?", x from t where a = ? and b like '%?%' and c = ?`)).toBe(
      `select '?' as "a?", x from t where a = $1 and b like '%?%' and c = $2`,
    );
  });
});

const CREATE = statement("create table big (id integer primary key, label text not null, amount double precision)");
const INSERT = statement("insert into big (id, label, amount) values (?, ?, ?)");
const ALL = statement(`select id, label as "theLabel", amount from big where id > ? order by id`);
const COUNT = statement("select cast(count(*) as integer) as n from big");
const RELABEL = statement("update big set label = ? where id <= ?");

type Engine = { db: Db; close: () => Promise<void> };
let server: TestPostgres | undefined;
const engines: [string, () => Promise<Engine>][] = [
  [
    "SQLite",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "sql-"));
      const db = openDatabase(path.join(dir, "app.db"));
      return { db, close: async () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  ],
];
if (postgresBin())
  engines.push([
    "PostgreSQL",
    async () => {
      server = await startTestPostgres();
      const db = (await openPostgres(server.url, { max: 2 })) as PgDb;
      return { db: db as unknown as Db, close: () => db.$client.end() };
    },
  ]);

describe.each(engines)("db/sql.ts on %s", (_name, start) => {
  let engine: Engine;
  const ROWS = 4500; // more than two of PostgreSQL's cursor batches
  beforeAll(async () => {
    engine = await start();
    await run(engine.db, CREATE);
    for (let id = 1; id <= ROWS; id++) await run(engine.db, INSERT, id, `row ${id}`, id === 7 ? 88_100_652 : id / 4);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  it("reads rows as objects (aliases keep their case) and counts as numbers", async () => {
    expect(await get(engine.db, COUNT)).toEqual({ n: ROWS });
    const rows = await all<{ id: number; theLabel: string; amount: number }>(engine.db, ALL, ROWS - 2);
    expect(rows).toEqual([
      { id: ROWS - 1, theLabel: `row ${ROWS - 1}`, amount: (ROWS - 1) / 4 },
      { id: ROWS, theLabel: `row ${ROWS}`, amount: ROWS / 4 },
    ]);
  });

  it("reads rows as arrays, and the same statement again as objects", async () => {
    expect(await allArrays(engine.db, ALL, ROWS - 1)).toEqual([[ROWS, `row ${ROWS}`, ROWS / 4]]);
    expect(await all(engine.db, ALL, ROWS - 1)).toEqual([{ id: ROWS, theLabel: `row ${ROWS}`, amount: ROWS / 4 }]);
  });

  it("hands every row of a large read to each(), in order, as objects or arrays", async () => {
    const ids: number[] = [];
    let amountOf7 = 0;
    await each<{ id: number; amount: number }>(engine.db, ALL, [0], (r) => {
      ids.push(r.id);
      if (r.id === 7) amountOf7 = r.amount;
    });
    expect(ids).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    expect(amountOf7).toBe(88_100_652);
    let arrays = 0;
    await each<unknown[]>(engine.db, ALL, [ROWS - 10], (r) => (arrays += Array.isArray(r) && r.length === 3 ? 1 : 0), { arrays: true });
    expect(arrays).toBe(10);
  });

  it("says how many rows a write changed", async () => {
    expect(await run(engine.db, RELABEL, "changed", 3)).toBe(3);
    expect(await run(engine.db, RELABEL, "changed", 0)).toBe(0);
  });
});
