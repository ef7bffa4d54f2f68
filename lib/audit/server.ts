// Appends to the log-journal: who did what, to which object, from where. Append-only by design:
// the app has no code path that updates or deletes audit rows.
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { isStorageFull, storageFull, storageWritable } from "@/db/storage";
import { recordAudit, type AuditEntry } from "./record";

export { recordAudit, type AuditEntry };

/** Records an action that changes no state (a login, an export); the client address is read from the request the call is made in. Rows of
 *  requests that finish together are written in one transaction (one commit for all of them). */
export function audit(entry: AuditEntry) {
  void requestIp().then((ip) => {
    pending.push({ entry, ip });
    if (pending.length === 1) setImmediate(() => void flush());
  });
}

const pending: { entry: AuditEntry; ip: string | null }[] = [];

async function flush() {
  const rows = pending.splice(0);
  try {
    await inTransaction(getDb(), async (tx) => {
      for (const r of rows) await recordAudit(tx, r.entry, r.ip);
    });
    storageWritable();
  } catch (error) {
    // A full disk is logged once per incident (db/storage.ts), not with a stack trace per flush.
    if (isStorageFull(error)) storageFull(error);
    else console.error("audit: could not write", rows.length, "row(s)", error);
  }
}

/** The client address: the connection's, or a trusted proxy's report of it (see middleware.ts). */
export async function requestIp(): Promise<string | null> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null;
  } catch {
    return null; // outside a request (scripts)
  }
}
