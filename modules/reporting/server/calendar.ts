// The working-day calendar's admin-edited days, read into the pure calendar's adjustments.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { calendarAdjustments } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import type { CalendarAdjustments } from "../calendar";

export function loadAdjustments(db: Executor): CalendarAdjustments {
  const rows = db.select().from(calendarAdjustments).all();
  return {
    extraDaysOff: rows.filter((r) => r.kind === "off").map((r) => r.date),
    extraWorkingDays: rows.filter((r) => r.kind === "working").map((r) => r.date),
  };
}

export const listAdjustments = (db: Executor) => db.select().from(calendarAdjustments).orderBy(asc(calendarAdjustments.date)).all();

type CalendarChange = { date: string; kind: "off" | "working" | "remove"; note: string };

/** Declares a date an extra day off or an extra working day (replacing what it was), or removes
 *  the declaration (404 when the date has none); with its audit row. */
export function changeCalendarDay(db: Executor, change: CalendarChange, user: AuditEntry["user"], ip: string | null) {
  const { date, kind, note } = change;
  inTransaction(db, (tx) => {
    if (kind === "remove") {
      const { changes } = tx.delete(calendarAdjustments).where(eq(calendarAdjustments.date, date)).run();
      if (!changes) throw new ServiceError(404, `${date} is not declared a day off or a working day.`);
    } else tx.insert(calendarAdjustments).values({ date, kind, note }).onConflictDoUpdate({ target: calendarAdjustments.date, set: { kind, note } }).run();
    recordAudit(tx, { action: "calendar.change", object: `${date} ${kind} ${note}`, user }, ip);
  });
}
