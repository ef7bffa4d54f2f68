// The one way a service opens a write transaction. SQLite: BEGIN IMMEDIATE takes the write lock
// before the first read, so the state a service re-reads inside is the state it writes against
// (two requests cannot both read "submitted" and both return the report). The work receives the
// executor to use inside and may be async (services are written once for SQLite and PostgreSQL);
// inside it, every query goes through that executor.
//
// One SQLite connection serves the whole process, so two transactions must not interleave on it:
// they run one after another (a queue per connection), and a transaction started inside another
// one's work becomes a savepoint of it (AsyncLocalStorage knows which work is running). A
// transaction's work should not wait on anything but its queries: better-sqlite3 answers them at
// once, so the work holds the connection for its own CPU time only. Work that waits on real I/O (a
// timer, the network, a password hash) would keep every other write waiting and widen the window
// below; strict mode refuses it (`yielded`).
//
// Other requests' code still runs between the work's awaits (their own promise callbacks), so on
// SQLite every write goes through inTransaction: a write made outside one would land in whichever
// transaction is open and vanish with its rollback. With DB_STRICT=1 (the e2e servers) such a write is
// refused (`strictWrites`); the unit tests arrange their data with direct writes. Reads outside a transaction may see the open
// transaction's rows before it commits; the checks that refuse a write come before its writes, so
// a rollback after rows were written is rare (a full disk, a failed interview of a batch).
import { AsyncLocalStorage } from "node:async_hooks";
import { is } from "drizzle-orm";
import { PgTransaction, type PgTransactionConfig } from "drizzle-orm/pg-core";
import type { Db } from "./open";
import { isPostgres } from "./postgres";
import { prepared } from "./statements";
import { get, statement, type Statement } from "./sql";
import { storageIncident, storageWritable } from "./storage";

export type Executor = Db;

type Sqlite = Db["$client"];
// `closed`: callbacks scheduled inside the work (a timer, setImmediate) keep its store after it
// committed; they start transactions of their own.
type Open = { sqlite: Sqlite; savepoints: number; closed: boolean };

// One queue and one record of open transactions per process: Next.js bundles this module into
// several chunks (instrumentation, routes, pages), each with its own copy of its variables, and
// they all share the one connection.
const shared = ((globalThis as { __dbTransactions?: { open: AsyncLocalStorage<Open>; queues: WeakMap<Sqlite, Promise<unknown>> } }).__dbTransactions ??= {
  open: new AsyncLocalStorage<Open>(),
  queues: new WeakMap<Sqlite, Promise<unknown>>(),
});
const { open, queues } = shared;

const changes = (db: Db) => prepared(db.$client, "select total_changes()").pluck().get() as number;

const strict = () => process.env.NODE_ENV === "test" || process.env.DB_STRICT === "1";

/** The strict-mode check of every statement the connection runs (better-sqlite3's `verbose`):
 *  a write outside inTransaction is refused. `armed` is false while migrations run. */
export function strictWrites(state: { sqlite?: Sqlite; armed: boolean }): ((sql?: unknown) => void) | undefined {
  if (process.env.DB_STRICT !== "1" && process.env.DB_STRICT !== "log") return undefined;
  return (sql) => {
    if (!state.armed || typeof sql !== "string" || !/^\s*(insert|update|delete|replace)\b/i.test(sql)) return;
    const current = open.getStore();
    if (current && !current.closed && current.sqlite === state.sqlite) return;
    const error = new Error(`a write outside inTransaction (db/transaction.ts): ${sql.slice(0, 120)}`);
    if (process.env.DB_STRICT === "log") console.error(error.stack);
    else throw error;
  };
}

/** Runs `work` when no transaction of this connection is open (its turn in the queue), for code
 *  that manages the raw connection itself: the health probe's BEGIN IMMEDIATE … ROLLBACK. */
export async function exclusively<T>(db: Db, work: () => Promise<T> | T): Promise<T> {
  const previous = queues.get(db.$client) ?? Promise.resolve();
  const mine = previous.then(work);
  queues.set(
    db.$client,
    mine.catch(() => undefined),
  );
  return mine;
}

/** Whether the executor is a transaction's: a PostgreSQL transaction, or a SQLite connection with
 *  one open (the services' writers refuse to run outside one). */
export function isInTransaction(db: Executor): boolean {
  return is(db, PgTransaction) || (!isPostgres(db) && db.$client.inTransaction);
}

/** The rows a transaction may lock before its work starts (PostgreSQL). */
export type LockableRow = { table: "responses" | "survey_households"; id: number };

export type TransactionOptions = {
  /** The row the work writes around, e.g. a CEPEJ reply's `responses` row: on PostgreSQL it is
   *  locked (SELECT … FOR UPDATE) before the work starts, and the transaction runs READ COMMITTED
   *  (as with rowLocks, below). SQLite's BEGIN IMMEDIATE holds the whole database already. */
  lock?: LockableRow;
  /** The work locks the row it writes around before it reads anything it depends on (an
   *  interview's household, SELECT … FOR UPDATE), and everything else it writes either belongs to
   *  that row (the interview's answers, events, comments) or is written by statements that are
   *  atomic on their own (the tallies' `+=` upserts). On PostgreSQL it then runs READ COMMITTED:
   *  writers of one row wait for each other on the lock, and writers of different rows no longer
   *  abort each other for sharing index pages, as they do under SERIALIZABLE (below). */
  rowLocks?: boolean;
};

export async function inTransaction<T>(db: Db, work: (tx: Executor) => Promise<T> | T, options: TransactionOptions = {}): Promise<T> {
  const { lock } = options;
  const locked = lock
    ? async (tx: Executor) => {
        await lockRow(tx, lock);
        return await work(tx);
      }
    : work;
  if (is(db, PgTransaction)) return (db as unknown as PgExecutor).transaction(async (tx) => locked(tx as unknown as Executor));
  if (isPostgres(db)) return retried(db as unknown as PgExecutor, locked, lock || options.rowLocks ? "read committed" : "serializable");
  const current = open.getStore();
  if (current && !current.closed && current.sqlite === db.$client) return savepoint(db, current, work);
  const previous = queues.get(db.$client) ?? Promise.resolve();
  const mine = previous.then(() => transaction(db, work));
  queues.set(
    db.$client,
    mine.catch(() => undefined),
  );
  return mine;
}

async function transaction<T>(db: Db, work: (tx: Executor) => Promise<T> | T): Promise<T> {
  const sqlite = db.$client;
  // During a full-disk incident (db/storage.ts) a transaction that wrote and committed is the news
  // that writes succeed again; otherwise nothing is counted.
  const before = storageIncident() ? changes(db) : null;
  sqlite.exec("BEGIN IMMEDIATE");
  // Set when the event loop turned while the transaction was open: the work waited on real I/O.
  let yielded = false;
  const tick = setImmediate(() => (yielded = true));
  const store: Open = { sqlite, savepoints: 0, closed: false };
  try {
    const result = await open.run(store, () => work(db));
    if (yielded && strict()) throw new Error("a transaction's work waited on I/O with the transaction open (db/transaction.ts)");
    sqlite.exec("COMMIT");
    if (before !== null && changes(db) > before) storageWritable();
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    store.closed = true;
    clearImmediate(tick);
  }
}

/** A transaction inside another's work: a savepoint, so that its failure rolls back its own
 *  writes only (a batch of interviews, each in its own). */
async function savepoint<T>(db: Db, current: Open, work: (tx: Executor) => Promise<T> | T): Promise<T> {
  const name = `s${++current.savepoints}`;
  db.$client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(db);
    db.$client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    db.$client.exec(`ROLLBACK TO ${name}`);
    db.$client.exec(`RELEASE ${name}`);
    throw error;
  }
}

// PostgreSQL: a transaction is SERIALIZABLE (unless it locks the row it writes around: `lock`,
// `rowLocks`), so a service that re-reads the state it writes
// against (a reply's status, a cell's version) needs no row locks to stay correct: of two
// concurrent transactions that would have lost an update, PostgreSQL aborts one (40001), and it is
// run again from the start, seeing the other's commit. Deadlocks (40P01) are retried the same way.
type PgExecutor = { transaction<T>(work: (tx: unknown) => Promise<T>, config?: PgTransactionConfig): Promise<T> };

/** The row locks of `lock` (the statement of each table, prepared once per connection). */
const LOCKS: Record<LockableRow["table"], Statement> = {
  responses: statement("select id from responses where id = ? for update"),
  survey_households: statement("select id from survey_households where id = ? for update"),
};

/** Locks `row` until the transaction of `tx` ends (PostgreSQL; nothing to do on SQLite, whose
 *  BEGIN IMMEDIATE holds the whole database): for work that finds its row itself (`rowLocks`). */
export async function lockRow(tx: Executor, row: LockableRow): Promise<void> {
  if (is(tx, PgTransaction)) await get(tx, LOCKS[row.table], row.id);
}

const RETRIES = 8;
/** Transactions of this process run again after a serialization failure or a deadlock: each one is
 *  latency for a user, and a sign that writers that need not meet do (the tests count them). */
const stats = ((globalThis as { __dbTransactionStats?: { retries: number } }).__dbTransactionStats ??= { retries: 0 });
export const transactionRetries = () => stats.retries;
const retryable = (error: unknown) => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "40001" || code === "40P01") return true;
  }
  return false;
};

async function retried<T>(db: PgExecutor, work: (tx: Executor) => Promise<T> | T, isolationLevel: "serializable" | "read committed"): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => work(tx as unknown as Executor), { isolationLevel });
    } catch (error) {
      if (attempt >= RETRIES || !retryable(error)) throw error;
      stats.retries++;
      // A short, growing, jittered pause, so that the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
    }
  }
}
