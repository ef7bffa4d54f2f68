// The database half of GET /api/health: readable (a trivial query) and writable: the write lock is
// taken (BEGIN IMMEDIATE) and a write is started (user_version set to its own value: it touches no
// table), then rolled back — nothing reaches the file. BEGIN IMMEDIATE alone succeeds on a read-only
// connection; the write is what SQLite refuses. A read-only file, a write lock held by another
// process past the short wait, or a broken connection give the reason instead of "ok".
import type { Executor } from "@/db/transaction";

/** How long the probe waits for another process's write lock before calling the database busy. */
const LOCK_WAIT_MS = 2000;

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function checkDatabase(db: Executor): DatabaseHealth {
  const sqlite = db.$client;
  try {
    sqlite.prepare("select 1").get();
  } catch (error) {
    return { ok: false, reason: `not readable: ${reasonOf(error)}` };
  }
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  try {
    sqlite.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
    sqlite.exec("BEGIN IMMEDIATE");
    const version = sqlite.pragma("user_version", { simple: true }) as number;
    sqlite.pragma(`user_version = ${Number(version)}`);
    sqlite.exec("ROLLBACK");
    return { ok: true };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    return { ok: false, reason: `not writable: ${reasonOf(error)}` };
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
