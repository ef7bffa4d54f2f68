// Prepared statements, compiled once per connection. Preparing costs more than running a small
// statement, and the hot paths (autosave, interviews, the session check) run the same few
// statements on every request — profiling the server showed Database.prepare on every one.
import type Database from "better-sqlite3";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on this connection, prepared on first use. */
export function prepared<P extends unknown[] = unknown[], R = unknown>(sqlite: Database.Database, sql: string): Database.Statement<P, R> {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement as unknown as Database.Statement<P, R>;
}

/** A drizzle query prepared once per database handle (`build` returns `query.prepare()` with
 *  `sql.placeholder`s), for lookups made on every request. */
export function preparedQuery<D extends object, Q>(build: (db: D) => Q): (db: D) => Q {
  const byDb = new WeakMap<D, Q>();
  return (db) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));
    return query;
  };
}
