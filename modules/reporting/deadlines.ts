// Due dates of report forms and collection dispatches.
//
// A form has two dates per period. Its placement term (Appendix 2: "the term of placement" on the
// Administrator's information service) binds the Committee, which publishes the consolidated
// report; the filing deadline binds the reporting bodies and is set by the Committee per form, as
// a number of working days before the placement term (by default two), so that it has time to
// check and consolidate. `due` below is always the placement term.
//
// why the move to the next working day applies to the forms too: the seed states it once, after
// paragraph 13 ("If the end of the term falls on a non-working day (weekend, holiday), then the
// last day of the term shall be considered the first working day following it"); Appendix 2 is
// silent, and the same rule is the general one for terms in Kazakh law. We apply it to all.
import { nextWorkingDayOnOrAfter, NO_ADJUSTMENTS, workingDaysBefore, type CalendarAdjustments } from "./calendar";
import { findCollection, type ElectronicCollection } from "./collections";
import type { IsoDate } from "../../lib/dates/dates";
import { findForm, REPORT_FORMS, type ReportForm } from "./forms";
import { formatPeriod, parsePeriod, periodMismatch, type Period } from "./periods";
import { lastDayByRule, type Schedule } from "./schedule";

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ScheduleDue {
  period: Period;
  /** The day the rule names ("the 5th day of the following month"). */
  lastDayByRule: IsoDate;
  /** That day, or the first working day after it. */
  due: IsoDate;
}

/** The due date of any schedule; `subject` names it in refusals ("form 1"). */
export function scheduleDueDate(
  schedule: Schedule,
  subject: string,
  periodText: string,
  adjustments: CalendarAdjustments = NO_ADJUSTMENTS,
): Result<ScheduleDue> {
  const parsed = parsePeriod(periodText);
  if (!parsed.ok) return parsed;
  const mismatch = periodMismatch(parsed.period, schedule.periodicities, subject);
  if (mismatch) return { ok: false, reason: mismatch };
  const last = lastDayByRule(schedule.deadline, parsed.period);
  return { ok: true, value: { period: parsed.period, lastDayByRule: last, due: nextWorkingDayOnOrAfter(last, adjustments) } };
}

export interface FormDue {
  form: number;
  code: string | null;
  period: string;
  due: IsoDate;
}

/** dueDate(1, "2026-03") → { form: 1, code: "1-M", period: "2026-03", due: "2026-04-06" }. */
export function dueDate(form: number | ReportForm, period: string, adjustments: CalendarAdjustments = NO_ADJUSTMENTS): Result<FormDue> {
  const f = typeof form === "number" ? findForm(form) : form;
  if (!f) return { ok: false, reason: `unknown form ${form}: forms are numbered 1–${REPORT_FORMS.length}` };
  const r = scheduleDueDate({ periodicities: [f.periodicity], deadline: f.deadline }, `form ${f.number}`, period, adjustments);
  if (!r.ok) return r;
  return { ok: true, value: { form: f.number, code: f.code, period: formatPeriod(r.value.period), due: r.value.due } };
}

/** Working days between a body's filing deadline and the placement term, unless the Committee set another number. */
export const DEFAULT_FILING_DAYS_BEFORE = 2;
/** The most a form's filing deadline may precede its placement term. */
export const MAX_FILING_DAYS_BEFORE = 15;

export interface FormTerms extends FormDue {
  /** The reporting bodies' filing deadline: `daysBefore` working days before `due`. */
  filingDue: IsoDate;
}

/** The placement term and the bodies' filing deadline of a form for a period. */
export function formTerms(
  form: number | ReportForm,
  period: string,
  adjustments: CalendarAdjustments = NO_ADJUSTMENTS,
  daysBefore: number = DEFAULT_FILING_DAYS_BEFORE,
): Result<FormTerms> {
  const r = dueDate(form, period, adjustments);
  if (!r.ok) return r;
  return { ok: true, value: { ...r.value, filingDue: workingDaysBefore(r.value.due, daysBefore, adjustments) } };
}

export interface CollectionDue {
  collection: number;
  period: string;
  due: IsoDate;
}

export function collectionDueDate(
  collection: number | ElectronicCollection,
  period: string,
  adjustments: CalendarAdjustments = NO_ADJUSTMENTS,
): Result<CollectionDue> {
  const c = typeof collection === "number" ? findCollection(collection) : collection;
  if (!c) return { ok: false, reason: `unknown collection ${collection}: collections are numbered 1–6` };
  const r = scheduleDueDate(c, `collection ${c.number}`, period, adjustments);
  if (!r.ok) return r;
  return { ok: true, value: { collection: c.number, period: formatPeriod(r.value.period), due: r.value.due } };
}
