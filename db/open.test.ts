// What a server that cannot use its database says before it exits (instrumentation.ts prints it).
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, startFailureMessage } from "./open";

const dir = mkdtempSync(path.join(tmpdir(), "open-test-"));
const failure = (file: string) => {
  try {
    openDatabase(file).$client.close();
  } catch (error) {
    return startFailureMessage(file, error);
  }
  return null;
};

describe("startFailureMessage", () => {
  it("names a file that is not a database", () => {
    const file = path.join(dir, "text.db");
    writeFileSync(file, "this is a text file, not SQLite ".repeat(100));
    expect(failure(file)).toBe(`Cannot start: the database ${file} is not a SQLite database or is corrupt: file is not a database`);
  });

  it("refuses DATABASE_URL rather than silently using a SQLite file", () => {
    process.env.DATABASE_URL = "postgres://app@db.example.org/justice";
    try {
      expect(failure(path.join(dir, "url.db"))).toMatch(/DATABASE_URL is set: this opens the SQLite file/);
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it("names a path whose folder cannot be created", () => {
    const blocker = path.join(dir, "a-file");
    writeFileSync(blocker, "");
    const file = path.join(blocker, "app.db");
    expect(failure(file)).toMatch(new RegExp(`^Cannot start: the database ${file} cannot be opened for writing .*: `));
  });

  it("names failing migrations", () => {
    const error = new Error("migrations failed: table users already exists", {
      cause: Object.assign(new Error("table users already exists"), { code: "SQLITE_ERROR" }),
    });
    expect(startFailureMessage("/x.db", error)).toBe("Cannot start: the database /x.db could not be migrated: migrations failed: table users already exists");
  });

  it("names a read-only database and is one line", () => {
    const error = Object.assign(new Error("attempt to write a readonly database\nat …"), { code: "SQLITE_READONLY" });
    expect(startFailureMessage("/x.db", error)).toBe(
      "Cannot start: the database /x.db is read-only (check the permissions of the file and of its folder): attempt to write a readonly database",
    );
  });

  it("opens and migrates a good database", () => {
    expect(failure(path.join(dir, "good", "app.db"))).toBeNull();
  });
});
