import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./open";
import { inTransaction } from "./transaction";

function memoryDb(): Db {
  const sqlite = new Database(":memory:");
  sqlite.exec("create table t (v integer)");
  return drizzle(sqlite) as unknown as Db;
}
const values = (db: Db) => (db.$client.prepare("select v from t order by rowid").pluck().all() as number[]).join(",");
const insert = (db: Db, v: number) => db.$client.prepare("insert into t (v) values (?)").run(v);
/** NODE_ENV is read-only in the types; the check reads it at commit time. */
const setEnv = (value: string | undefined) => Object.assign(process.env, { NODE_ENV: value });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("inTransaction", () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    setEnv(env);
  });

  it("commits async work and returns its result", async () => {
    const db = memoryDb();
    const result = await inTransaction(db, async (tx) => {
      insert(tx, 1);
      await Promise.resolve();
      insert(tx, 2);
      return "done";
    });
    expect(result).toBe("done");
    expect(values(db)).toBe("1,2");
    expect(db.$client.inTransaction).toBe(false);
  });

  it("rolls back everything when the work fails", async () => {
    const db = memoryDb();
    await expect(
      inTransaction(db, async (tx) => {
        insert(tx, 1);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(values(db)).toBe("");
    expect(db.$client.inTransaction).toBe(false);
  });

  it("runs a nested transaction as a savepoint: its failure undoes its own writes only", async () => {
    const db = memoryDb();
    await inTransaction(db, async (tx) => {
      insert(tx, 1);
      await expect(
        inTransaction(tx, async (inner) => {
          insert(inner, 2);
          throw new Error("one interview refused");
        }),
      ).rejects.toThrow();
      await inTransaction(tx, async (inner) => insert(inner, 3));
    });
    expect(values(db)).toBe("1,3");
  });

  it("runs two transactions of one connection one after the other, even when the first waits", async () => {
    setEnv("production"); // waiting inside a transaction is refused only in tests
    const db = memoryDb();
    const order: string[] = [];
    const first = inTransaction(db, async (tx) => {
      order.push("first starts");
      insert(tx, 1);
      await tick();
      order.push("first ends");
    });
    const second = inTransaction(db, async (tx) => {
      order.push("second starts");
      insert(tx, 2);
    });
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second starts"]);
    expect(values(db)).toBe("1,2");
  });

  it("a failed transaction does not stop the next one", async () => {
    const db = memoryDb();
    const failed = inTransaction(db, () => {
      throw new Error("no");
    });
    const next = inTransaction(db, async (tx) => insert(tx, 7));
    await expect(failed).rejects.toThrow("no");
    await next;
    expect(values(db)).toBe("7");
  });

  it("in tests, refuses work that waited on I/O with the transaction open, and writes nothing", async () => {
    setEnv("test");
    const db = memoryDb();
    await expect(
      inTransaction(db, async (tx) => {
        insert(tx, 1);
        await tick();
      }),
    ).rejects.toThrow(/waited on I\/O/);
    expect(values(db)).toBe("");
  });

  it("a callback scheduled inside the work runs later as a transaction of its own, not inside another's", async () => {
    setEnv("production");
    const db = memoryDb();
    const order: string[] = [];
    let later: Promise<unknown> | undefined;
    await inTransaction(db, async (tx) => {
      insert(tx, 1);
      setImmediate(() => {
        later = inTransaction(db, async (own) => {
          order.push("callback");
          insert(own, 3);
        });
      });
    });
    // Another request's transaction, open (waiting) when the callback runs.
    await inTransaction(db, async (tx) => {
      order.push("other starts");
      insert(tx, 2);
      await tick();
      order.push("other ends");
    });
    await later;
    expect(order).toEqual(["other starts", "other ends", "callback"]);
    expect(values(db)).toBe("1,2,3");
  });
});
