// Raw SQL on either engine: the statements the query builder would rebuild on every call (the
// autosave's cell upsert, the tallies, the session check) or could not express well. A statement
// is written once with `?` placeholders, in SQL both engines read; where they differ (a date
// function, JSON), it carries PostgreSQL's text too. On SQLite it runs as a statement prepared once
// per connection (db/statements.ts), as before; on PostgreSQL as a named prepared statement on the
// pool or on the transaction's own connection.
import { is } from "drizzle-orm";
import { createHash } from "node:crypto";
import { PgTransaction } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Executor } from "./transaction";
import { isPostgres } from "./postgres";
import { prepared } from "./statements";

export type Statement = { readonly sqlite: string; readonly postgres: string; readonly name: string };

/** `text` runs on both engines (its `?` become $1, $2 … on PostgreSQL); `postgres`, when given, is
 *  PostgreSQL's own text of the same statement, with the same placeholders in the same order. */
export function statement(text: string, postgres?: string): Statement {
  const pgText = numbered(postgres ?? text);
  // Named by its text: PostgreSQL keeps a named statement per connection, and Next.js bundles this
  // module into several chunks, so a counter would give two statements one name.
  return { sqlite: text, postgres: pgText, name: `app_${createHash("sha256").update(pgText).digest("hex").slice(0, 24)}` };
}

/** `?` → $1, $2 … outside quoted strings and identifiers. */
export function numbered(text: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = "";
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "?") {
      out += `$${++n}`;
      continue;
    }
    out += c;
  }
  return out;
}

/** The one call of node-postgres used here (rows as objects, or as arrays with rowMode). */
type Queryable = {
  query(config: { text: string; values?: unknown[]; name?: string; rowMode?: "array" }): Promise<{ rows: unknown[]; rowCount: number | null }>;
  query(text: string): Promise<{ rows: unknown[]; rowCount: number | null }>;
};

/** The connection a PostgreSQL executor runs on: the pool, or the transaction's own client
 *  (drizzle keeps it on the transaction's session). Null on SQLite. */
function postgresOf(db: Executor): Queryable | null {
  if (is(db, PgTransaction)) return (db as unknown as { session: { client: Queryable } }).session.client;
  if (isPostgres(db)) return db.$client as unknown as Queryable;
  return null;
}

/** Whether the executor runs on PostgreSQL (the pool or a transaction on it), for the few writes
 *  that take a different shape there (one statement for many rows: a round trip each). */
export const onPostgres = (db: Executor): boolean => postgresOf(db) !== null;

/** Every row of the statement. */
export async function all<R>(db: Executor, s: Statement, ...params: unknown[]): Promise<R[]> {
  const pgClient = postgresOf(db);
  if (!pgClient) return prepared(db.$client, s.sqlite).all(...params) as R[];
  return (await pgClient.query({ name: s.name, text: s.postgres, values: params })).rows as R[];
}

/** The first row, if any. */
export async function get<R>(db: Executor, s: Statement, ...params: unknown[]): Promise<R | undefined> {
  const pgClient = postgresOf(db);
  if (!pgClient) return prepared(db.$client, s.sqlite).get(...params) as R | undefined;
  return (await pgClient.query({ name: s.name, text: s.postgres, values: params })).rows[0] as R | undefined;
}

/** Runs a write; how many rows it changed. */
export async function run(db: Executor, s: Statement, ...params: unknown[]): Promise<number> {
  const pgClient = postgresOf(db);
  if (!pgClient) return prepared(db.$client, s.sqlite).run(...params).changes;
  return (await pgClient.query({ name: s.name, text: s.postgres, values: params })).rowCount ?? 0;
}

/** SQLite statements that return rows as arrays (no object per row): prepared apart from
 *  db/statements.ts's, whose statements return objects. */
type ArrayStatement = { all(...params: unknown[]): unknown[]; iterate(...params: unknown[]): Iterable<unknown> };
const arrayStatements = new WeakMap<Executor["$client"], Map<string, ArrayStatement>>();
function arrayStatement(sqlite: Executor["$client"], text: string): ArrayStatement {
  let byText = arrayStatements.get(sqlite);
  if (!byText) arrayStatements.set(sqlite, (byText = new Map()));
  let s = byText.get(text);
  if (!s) byText.set(text, (s = sqlite.prepare(text).raw(true) as unknown as ArrayStatement));
  return s;
}

/** Every row as an array of its values, in the statement's column order. */
export async function allArrays<R extends unknown[]>(db: Executor, s: Statement, ...params: unknown[]): Promise<R[]> {
  const pgClient = postgresOf(db);
  if (!pgClient) return arrayStatement(db.$client, s.sqlite).all(...params) as R[];
  return (await pgClient.query({ name: `${s.name}_a`, text: s.postgres, values: params, rowMode: "array" })).rows as R[];
}

const FETCH = 2000;
let cursors = 0;

/**
 * Every row of a large read, handed to `onRow` one at a time, in constant memory. SQLite: the
 * statement's iterator, read to the end at once (its one connection cannot serve another request
 * while a read is open). PostgreSQL: a cursor, fetched in batches, in one REPEATABLE READ READ ONLY
 * transaction (one snapshot for the whole read) on a connection of its own, or in the caller's
 * transaction when given one.
 */
export async function each<R>(db: Executor, s: Statement, params: unknown[], onRow: (row: R) => void, { arrays = false } = {}): Promise<void> {
  const pgClient = postgresOf(db);
  if (!pgClient) {
    const st = arrays ? arrayStatement(db.$client, s.sqlite) : prepared(db.$client, s.sqlite);
    for (const row of (st as { iterate(...p: unknown[]): Iterable<unknown> }).iterate(...params)) onRow(row as R);
    return;
  }
  const read = async (client: Queryable) => {
    const cursor = `app_cursor_${++cursors}`;
    await client.query({ text: `declare ${cursor} no scroll cursor for ${s.postgres}`, values: params });
    for (;;) {
      const { rows } = await client.query({ text: `fetch ${FETCH} from ${cursor}`, rowMode: arrays ? "array" : undefined });
      for (const row of rows) onRow(row as R);
      if (rows.length < FETCH) break;
    }
    await client.query(`close ${cursor}`);
  };
  if (is(db, PgTransaction)) return read(pgClient);
  const client = await (pgClient as unknown as pg.Pool).connect();
  try {
    await client.query("begin isolation level repeatable read read only");
    await read(client as unknown as Queryable);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
