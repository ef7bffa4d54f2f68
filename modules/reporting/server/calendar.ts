// The working-day calendar's admin-edited data, read into the pure calendar's adjustments: days
// declared off or working, and holiday rules added or changed; the filing deadline of each form.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { calendarAdjustments, formFilingSettings, holidayRules } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { HOLIDAY_RULES, mergeRules, type CalendarAdjustments, type HolidayRule } from "../calendar";
import { DEFAULT_FILING_DAYS_BEFORE } from "../deadlines";
import { findForm } from "../forms";

/** Administrators' holiday rules; one with a shipped rule's id keeps that rule's catalogue name. */
export function adminHolidayRules(db: Executor): HolidayRule[] {
  const shippedKeys = new Map(HOLIDAY_RULES.map((r) => [r.id, r.key]));
  return db
    .select()
    .from(holidayRules)
    .all()
    .map((r) => ({ ...r, key: shippedKeys.get(r.id) ?? null }));
}

export function loadAdjustments(db: Executor): CalendarAdjustments {
  const rows = db.select().from(calendarAdjustments).all();
  return {
    extraDaysOff: rows.filter((r) => r.kind === "off").map((r) => r.date),
    extraWorkingDays: rows.filter((r) => r.kind === "working").map((r) => r.date),
    holidayRules: mergeRules(adminHolidayRules(db)),
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

export type HolidayRuleInput = Omit<HolidayRule, "key">;

/** Adds a holiday rule, or replaces the rule with the same id (a shipped one too: to end it, give
 *  it a last date); with its audit row. */
export function saveHolidayRule(db: Executor, rule: HolidayRuleInput, user: AuditEntry["user"], ip: string | null) {
  if (rule.validFrom && rule.validTo && rule.validFrom > rule.validTo)
    throw new ServiceError(400, `The rule ends (${rule.validTo}) before it starts (${rule.validFrom}).`);
  inTransaction(db, (tx) => {
    const { id, ...rest } = rule;
    tx.insert(holidayRules).values(rule).onConflictDoUpdate({ target: holidayRules.id, set: rest }).run();
    recordAudit(
      tx,
      { action: "calendar.rule", object: `${id} ${rule.month}-${rule.day} ${rule.validFrom ?? "…"}–${rule.validTo ?? "…"} ${rule.name}`, user },
      ip,
    );
  });
}

/** Working days between each form's filing deadline and its placement term, as the Committee set them. */
export function filingDaysBefore(db: Executor): (form: number) => number {
  const set = new Map(
    db
      .select()
      .from(formFilingSettings)
      .all()
      .map((r) => [r.formNumber, r.daysBefore]),
  );
  return (form) => set.get(form) ?? DEFAULT_FILING_DAYS_BEFORE;
}

/** Sets a form's filing deadline (working days before its placement term); with its audit row. */
export function setFilingDaysBefore(db: Executor, input: { form: number; daysBefore: number }, user: AuditEntry["user"], ip: string | null) {
  if (!findForm(input.form)) throw new ServiceError(404, `No form No. ${input.form}.`);
  inTransaction(db, (tx) => {
    tx.insert(formFilingSettings)
      .values({ formNumber: input.form, daysBefore: input.daysBefore })
      .onConflictDoUpdate({ target: formFilingSettings.formNumber, set: { daysBefore: input.daysBefore } })
      .run();
    recordAudit(tx, { action: "form.filing-deadline", object: `form ${input.form}: ${input.daysBefore} working days before placement`, user }, ip);
  });
}
