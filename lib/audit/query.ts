// Reading the log-journal: filtered, newest first (admins).
import "server-only";
import type { Executor } from "@/db/transaction";
import { all, statement, type Statement } from "@/db/sql";
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

/** One filter's condition: its SQL (PostgreSQL's own when it differs) and its arguments, in order.
 *  `like` folds case on SQLite only, so both sides are lowered (the same matches on both engines). */
type Condition = { name: string; sql: string; postgres?: string; args: (string | number)[] };

/** The statement of each combination of filters given (at most 2^7), made once: a statement is
 *  prepared once per connection (db/sql.ts), so its text must not be built anew on every search. */
const searches = new Map<string, Statement>();

function search(conditions: Condition[]): Statement {
  const key = conditions.map((c) => c.name).join(",");
  let found = searches.get(key);
  if (!found) {
    const text = (postgres: boolean) => {
      const where = conditions.map((c) => (postgres ? (c.postgres ?? c.sql) : c.sql));
      return `select l.id, l.at, coalesce(u.email, '') as "user", l.role, l.action, l.object, l.ip
       from audit_log l left join users u on u.id = l.user_id
      ${where.length ? `where ${where.join(" and ")}` : ""} order by l.id desc limit ?`;
    };
    searches.set(key, (found = statement(text(false), text(true))));
  }
  return found;
}

export async function searchAudit(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const conditions: Condition[] = [];
  if (f.action) conditions.push({ name: "action", sql: "lower(l.action) like lower(?) escape '\\'", args: [`%${like(f.action)}%`] });
  if (f.user) {
    const user = `%${like(f.user)}%`;
    conditions.push({ name: "user", sql: "(lower(u.email) like lower(?) escape '\\' or lower(u.name) like lower(?) escape '\\')", args: [user, user] });
  }
  if (f.object) conditions.push({ name: "object", sql: "lower(l.object) like lower(?) escape '\\'", args: [`%${like(f.object)}%`] });
  if (f.body !== undefined) {
    // why both: labels end with the body ("form 1 2026-03 body 5") or go on after it.
    conditions.push({
      name: "body",
      sql: "(lower(l.object) like lower(?) or lower(l.object) like lower(?))",
      args: [`% body ${f.body}`, `% body ${f.body} %`],
    });
  }
  if (f.from) conditions.push({ name: "from", sql: "l.at >= ?", args: [localDayStartUtc(f.from)] });
  if (f.to) conditions.push({ name: "to", sql: "l.at < ?", args: [localDayStartUtc(nextDay(f.to))] });
  if (f.q) {
    // `q` is matched as typed (its % and _ are wildcards): no escape character, which PostgreSQL's
    // like has by default (a backslash) unless told none.
    const q = `%${f.q}%`;
    conditions.push({
      name: "q",
      sql: "(lower(l.object) like lower(?) or lower(u.email) like lower(?) or lower(u.name) like lower(?))",
      postgres: "(lower(l.object) like lower(?) escape '' or lower(u.email) like lower(?) escape '' or lower(u.name) like lower(?) escape '')",
      args: [q, q, q],
    });
  }
  // Raw SQL: the where clause is assembled from the filters given (not a fixed statement).
  return all<AuditRow>(db, search(conditions), ...conditions.flatMap((c) => c.args), f.limit ?? 500);
}
