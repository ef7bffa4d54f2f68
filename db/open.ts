// Opens the SQLite file with the settings every process uses, and applies pending migrations.
// Kept free of "server-only" so that scripts (seed, backup, benchmarks) can use it too.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "app.db"));
}

export function openDatabase(file = databasePath()): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL with synchronous=NORMAL is durable against process crashes (only an OS crash can lose the
  // last transactions); FULL makes every commit durable against power loss too. Official data: FULL.
  sqlite.pragma("synchronous = FULL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  return db;
}
