// Reading the log-journal: filtered, newest first (admins).
import "server-only";
import type { Executor } from "@/db/transaction";

/** The most rows one CSV export of the log-journal holds. */
export const AUDIT_EXPORT_MAX = 100_000;

export type AuditFilter = { q?: string; action?: string; from?: string; to?: string; limit?: number };
export type AuditRow = { id: number; at: string; user: string | null; role: string | null; action: string; object: string | null; ip: string | null };

export function searchAudit(db: Executor, f: AuditFilter): AuditRow[] {
  const where: string[] = [];
  const args: Record<string, string | number> = { limit: f.limit ?? 500 };
  if (f.action) {
    where.push("l.action like @action");
    args.action = `${f.action}%`;
  }
  if (f.from) {
    where.push("l.at >= @from");
    args.from = f.from;
  }
  if (f.to) {
    where.push("l.at < date(@to, '+1 day')");
    args.to = f.to;
  }
  if (f.q) {
    where.push("(l.object like @q or u.email like @q or u.name like @q)");
    args.q = `%${f.q}%`;
  }
  // Raw SQL: the where clause is assembled from the filters given (not a fixed statement).
  return db.$client
    .prepare(
      `select l.id, l.at, coalesce(u.email, '') as user, l.role, l.action, l.object, l.ip
       from audit_log l left join users u on u.id = l.user_id
      ${where.length ? `where ${where.join(" and ")}` : ""} order by l.id desc limit @limit`,
    )
    .all(args) as AuditRow[];
}
