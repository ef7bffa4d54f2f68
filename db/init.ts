// The process-wide database handle: opened and migrated once, on first use. What goes into a new
// database (reference data, the demo) is seed/'s business, run by instrumentation.ts at start.
// Free of "server-only" so that instrumentation can load it.
import { openDatabase, type Db } from "./open";

const globalForDb = globalThis as unknown as { __db?: Db };

export function initDb(): Db {
  if (!globalForDb.__db) globalForDb.__db = openDatabase();
  return globalForDb.__db;
}
