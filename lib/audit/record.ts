// The audit row itself, free of "server-only" and of next/headers: the server's start
// (instrumentation.ts → seed/bootstrap.ts) and command-line scripts (create-admin) write rows too.
import type { Executor } from "@/db/transaction";
import { prepared } from "@/db/statements";

type Actor = { id: number; role: string } | null;
export type AuditEntry = { action: string; object?: string; user: Actor };

const INSERT = "insert into audit_log (action, object, user_id, role, ip) values (?, ?, ?, ?, ?)";

/** Writes the row with the executor given: services call it inside their transaction, so that the
 *  action and its data are committed together (and with one commit, not two). */
export async function recordAudit(db: Executor, entry: AuditEntry, ip: string | null): Promise<void> {
  prepared(db.$client, INSERT).run(entry.action, entry.object ?? null, entry.user?.id ?? null, entry.user?.role ?? null, ip);
}
