// The working-day calendar's admin-edited days, read into the pure calendar's adjustments.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarAdjustments } from "@/db/schema";
import type { CalendarAdjustments } from "../calendar";

export function loadAdjustments(): CalendarAdjustments {
  const rows = getDb().select().from(calendarAdjustments).all();
  return { extraDaysOff: rows.filter((r) => r.kind === "off").map((r) => r.date), extraWorkingDays: rows.filter((r) => r.kind === "working").map((r) => r.date) };
}

export const listAdjustments = () => getDb().select().from(calendarAdjustments).orderBy(asc(calendarAdjustments.date)).all();

export function setAdjustment(date: string, kind: "off" | "working" | null, note: string) {
  const db = getDb();
  if (!kind) db.delete(calendarAdjustments).where(eq(calendarAdjustments.date, date)).run();
  else db.insert(calendarAdjustments).values({ date, kind, note }).onConflictDoUpdate({ target: calendarAdjustments.date, set: { kind, note } }).run();
}
