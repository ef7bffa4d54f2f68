// The one way a service opens a write transaction. SQLite: BEGIN IMMEDIATE takes the write lock
// before the first read, so the state a service re-reads inside is the state it writes against
// (two requests cannot both read "submitted" and both return the report). The work receives the
// executor to use inside; on this engine it is the same handle, the seam a pooled engine needs.
import type { Db } from "./open";
import { prepared } from "./statements";
import { storageIncident, storageWritable } from "./storage";

export type Executor = Db;

const changes = (db: Db) => prepared(db.$client, "select total_changes()").pluck().get() as number;

export function inTransaction<T>(db: Db, work: (tx: Executor) => T): T {
  // During a full-disk incident (db/storage.ts) a transaction that wrote and committed is the news
  // that writes succeed again; otherwise nothing is counted.
  const before = storageIncident() ? changes(db) : null;
  const result = db.$client.transaction(() => work(db)).immediate();
  if (before !== null && changes(db) > before) storageWritable();
  return result;
}
