import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "./open";
import { backupDatabase, checkDatabase, restoreDatabase, stamp } from "./backup";

const root = path.resolve(__dirname, "..");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ACCOUNTS = 50;
const OPENING_BALANCE = 1000;

/** A migrated database of the app, with a ledger (testing/ledger-writer.mjs) and ~16 MB of other rows. */
function ledgerDatabase(dir: string): string {
  const file = path.join(dir, "app.db");
  const db = openDatabase(file).$client;
  db.exec(`create table ledger_accounts (id integer primary key, balance integer not null);
    create table ledger_transfers (id integer primary key, source integer, target integer, amount integer, note text);
    create table ledger_counter (transfers integer not null); insert into ledger_counter values (0);
    create table filler (data blob)`);
  const open = db.prepare("insert into ledger_accounts (balance) values (?)");
  const fill = db.prepare("insert into filler values (randomblob(4000))");
  db.transaction(() => {
    for (let i = 0; i < ACCOUNTS; i++) open.run(OPENING_BALANCE);
    for (let i = 0; i < 4000; i++) fill.run();
  })();
  db.close();
  return file;
}

const transfers = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("select transfers from ledger_counter").pluck().get() as number;
  } finally {
    db.close();
  }
};

async function startWriters(file: string, n: number): Promise<ChildProcess[]> {
  const writers = Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, [path.join(root, "testing", "ledger-writer.mjs"), file, String(i + 1)], { cwd: root }),
  );
  await Promise.all(writers.map((w) => new Promise((resolve, reject) => (w.stdout!.once("data", resolve), w.once("exit", reject)))));
  const started = transfers(file);
  while (transfers(file) < started + 200) await new Promise((r) => setTimeout(r, 20)); // all of them under way
  return writers;
}

/** A writer on another connection of this process, committing a transfer at every turn of the event
 *  loop: any copy made in steps that yield to the event loop (the online backup API as
 *  better-sqlite3 runs it) sees a write between every two steps and starts again, forever. */
function localWriter(file: string) {
  const db = new Database(file);
  db.pragma("busy_timeout = 10000");
  const move = db.transaction(() => {
    db.prepare("update ledger_accounts set balance = balance - 1 where id = 1").run();
    db.prepare("update ledger_accounts set balance = balance + 1 where id = 2").run();
    db.prepare("insert into ledger_transfers (source, target, amount, note) values (1, 2, 1, 'local')").run();
    db.prepare("update ledger_counter set transfers = transfers + 1").run();
  });
  let running = true;
  const loop = () => {
    if (!running) return db.close();
    move.immediate();
    setImmediate(loop);
  };
  setImmediate(loop);
  return () => void (running = false);
}

const stopWriters = (writers: ChildProcess[]) => Promise.all(writers.map((w) => new Promise((resolve) => (w.once("exit", resolve), w.kill()))));

/** The UTC time of a backup's name, to the second. */
const timeOfName = (file: string) => {
  const m = path.basename(file).match(/^app-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z\.db$/);
  expect(m, path.basename(file)).not.toBeNull();
  return Date.parse(`${m![1]}T${m![2]}:${m![3]}:${m![4]}Z`);
};

describe("backup", () => {
  it("finishes while four processes and another connection keep writing, with a consistent snapshot, named by its completion", async () => {
    const dir = tempDir();
    const file = ledgerDatabase(dir);
    const writers = await startWriters(file, 4);
    const stopLocal = localWriter(file);
    let backup: ReturnType<typeof backupDatabase>, after: number, t0: number, t1: number;
    const before = transfers(file);
    try {
      t0 = Date.now();
      backup = backupDatabase(file, { dir: path.join(dir, "backups") });
      t1 = Date.now();
      after = transfers(file);
    } finally {
      stopLocal();
      await stopWriters(writers);
    }
    expect(t1 - t0).toBeLessThan(20_000);
    expect(after).toBeGreaterThan(before); // the writers did write while the copy was taken

    expect(checkDatabase(backup.file)).toBeNull();
    const copy = new Database(backup.file, { readonly: true });
    const total = copy.prepare("select sum(balance) from ledger_accounts").pluck().get();
    const counted = copy.prepare("select transfers from ledger_counter").pluck().get() as number;
    const recorded = copy.prepare("select count(*) from ledger_transfers").pluck().get();
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete"); // one self-contained file
    copy.close();
    expect(total).toBe(ACCOUNTS * OPENING_BALANCE);
    expect(recorded).toBe(counted);
    expect(counted).toBeGreaterThanOrEqual(before);
    expect(counted).toBeLessThanOrEqual(after);

    const named = timeOfName(backup.file);
    expect(named).toBeGreaterThanOrEqual(Math.floor(t0 / 1000) * 1000);
    expect(named).toBeLessThanOrEqual(t1);
    expect(readdirSync(path.join(dir, "backups"))).toEqual([path.basename(backup.file)]);
  }, 60_000);

  it("reads the time of its name only once the copy is written and checked, and never replaces a backup", () => {
    const dir = tempDir();
    const file = ledgerDatabase(dir);
    const backups = path.join(dir, "backups");
    const at = new Date("2031-01-02T03:04:05.678Z");
    const clock = () => {
      // At this moment the only file is the finished, checked copy under its temporary name.
      const present = readdirSync(backups).filter((f) => f.endsWith(".partial"));
      expect(present).toHaveLength(1);
      expect(present[0]).toMatch(/^\./);
      expect(checkDatabase(path.join(backups, present[0]))).toBeNull();
      return at;
    };
    expect(stamp(at)).toBe("2031-01-02T03-04-05Z");
    expect(path.basename(backupDatabase(file, { dir: backups, now: clock }).file)).toBe("app-2031-01-02T03-04-05Z.db");
    expect(path.basename(backupDatabase(file, { dir: backups, now: clock }).file)).toBe("app-2031-01-02T03-04-05Z-2.db");
    expect(readdirSync(backups).sort()).toEqual(["app-2031-01-02T03-04-05Z-2.db", "app-2031-01-02T03-04-05Z.db"]);
  });

  it("removes the temporary copy of a backup whose process is gone", () => {
    const dir = tempDir();
    const file = ledgerDatabase(dir);
    const backups = path.join(dir, "backups");
    backupDatabase(file, { dir: backups });
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(path.join(backups, `.app-${gone}.partial`), "half a copy");
    writeFileSync(path.join(backups, `.app-${process.ppid}.partial`), "a copy still being written by a live process");
    backupDatabase(file, { dir: backups });
    const left = readdirSync(backups);
    expect(left.filter((f) => f.endsWith(".partial"))).toEqual([`.app-${process.ppid}.partial`]);
    expect(left.filter((f) => f.endsWith(".db"))).toHaveLength(2);
  });

  it("keeps no file when the copy fails its check, and the command says why with exit code 1", () => {
    const dir = tempDir();
    const other = path.join(dir, "app.db");
    const db = new Database(other);
    db.exec("create table t (x); insert into t values (1)");
    db.close();
    const backups = path.join(dir, "backups");
    expect(() => backupDatabase(other, { dir: backups })).toThrow(
      /^the copy failed its check \(not a database of this app \(no __drizzle_migrations table\)\); nothing was kept$/,
    );
    expect(readdirSync(backups)).toEqual([]);

    const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "backup.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: other },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("Backup failed: the copy failed its check (not a database of this app (no __drizzle_migrations table)); nothing was kept");
    expect(readdirSync(backups)).toEqual([]);
  });
});

describe("restore", () => {
  it("puts a backup in place and keeps the replaced database", () => {
    const dir = tempDir();
    const file = path.join(dir, "app.db");
    const db = openDatabase(file);
    db.$client.exec("insert into questionnaires (id, version, definition) values ('q', '1', '{}'); insert into responses (questionnaire_id) values ('q')");
    const insert = db.$client.prepare("insert into answers (response_id, cell, num) values (1, ?, ?)");
    for (let i = 0; i < 100; i++) insert.run(`c${i}`, i);
    const backup = backupDatabase(file, { dir: path.join(dir, "backups") }).file;
    db.$client.exec("delete from answers");
    db.$client.close();

    const kept = restoreDatabase(backup, file);
    expect(path.basename(kept)).toMatch(/^app\.db\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare("select count(*) from answers").pluck().get()).toBe(100);
    restored.close();
    const previous = new Database(kept, { readonly: true });
    expect(previous.prepare("select count(*) from answers").pluck().get()).toBe(0);
    previous.close();
  });

  it("refuses what is not a sound database of the app", () => {
    const dir = tempDir();
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database");
    expect(checkDatabase(junk)).toMatch(/not a readable SQLite database/);
    const other = path.join(dir, "other.db");
    new Database(other).exec("create table t (x)");
    expect(checkDatabase(other)).toMatch(/not a database of this app/);
    expect(() => restoreDatabase(junk, path.join(dir, "app.db"))).toThrow(/refusing to restore/);
  });
});

describe("on PostgreSQL", () => {
  it("backup and restore refuse (DATABASE_URL), pointing at pg_dump and pg_restore, and copy no SQLite file instead", () => {
    const dir = tempDir();
    const file = path.join(dir, "app.db");
    openDatabase(file).$client.close();
    for (const [script, said] of [
      ["backup.ts", /^Backup failed: DATABASE_URL is set: the database is PostgreSQL, back it up with pg_dump/],
      ["restore.ts", /^Restore refused: DATABASE_URL is set: the database is PostgreSQL, restore it with pg_restore/],
    ] as const) {
      const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", script), file], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: "postgres://127.0.0.1:1/none" },
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim()).toMatch(said);
    }
    expect(readdirSync(dir).filter((f) => !f.startsWith("app.db"))).toEqual([]);
  });
});
