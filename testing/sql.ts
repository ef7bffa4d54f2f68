// Raw SQL in tests, on whichever engine the test runs (testing/demo-database.ts): fixtures and
// checks written once with `?` placeholders, run through db/sql.ts. Where the engines differ, pass
// PostgreSQL's text as the second argument of `sql`. PostgreSQL returns count(*) as text: cast it
// (`count(*)::int` only on PostgreSQL, or `cast(count(*) as integer)` on both).
import { all, get, run, statement, type Statement } from "@/db/sql";
import type { Db } from "@/db/open";
import type { Principal } from "@/lib/auth/policy";
import { isPostgres } from "@/db/postgres";
import { isInTransaction, type Executor } from "@/db/transaction";

const statements = new Map<string, Statement>();
/** A statement for both engines (PostgreSQL's own text when given). */
export function sql(text: string, postgres?: string): Statement {
  const key = `${text}\u0000${postgres ?? ""}`;
  let s = statements.get(key);
  if (!s) statements.set(key, (s = statement(text, postgres)));
  return s;
}

type Text = string | Statement;
const of = (text: Text) => (typeof text === "string" ? sql(text) : text);

/** Queries on one handle: `q.get("select … where id = ?", id)`, `q.all(…)`, `q.run(…)` (rows changed),
 *  `q.value(…)` (the first column of the first row). */
export function testSql(db: Db | Executor) {
  return {
    get: <R = Record<string, unknown>>(text: Text, ...params: unknown[]) => get<R>(db, of(text), ...params),
    all: <R = Record<string, unknown>>(text: Text, ...params: unknown[]) => all<R>(db, of(text), ...params),
    run: (text: Text, ...params: unknown[]) => run(db, of(text), ...params),
    value: async <T = unknown>(text: Text, ...params: unknown[]): Promise<T | undefined> => {
      const row = await get<Record<string, unknown>>(db, of(text), ...params);
      return row ? (Object.values(row)[0] as T) : undefined;
    },
  };
}

/** Makes every `event` on `table` (each row for which the `when` condition holds, a trigger's
 *  condition on `new`/`old`) fail with `message`, until the returned function is called: a write
 *  failing in the middle of a service. A temporary trigger on SQLite (the connection's own); on
 *  PostgreSQL, which has no temporary triggers, a trigger and its plpgsql function, seen by every
 *  connection to the test's database. One at a time per table and event (the trigger is named
 *  after both). Calling the returned function again does nothing, so an `afterEach` may call it
 *  whether or not the test already has. */
export async function failWrites(
  db: Db,
  { table, message, event = "insert", when }: { table: string; message: string; event?: "insert" | "update" | "delete"; when?: string },
): Promise<() => Promise<void>> {
  const name = `fail_${event}_${table}`;
  const text = `'${message.replaceAll("'", "''")}'`;
  const q = testSql(db);
  if (isPostgres(db)) {
    await q.run(`create or replace function ${name}() returns trigger language plpgsql as $$ begin raise exception using message = ${text}; end $$`);
    await q.run(`create trigger ${name} before ${event} on ${table} for each row ${when ? `when (${when}) ` : ""}execute function ${name}()`);
    return async () => {
      await q.run(`drop trigger if exists ${name} on ${table}`);
      await q.run(`drop function if exists ${name}()`);
    };
  }
  await q.run(`create temp trigger ${name} before ${event} on ${table} ${when ? `when (${when}) ` : ""}begin select raise(abort, ${text}); end`);
  return async () => {
    await q.run(`drop trigger if exists temp.${name}`);
  };
}

/** Whether a transaction was left open: on SQLite the connection's; on PostgreSQL any connection to
 *  the test's database idle inside one. */
export async function transactionLeftOpen(db: Db): Promise<boolean> {
  if (!isPostgres(db)) return isInTransaction(db);
  const open = await testSql(db).value<number>(
    "select cast(count(*) as integer) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
  );
  return open! > 0;
}

/** A demo user as the services see them (the survey's principals: role, regions, supervisor). */
export async function principalOf(db: Db, email: string): Promise<Principal> {
  const q = testSql(db);
  const u = (await q.get<{ id: number; role: Principal["role"]; supervisorId: number | null }>(
    'select id, role, supervisor_id as "supervisorId" from users where email = ?',
    email,
  ))!;
  const regions = (await q.all<{ code: string }>("select code from user_scopes where user_id = ? and kind = 'region'", u.id)).map((r) => r.code);
  return { id: u.id, role: u.role, countries: [], regions, bodyId: null, supervisorId: u.supervisorId };
}
