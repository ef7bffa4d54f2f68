// Reading the log-journal: filtered, newest first (admins).
import "server-only";
import type { Executor } from "@/db/transaction";
import { TIME_ZONE } from "@/lib/i18n/format";

/** The most rows one CSV export of the log-journal holds. */
export const AUDIT_EXPORT_MAX = 100_000;

/** `from`/`to` are calendar days in Kazakhstan (the journal is read in local time); `action` matches
 *  any part of the action's name; `body` a reporting body's id in the objects ("… body 5"). */
export type AuditFilter = { q?: string; action?: string; user?: string; body?: number; object?: string; from?: string; to?: string; limit?: number };

const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The UTC instant (as the journal stores it) at which a local calendar day starts in Kazakhstan. */
export function localDayStartUtc(date: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const p = Object.fromEntries(PARTS.formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return new Date(guess - (asUtc - guess)).toISOString();
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export type AuditRow = { id: number; at: string; user: string | null; role: string | null; action: string; object: string | null; ip: string | null };

const like = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAudit(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const where: string[] = [];
  const args: Record<string, string | number> = { limit: f.limit ?? 500 };
  if (f.action) {
    where.push("l.action like @action escape '\\'");
    args.action = `%${like(f.action)}%`;
  }
  if (f.user) {
    where.push("(u.email like @user escape '\\' or u.name like @user escape '\\')");
    args.user = `%${like(f.user)}%`;
  }
  if (f.object) {
    where.push("l.object like @object escape '\\'");
    args.object = `%${like(f.object)}%`;
  }
  if (f.body !== undefined) {
    // why both: labels end with the body ("form 1 2026-03 body 5") or go on after it.
    where.push("(l.object like @bodyEnd or l.object like @bodyMid)");
    args.bodyEnd = `% body ${f.body}`;
    args.bodyMid = `% body ${f.body} %`;
  }
  if (f.from) {
    where.push("l.at >= @from");
    args.from = localDayStartUtc(f.from);
  }
  if (f.to) {
    where.push("l.at < @to");
    args.to = localDayStartUtc(nextDay(f.to));
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
