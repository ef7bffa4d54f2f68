// The audit row itself, free of "server-only" and of next/headers: the server's start
// (instrumentation.ts → seed/bootstrap.ts) and command-line scripts (create-admin) write rows too.
import type { Executor } from "@/db/transaction";
import { run, statement } from "@/db/sql";

type Actor = { id: number; role: string } | null;
export type AuditEntry = { action: string; object?: string; user: Actor };

/** Raw and prepared once (db/sql.ts): every service writes one; `at` is the column's default. */
const INSERT_AUDIT = statement("insert into audit_log (action, object, user_id, role, ip) values (?, ?, ?, ?, ?)");

/** Writes the row with the executor given: services call it inside their transaction, so that the
 *  action and its data are committed together (and with one commit, not two). */
export async function recordAudit(db: Executor, entry: AuditEntry, ip: string | null): Promise<void> {
  await run(db, INSERT_AUDIT, entry.action, entry.object ?? null, entry.user?.id ?? null, entry.user?.role ?? null, ip);
}
