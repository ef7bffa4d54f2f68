// Consistent copies of the database while the app runs, and restoring one after checking it. Used by
// `npm run backup` and `npm run restore FILE`.
//
// The copy is `VACUUM INTO`, not SQLite's online backup API. The backup API copies a few pages per
// step and starts again from the first page whenever another connection writes between two steps:
// with clients saving several times a second it never finished. VACUUM INTO (SQLite ≥ 3.27; the
// better-sqlite3 12 in use ships 3.51) reads the whole database inside ONE read transaction. In WAL
// mode that transaction sees a fixed snapshot — every transaction committed before it began, none
// after — while writers keep appending to the WAL, so it never restarts and its time depends on the
// size of the database, not on the write rate. It writes a compact file (no free pages) in
// rollback-journal mode: one self-contained file. What it costs: the WAL cannot be checkpointed past
// that snapshot while the copy runs (it grows for that long), and SQLite does not fsync the output,
// which is done here.
//
// Never a half file under a backup's name: the copy is written under a hidden temporary name in the
// same folder, checked (integrity, the app's tables, every table's row count), fsynced, and only then
// renamed to the name carrying its completion time; a copy that fails its check is deleted.
import Database from "better-sqlite3";
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** 2026-11-26T10:15:03.456Z → 2026-11-26T10-15-03Z (UTC, to the second; no colon: valid on every file system). */
export const stamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/:/g, "-")}Z`;

export type BackupOptions = {
  /** The folder of the backups; default `backups/` next to the database. */
  dir?: string;
  /** The clock the backup's name is read from, once the copy is complete (tests pass their own). */
  now?: () => Date;
};

export type Backup = { file: string; bytes: number; seconds: number };

/** Writes `<dir>/app-2026-11-26T10-15-03Z.db` (named by the moment it was complete and checked) and returns it. */
export function backupDatabase(
  databaseFile: string,
  { dir = path.join(path.dirname(databaseFile), "backups"), now = () => new Date() }: BackupOptions = {},
): Backup {
  const started = performance.now();
  const base = path.basename(databaseFile, ".db");
  mkdirSync(dir, { recursive: true });
  removeAbandoned(dir, base);
  const partial = path.join(dir, `.${base}-${process.pid}.partial`);
  removeCopy(partial); // `VACUUM INTO` refuses an existing file
  try {
    // Read-only: the backup can never write to the live database. The wait covers the moments a
    // reader cannot start (another connection recovering or restarting the WAL).
    const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      source.pragma("busy_timeout = 10000");
      source.prepare("VACUUM INTO ?").run(partial);
    } finally {
      source.close();
    }
    const problem = checkDatabase(partial);
    if (problem) throw new Error(`the copy failed its check (${problem}); nothing was kept`);
    fsyncPath(partial);
    const file = publish(partial, dir, base, now());
    return { file, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    removeCopy(partial);
    throw error;
  }
}

/** Renames the checked copy to its final name (the next free `-2`, `-3`… when a backup of the same
 *  second exists) and makes the rename durable. */
function publish(partial: string, dir: string, base: string, at: Date): string {
  let file = path.join(dir, `${base}-${stamp(at)}.db`);
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${base}-${stamp(at)}-${n}.db`);
  renameSync(partial, file);
  fsyncPath(dir);
  return file;
}

function fsyncPath(p: string) {
  const fd = openSync(p, "r");
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some systems cannot fsync a folder; the file itself was synced before.
    if (!statSync(p).isDirectory()) throw error;
  } finally {
    closeSync(fd);
  }
}

function removeCopy(file: string) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

/** Temporary copies left by a backup that was killed (its process is gone): they would only fill the disk. */
function removeAbandoned(dir: string, base: string) {
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)\\.partial$`);
  for (const name of readdirSync(dir)) {
    const pid = Number(name.match(pattern)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) removeCopy(path.join(dir, name));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, another user's
  }
}

const APP_TABLES = ["__drizzle_migrations", "users", "answers", "responses"];

/** null when the file is a sound database of this app; otherwise what is wrong. */
export function checkDatabase(file: string): string | null {
  if (!existsSync(file)) return "no such file";
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return `integrity check: ${integrity}`;
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of APP_TABLES) if (!tables.includes(t)) return `not a database of this app (no ${t} table)`;
    for (const t of tables)
      db.prepare(`select count(*) from "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get();
    return null;
  } catch (e) {
    return `not a readable SQLite database (${(e as Error).message})`;
  } finally {
    db?.close();
  }
}

/** Replaces the database with a checked backup. Stop the app first: a running server keeps its
 *  own connection to the old file. The replaced database is kept as *.before-restore-<time>. */
export function restoreDatabase(backupFile: string, databaseFile: string): string {
  const problem = checkDatabase(backupFile);
  if (problem) throw new Error(`refusing to restore ${backupFile}: ${problem}`);
  const keep = `${databaseFile}.before-restore-${stamp(new Date())}`;
  if (existsSync(databaseFile)) {
    const current = new Database(databaseFile);
    current.pragma("wal_checkpoint(TRUNCATE)"); // fold the WAL in before the file is moved aside
    current.close();
    copyFileSync(databaseFile, keep);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
  copyFileSync(backupFile, databaseFile);
  fsyncPath(databaseFile);
  return keep;
}

/** Backups and restores here are SQLite's. A deployment on PostgreSQL (DATABASE_URL) backs up with
 *  its own tools: refused with the reason, never a copy of some local SQLite file instead. */
export function postgresRefusal(command: "backup" | "restore", env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.DATABASE_URL) return null;
  return command === "backup"
    ? "DATABASE_URL is set: the database is PostgreSQL, back it up with pg_dump (README, Deploy: Backups on PostgreSQL); npm run backup copies SQLite databases only"
    : "DATABASE_URL is set: the database is PostgreSQL, restore it with pg_restore (README, Deploy: Backups on PostgreSQL); npm run restore restores SQLite databases only";
}
