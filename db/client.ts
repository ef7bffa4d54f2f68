// The one database connection of this process: embedded SQLite (better-sqlite3) through Drizzle.
// Opened on first use, migrated, and filled with demo data when empty (db/bootstrap.ts).
import "server-only";
import { openDatabase, type Db } from "./open";
import { bootstrapDatabase } from "./bootstrap";

const globalForDb = globalThis as unknown as { __db?: Db };

export function getDb(): Db {
  if (!globalForDb.__db) {
    const db = openDatabase();
    bootstrapDatabase(db);
    globalForDb.__db = db;
  }
  return globalForDb.__db;
}
