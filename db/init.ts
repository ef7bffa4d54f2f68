// The process-wide database handle: opened and migrated once. SQLite (the default, DATABASE_PATH)
// opens synchronously on first use; PostgreSQL (DATABASE_URL) opens asynchronously, so the server
// opens it at start (instrumentation.ts → openEngine) before the first request, and scripts and
// tests await openEngine() first. What goes into a new database (reference data, the demo) is
// seed/'s business. Free of "server-only" so that instrumentation can load it.
import { databasePath, openDatabase, type Db } from "./open";
import { openPostgres } from "./postgres";

const globalForDb = globalThis as unknown as { __db?: Db; __opening?: Promise<Db> };

export const engineName = (): "postgres" | "sqlite" => (process.env.DATABASE_URL ? "postgres" : "sqlite");

/** Opens the configured engine once; every later call returns the same handle. */
export async function openEngine(): Promise<Db> {
  if (globalForDb.__db) return globalForDb.__db;
  if (engineName() === "sqlite") return initDb();
  globalForDb.__opening ??= openPostgres(process.env.DATABASE_URL!).then((db) => (globalForDb.__db = db as unknown as Db));
  return globalForDb.__opening;
}

export function initDb(): Db {
  if (globalForDb.__db) return globalForDb.__db;
  if (engineName() === "postgres") throw new Error("PostgreSQL is opened at start (openEngine), before the first request");
  globalForDb.__db = openDatabase();
  return globalForDb.__db;
}

/** Where the data is, for messages: the SQLite file, or PostgreSQL without its password. */
export function engineLabel(): string {
  if (engineName() === "sqlite") return databasePath();
  const url = new URL(process.env.DATABASE_URL!);
  url.password = "";
  return `PostgreSQL ${url.host}${url.pathname}`;
}

/** Closes the handle of a script's process (the pool, or the SQLite file). */
export async function closeEngine(db: Db): Promise<void> {
  const client = db.$client as unknown as { end?: () => Promise<void>; close?: () => void };
  if (client.end) await client.end();
  else client.close?.();
  delete globalForDb.__db;
  delete globalForDb.__opening;
}
