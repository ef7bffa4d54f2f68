// The one way a service opens a write transaction. SQLite: BEGIN IMMEDIATE takes the write lock
// before the first read, so the state a service re-reads inside is the state it writes against
// (two requests cannot both read "submitted" and both return the report). The work receives the
// executor to use inside; on this engine it is the same handle, the seam a pooled engine needs.
import type { Db } from "./open";

export type Executor = Db;

export function inTransaction<T>(db: Db, work: (tx: Executor) => T): T {
  return db.$client.transaction(() => work(db)).immediate();
}
