// Opens the SQLite file with the settings every process uses, and applies pending migrations.
// Kept free of "server-only" so that scripts (seed, backup, benchmarks) can use it too.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "./migrate";
import * as schema from "./schema.sqlite";
import { strictWrites } from "./transaction";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "app.db"));
}

export function openDatabase(file = databasePath()): Db {
  // With DATABASE_URL the app runs on PostgreSQL (db/init.ts openEngine): a script that opens the
  // SQLite file then would silently work on another database than the app's.
  if (process.env.DATABASE_URL) throw new Error("DATABASE_URL is set: this opens the SQLite file (DATABASE_PATH); unset DATABASE_URL to use it");
  mkdirSync(path.dirname(file), { recursive: true });
  const guard: { sqlite?: Database.Database; armed: boolean } = { armed: false };
  const sqlite = new Database(file, { verbose: strictWrites(guard) });
  guard.sqlite = sqlite;
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL with synchronous=NORMAL is durable against process crashes (only an OS crash can lose the
  // last transactions); FULL makes every commit durable against power loss too. Official data: FULL.
  sqlite.pragma("synchronous = FULL");
  const db = drizzle(sqlite, { schema }) as Db;
  try {
    applyMigrations(sqlite, path.join(process.cwd(), "db", "migrations"));
    guard.armed = true;
  } catch (error) {
    sqlite.close();
    throw new Error(`migrations failed: ${firstLine(error)}`, { cause: error });
  }
  return db;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

/** The one line a server that cannot use its database prints before it exits (instrumentation.ts). */
export function startFailureMessage(file: string, error: unknown): string {
  let code = "";
  for (let e: unknown = error; e && !code; e = (e as { cause?: unknown }).cause) code = String((e as { code?: unknown }).code ?? "");
  const migrations = error instanceof Error && error.message.startsWith("migrations failed");
  const problem =
    code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")
      ? "is not a SQLite database or is corrupt"
      : code.startsWith("SQLITE_READONLY")
        ? "is read-only (check the permissions of the file and of its folder)"
        : code.startsWith("SQLITE_CANTOPEN") || ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST"].includes(code)
          ? "cannot be opened for writing (check that its folder exists and is writable)"
          : code === "SQLITE_FULL" || code === "ENOSPC"
            ? "is on a full disk"
            : migrations
              ? "could not be migrated"
              : /^not writable/.test(firstLine(error))
                ? "cannot be written"
                : "could not be prepared";
  return `Cannot start: the database ${file} ${problem}: ${firstLine(error)}`;
}
