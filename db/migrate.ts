// Applies the pending drizzle-kit migrations in one BEGIN IMMEDIATE transaction. drizzle's own
// migrator reads which migrations are applied before it takes the write lock, so two instances
// started together on an empty database both tried to create every table and one failed with
// SQLITE_BUSY or "table already exists". Here the second instance waits for the lock, then reads
// that everything is applied and does nothing. Same table, same bookkeeping as drizzle's migrator.
import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";

/** How long a starting instance waits for another one's migrations and first seeding. */
export const START_LOCK_WAIT_MS = 600_000;

export function applyMigrations(sqlite: Database.Database, migrationsFolder: string) {
  const migrations = readMigrationFiles({ migrationsFolder });
  withStartLockWait(sqlite, () =>
    sqlite
      .transaction(() => {
        sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
        const last = sqlite.prepare(`SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1`).pluck().get() as
          number | null | undefined;
        const insert = sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`);
        for (const migration of migrations) {
          if (last != null && Number(last) >= migration.folderMillis) continue;
          for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
          insert.run(migration.hash, migration.folderMillis);
        }
      })
      .immediate(),
  );
}

/** Runs `work` with a busy timeout long enough to outwait another instance's start (migrations,
 *  the first seeding), then restores the timeout requests use. Async work (the seeding, whose
 *  transaction begins after `work` has returned its promise) keeps the long timeout until it settles. */
export function withStartLockWait<T>(sqlite: Database.Database, work: () => T): T {
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  const restore = () => sqlite.pragma(`busy_timeout = ${previous}`);
  sqlite.pragma(`busy_timeout = ${START_LOCK_WAIT_MS}`);
  let result: T;
  try {
    result = work();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
