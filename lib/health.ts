// The database half of GET /api/health: readable (a trivial query) and writable: the write lock is
// taken (BEGIN IMMEDIATE) and a write is started (user_version set to its own value: it touches no
// table), then rolled back — nothing reaches the file. BEGIN IMMEDIATE alone succeeds on a read-only
// connection; the write is what SQLite refuses. A read-only file, a write lock held by another
// process past the short wait, or a broken connection give the reason instead of "ok".
//
// Storage full (db/storage.ts): while writes are being refused for want of room, the answer is
// "storage full since …" without probing. Once none has been refused for a while, the probe itself
// decides whether the incident is over, and for that it must meet the disk: the database must have
// room for one more page (a free page, or below its page limit), and the no-op write is committed —
// one frame appended to the WAL and synced — instead of rolled back. A success ends the incident; a
// failure continues it.
import type pg from "pg";
import { isPostgres } from "@/db/postgres";
import { exclusively, type Executor } from "@/db/transaction";
import { describeIncident, isStorageFull, QUIET_MS, storageFull, storageIncident, storageWritable } from "@/db/storage";

/** How long the probe waits for another process's write lock before calling the database busy. */
const LOCK_WAIT_MS = 2000;

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function checkDatabase(db: Executor, now = Date.now()): Promise<DatabaseHealth> {
  if (isPostgres(db)) return checkPostgres(db);
  const sqlite = db.$client;
  try {
    sqlite.prepare("select 1").get();
  } catch (error) {
    return { ok: false, reason: `not readable: ${reasonOf(error)}` };
  }
  const incident = storageIncident();
  if (incident && now - incident.lastFailure < QUIET_MS) return { ok: false, reason: describeIncident(incident) };
  // Its own BEGIN … ROLLBACK on the shared connection: in the transactions' queue, never inside
  // another request's open transaction (db/transaction.ts).
  return exclusively(db, () => probeWrite(sqlite, incident, now));
}

function probeWrite(sqlite: Sqlite, incident: ReturnType<typeof storageIncident>, now: number): DatabaseHealth {
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  try {
    sqlite.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    sqlite.exec("BEGIN IMMEDIATE");
    const version = sqlite.pragma("user_version", { simple: true }) as number;
    if (incident && !roomForAPage(sqlite)) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    sqlite.pragma(`user_version = ${Number(version)}`);
    sqlite.exec(incident ? "COMMIT" : "ROLLBACK");
    if (incident) storageWritable(now);
    return { ok: true };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    if (isStorageFull(error)) {
      storageFull(error, now);
      return { ok: false, reason: describeIncident(storageIncident()!) };
    }
    return { ok: false, reason: `not writable: ${reasonOf(error)}` };
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

type Sqlite = Executor["$client"];
const pragma = (sqlite: Sqlite, name: string) => Number(sqlite.pragma(name, { simple: true }));

/** A page can be added: one is free inside the file, or the file is below its page limit. */
const roomForAPage = (sqlite: Sqlite) => pragma(sqlite, "freelist_count") > 0 || pragma(sqlite, "page_count") < pragma(sqlite, "max_page_count");

/** PostgreSQL: the server answers (within the pool's connection timeout), and takes writes: not a
 *  standby in recovery, not read-only by default. */
async function checkPostgres(db: Executor): Promise<DatabaseHealth> {
  try {
    const { rows } = await (db.$client as unknown as pg.Pool).query(
      "select pg_is_in_recovery() as recovery, current_setting('default_transaction_read_only') as read_only",
    );
    if (rows[0].recovery) return { ok: false, reason: "not writable: the PostgreSQL server is a standby in recovery" };
    if (rows[0].read_only === "on") return { ok: false, reason: "not writable: the PostgreSQL database is read-only by default" };
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `not readable: ${reasonOf(error)}` };
  }
}
