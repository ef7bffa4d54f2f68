// A full disk is an incident of the machine, not a fault of the request that met it. While it lasts,
// every write fails the same way: the callers (lib/http/route.ts, lib/auth/admin-action.ts) answer
// 503 "storage full", the health check reports it, and it is logged once — one line when it begins,
// one when writes succeed again — not a stack trace per request. Nothing is refused in advance:
// every write is still tried, so the service recovers by itself as soon as space returns (SQLite
// rolled the failed transaction back; the connection stays usable).
//
// The incident is process-wide (on globalThis, like the connection in db/init.ts: Next may load this
// module more than once). It ends at the first write that commits once no write has failed for
// QUIET_MS, or when the health check's probe writes (lib/health.ts): with some room left, small
// writes may pass while larger ones still fail, and the quiet period keeps that from logging an
// incident per request.

export const STORAGE_FULL = "storage full";

/** How long without a refused write before a successful one ends the incident. */
export const QUIET_MS = 10_000;

/** SQLite's, PostgreSQL's and the system's codes for a write that found no room. SQLite reports a
 *  failed write() with ENOSPC as SQLITE_FULL; the other I/O codes are what failing to grow or sync
 *  the WAL, the shared-memory file or the database file gives when the disk is full (EIO on a
 *  failing disk looks the same: the logged line has the exact code). PostgreSQL's server reports its
 *  own full disk (a table, an index or the WAL that cannot grow) as SQLSTATE 53100, disk_full; a
 *  quota it cannot exceed is not distinguished from it. */
const FULL_CODES = new Set([
  "SQLITE_FULL",
  "SQLITE_IOERR_WRITE",
  "SQLITE_IOERR_FSYNC",
  "SQLITE_IOERR_SHMSIZE",
  "SQLITE_IOERR_TRUNCATE",
  "ENOSPC",
  "EDQUOT",
  "53100",
]);

/** Whether an error (or one of its causes: drizzle wraps the driver's) is a write that found no room. */
export function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && FULL_CODES.has(code)) return true;
  }
  return false;
}

export type StorageIncident = { since: number; lastFailure: number; refused: number; reason: string };

const state = globalThis as unknown as { __storageIncident?: StorageIncident | null };

export const storageIncident = (): StorageIncident | null => state.__storageIncident ?? null;

/** "database or disk is full (SQLITE_FULL)": the first line of the driver's message and its code. */
const reasonOf = (error: unknown) => {
  let e = error;
  for (let depth = 0; depth < 5 && !(e as { code?: unknown })?.code && (e as { cause?: unknown })?.cause; depth++) e = (e as { cause: unknown }).cause;
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return `${String(message ?? e).split("\n")[0]}${typeof code === "string" ? ` (${code})` : ""}`;
};

/** The health check's wording of an incident. */
export const describeIncident = (incident: StorageIncident) => `${STORAGE_FULL} since ${new Date(incident.since).toISOString()}: ${incident.reason}`;

/** Records a write refused for want of room; the first of an incident is logged. */
export function storageFull(error: unknown, now = Date.now()): void {
  const incident = storageIncident();
  if (incident) {
    incident.refused++;
    incident.lastFailure = now;
    return;
  }
  const reason = reasonOf(error);
  state.__storageIncident = { since: now, lastFailure: now, refused: 1, reason };
  console.error(`Storage full: writes are refused (${reason}); the API answers 503 "${STORAGE_FULL}" until space returns.`);
}

/** A write committed: the incident ends (and says so) once no write has been refused for QUIET_MS. */
export function storageWritable(now = Date.now()): void {
  const incident = storageIncident();
  if (!incident || now - incident.lastFailure < QUIET_MS) return;
  state.__storageIncident = null;
  console.error(`Storage writable again: ${incident.refused} write(s) refused since ${new Date(incident.since).toISOString()}.`);
}
