// The working-day calendar's admin-edited data, read into the pure calendar's adjustments: days
// declared off or working, and holiday rules added or changed; the filing deadline of each form.
import "server-only";
import { asc } from "drizzle-orm";
import { run } from "@/db/sql";
import { inTransaction, type Executor } from "@/db/transaction";
import { calendarAdjustments, formFilingSettings, holidayRules } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { HOLIDAY_RULES, mergeRules, type CalendarAdjustments, type HolidayRule } from "../calendar";
import { DEFAULT_FILING_DAYS_BEFORE } from "../deadlines";
import { findForm } from "../forms";
import { DELETE_CALENDAR_DAY } from "./reporting.sql";

/** Administrators' holiday rules; one with a shipped rule's id keeps that rule's catalogue name. */
export async function adminHolidayRules(db: Executor): Promise<HolidayRule[]> {
  const shippedKeys = new Map(HOLIDAY_RULES.map((r) => [r.id, r.key]));
  return (await db.select().from(holidayRules)).map((r) => ({ ...r, key: shippedKeys.get(r.id) ?? null }));
}

export async function loadAdjustments(db: Executor): Promise<CalendarAdjustments> {
  const rows = await db.select().from(calendarAdjustments);
  return {
    extraDaysOff: rows.filter((r) => r.kind === "off").map((r) => r.date),
    extraWorkingDays: rows.filter((r) => r.kind === "working").map((r) => r.date),
    holidayRules: mergeRules(await adminHolidayRules(db)),
  };
}

export const listAdjustments = async (db: Executor) => await db.select().from(calendarAdjustments).orderBy(asc(calendarAdjustments.date));

type CalendarChange = { date: string; kind: "off" | "working" | "remove"; note: string };

/** Declares a date an extra day off or an extra working day (replacing what it was), or removes
 *  the declaration (404 when the date has none); with its audit row. */
export async function changeCalendarDay(db: Executor, change: CalendarChange, user: AuditEntry["user"], ip: string | null) {
  const { date, kind, note } = change;
  await inTransaction(db, async (tx) => {
    if (kind === "remove") {
      if (!(await run(tx, DELETE_CALENDAR_DAY, date))) throw new ServiceError(404, `${date} is not declared a day off or a working day.`);
    } else await tx.insert(calendarAdjustments).values({ date, kind, note }).onConflictDoUpdate({ target: calendarAdjustments.date, set: { kind, note } });
    await recordAudit(tx, { action: "calendar.change", object: `${date} ${kind} ${note}`, user }, ip);
  });
}

export type HolidayRuleInput = Omit<HolidayRule, "key">;

/** Adds a holiday rule, or replaces the rule with the same id (a shipped one too: to end it, give
 *  it a last date); with its audit row. */
export async function saveHolidayRule(db: Executor, rule: HolidayRuleInput, user: AuditEntry["user"], ip: string | null) {
  if (rule.validFrom && rule.validTo && rule.validFrom > rule.validTo)
    throw new ServiceError(400, `The rule ends (${rule.validTo}) before it starts (${rule.validFrom}).`);
  await inTransaction(db, async (tx) => {
    const { id, ...rest } = rule;
    await tx.insert(holidayRules).values(rule).onConflictDoUpdate({ target: holidayRules.id, set: rest });
    await recordAudit(
      tx,
      { action: "calendar.rule", object: `${id} ${rule.month}-${rule.day} ${rule.validFrom ?? "…"}–${rule.validTo ?? "…"} ${rule.name}`, user },
      ip,
    );
  });
}

/** Working days between each form's filing deadline and its placement term, as the Committee set them. */
export async function filingDaysBefore(db: Executor): Promise<(form: number) => number> {
  const set = new Map((await db.select().from(formFilingSettings)).map((r) => [r.formNumber, r.daysBefore]));
  return (form) => set.get(form) ?? DEFAULT_FILING_DAYS_BEFORE;
}

/** Sets a form's filing deadline (working days before its placement term); with its audit row. */
export async function setFilingDaysBefore(db: Executor, input: { form: number; daysBefore: number }, user: AuditEntry["user"], ip: string | null) {
  if (!findForm(input.form)) throw new ServiceError(404, `No form No. ${input.form}.`);
  await inTransaction(db, async (tx) => {
    await tx
      .insert(formFilingSettings)
      .values({ formNumber: input.form, daysBefore: input.daysBefore })
      .onConflictDoUpdate({ target: formFilingSettings.formNumber, set: { daysBefore: input.daysBefore } });
    await recordAudit(tx, { action: "form.filing-deadline", object: `form ${input.form}: ${input.daysBefore} working days before placement`, user }, ip);
  });
}
