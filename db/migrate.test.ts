// Several instances started together on one new database: each migrates and seeds, none fails,
// nothing is applied or created twice. Real processes, because SQLite's locks are between connections
// that run at the same time (one process runs its synchronous calls one after another).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const START = `
import { openDatabase } from "./db/open";
import { bootstrapDatabase } from "./seed/bootstrap";
const db = openDatabase(process.argv[1]);
await bootstrapDatabase(db, { demo: false, admin: { email: "first.admin@example.org", name: "First Admin", password: "a-long-enough-password-1" } });
`;

function start(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", START, file], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("instances started together on a new database", () => {
  it("all start; the migrations are applied once and the first administrator is created once", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "start-race-")), "app.db");
    // Another instance busy with its start (the demo takes a minute to load) holds the write lock
    // longer than a request would wait for it (5 s).
    const other = new Database(file);
    other.pragma("journal_mode = WAL");
    other.exec("BEGIN IMMEDIATE");
    const starting = Promise.all([start(file), start(file), start(file)]);
    await new Promise((r) => setTimeout(r, 15_000));
    other.exec("COMMIT");
    other.close();
    const results = await starting;
    for (const r of results) expect(r.code, r.output).toBe(0);
    const db = new Database(file, { readonly: true });
    const migrationFiles = readdirSync(path.join(process.cwd(), "db", "migrations")).filter((f) => f.endsWith(".sql"));
    expect(db.prepare(`select count(*) from "__drizzle_migrations"`).pluck().get()).toBe(migrationFiles.length);
    expect(db.prepare(`select count(*) from users where email = 'first.admin@example.org'`).pluck().get()).toBe(1);
    db.close();
  }, 120_000);
});
