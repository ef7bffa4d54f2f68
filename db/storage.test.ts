import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { isStorageFull } from "./storage";

const coded = (code: string) => Object.assign(new Error(code), { code });

describe("isStorageFull", () => {
  it("knows SQLite's, PostgreSQL's and the system's codes for a write that found no room, also as the cause of a wrapper", () => {
    for (const code of [
      "SQLITE_FULL",
      "SQLITE_IOERR_WRITE",
      "SQLITE_IOERR_FSYNC",
      "SQLITE_IOERR_SHMSIZE",
      "SQLITE_IOERR_TRUNCATE",
      "ENOSPC",
      "EDQUOT",
      "53100",
    ])
      expect(isStorageFull(coded(code)), code).toBe(true);
    expect(isStorageFull(new DrizzleQueryError("insert into answers …", [], coded("SQLITE_FULL")))).toBe(true);
    expect(isStorageFull(new DrizzleQueryError("insert into answers …", [], coded("53100")))).toBe(true); // node-postgres: error.code is the SQLSTATE
  });

  it("leaves every other error to its caller", () => {
    for (const code of [
      "SQLITE_CONSTRAINT_UNIQUE",
      "SQLITE_BUSY",
      "SQLITE_READONLY",
      "SQLITE_CORRUPT",
      "SQLITE_IOERR_READ",
      "EACCES",
      "40001",
      "25006",
      "53300",
      "57P01",
    ])
      expect(isStorageFull(coded(code)), code).toBe(false);
    expect(isStorageFull(new Error("database or disk is full"))).toBe(false); // no code: not guessed from a message
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull("SQLITE_FULL")).toBe(false);
  });

  it("recognises what better-sqlite3 throws when a database cannot grow", () => {
    const db = new Database(":memory:");
    db.exec("create table t (x)");
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
    let thrown: unknown;
    try {
      db.prepare("insert into t values (randomblob(100000))").run();
    } catch (error) {
      thrown = error;
    }
    expect(isStorageFull(thrown)).toBe(true);
    db.close();
  });
});
