// The process-wide database handle: opened, migrated and bootstrapped once, on first use or when
// the server starts (instrumentation.ts). Free of "server-only" so instrumentation can load it.
import { openDatabase, type Db } from "./open";
import { bootstrapDatabase } from "./bootstrap";

const globalForDb = globalThis as unknown as { __db?: Db };

export function initDb(): Db {
  if (!globalForDb.__db) {
    const db = openDatabase();
    bootstrapDatabase(db);
    globalForDb.__db = db;
  }
  return globalForDb.__db;
}
