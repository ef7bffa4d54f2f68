// Consistent copies of the database while the app runs (SQLite's online backup API), and
// restoring one after checking it. Used by `npm run backup` and `npm run restore FILE`.
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, "").replace(/\..+/, "").replace("T", "-");

/** Writes data/backups/app-YYYYMMDD-HHMMSS.db (next to the database) and returns its path. */
export async function backupDatabase(databaseFile: string, dir = path.join(path.dirname(databaseFile), "backups")): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(databaseFile, ".db")}-${stamp()}.db`);
  const source = new Database(databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    await source.backup(target); // page by page; concurrent writers keep working
  } finally {
    source.close();
  }
  const problem = checkDatabase(target);
  if (problem) throw new Error(`backup ${target} failed its check: ${problem}`);
  return target;
}

/** null when the file is a sound database of this app; otherwise what is wrong. */
export function checkDatabase(file: string): string | null {
  if (!existsSync(file)) return "no such file";
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return `integrity check: ${integrity}`;
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const t of ["__drizzle_migrations", "users", "answers", "responses"]) if (!tables.has(t)) return `not a database of this app (no ${t} table)`;
    return null;
  } catch (e) {
    return `not a readable SQLite database (${(e as Error).message})`;
  } finally {
    db?.close();
  }
}

/** Replaces the database with a checked backup. Stop the app first: a running server keeps its
 *  own connection to the old file. The replaced database is kept as *.before-restore. */
export function restoreDatabase(backupFile: string, databaseFile: string): string {
  const problem = checkDatabase(backupFile);
  if (problem) throw new Error(`refusing to restore ${backupFile}: ${problem}`);
  const keep = `${databaseFile}.before-restore-${stamp()}`;
  if (existsSync(databaseFile)) {
    const current = new Database(databaseFile);
    current.pragma("wal_checkpoint(TRUNCATE)"); // fold the WAL in before the file is moved aside
    current.close();
    copyFileSync(databaseFile, keep);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
  copyFileSync(backupFile, databaseFile);
  return keep;
}
