// Periodic reports: open a filing for a period, submit it (recording whether it was on time),
// return it; the compliance view of who filed what, when, and who is late.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reportFilings, reportingBodies, responses } from "@/db/schema";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { evaluateAll, blocksSubmission } from "@/modules/questionnaire/rules";
import { REPORT_FORMS, findForm } from "../forms";
import { dueDate } from "../deadlines";
import { compareDates, type IsoDate } from "../../../lib/dates/dates";
import { formatPeriod, periodsBetween, periodEnd, type Periodicity } from "../periods";
import { loadAdjustments } from "./calendar";

/** The questionnaire definition of each form that can be filled in the app (others are catalogued). */
export const FORM_DEFINITIONS: Record<number, string> = { 1: "form-1m" };

export const today = (): IsoDate => new Date().toISOString().slice(0, 10);
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export type OpenResult = { ok: true; id: number } | { ok: false; status: number; reason: string };

export function openFiling(formNumber: number, bodyId: number, period: string): OpenResult {
  const form = findForm(formNumber);
  const questionnaireId = FORM_DEFINITIONS[formNumber];
  if (!form || !questionnaireId) return { ok: false, status: 400, reason: `Form ${formNumber} cannot be filled in the app yet.` };
  const due = dueDate(form, period, loadAdjustments());
  if (!due.ok) return { ok: false, status: 400, reason: due.reason };
  const db = getDb();
  const existing = db.select({ id: reportFilings.id }).from(reportFilings)
    .where(and(eq(reportFilings.formNumber, formNumber), eq(reportFilings.bodyId, bodyId), eq(reportFilings.period, due.value.period))).get();
  if (existing) return { ok: true, id: existing.id };
  return db.transaction((tx) => {
    const { id: responseId } = tx.insert(responses).values({ questionnaireId, status: "in_progress" }).returning({ id: responses.id }).get();
    const { id } = tx.insert(reportFilings).values({ formNumber, bodyId, period: due.value.period, responseId, due: due.value.due }).returning({ id: reportFilings.id }).get();
    return { ok: true as const, id };
  });
}

export function findFiling(id: number) {
  return getDb()
    .select({ filing: reportFilings, body: reportingBodies })
    .from(reportFilings).innerJoin(reportingBodies, eq(reportingBodies.id, reportFilings.bodyId))
    .where(eq(reportFilings.id, id)).get();
}

export type FilingRecord = NonNullable<ReturnType<typeof findFiling>>;

export function submitFiling(found: FilingRecord) {
  const { filing } = found;
  if (filing.status === "submitted") return { ok: false as const, status: 409, reason: "This report has already been submitted." };
  const index = loadQuestionnaire(getDb(), FORM_DEFINITIONS[filing.formNumber]);
  const answers = loadAnswers(getDb(), filing.responseId);
  const issues = evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, { submit: true }).filter(blocksSubmission);
  if (issues.length) return { ok: false as const, status: 422, reason: `${issues.length} item(s) must be fixed or explained before submitting.`, issues };
  const now = today();
  const daysLate = Math.max(0, daysBetween(filing.due, now));
  getDb().update(reportFilings).set({ status: "submitted", submittedAt: new Date().toISOString(), daysLate, returnComment: null }).where(eq(reportFilings.id, filing.id)).run();
  return { ok: true as const, daysLate };
}

export function returnFiling(found: FilingRecord, comment: string) {
  if (found.filing.status !== "submitted") return { ok: false as const, status: 409, reason: "Only a submitted report can be returned." };
  getDb().update(reportFilings).set({ status: "returned", returnComment: comment, daysLate: null, submittedAt: null }).where(eq(reportFilings.id, found.filing.id)).run();
  return { ok: true as const };
}

export type ComplianceState = "on_time" | "late" | "missing" | "overdue" | "draft" | "not_due";
export type ComplianceRow = { period: string; bodyId: number; body: string; region: string; form: number; code: string | null; due: string; state: ComplianceState; daysLate: number | null; filingId: number | null; submittedAt: string | null };

/**
 * Period × body × form, for the forms filled in the app: on time; late (by N days); overdue now
 * (due date passed, nothing submitted); missing (not filed, not yet due); a draft or returned one.
 */
export function compliance(filter: { from: IsoDate; to: IsoDate; bodyId?: number; form?: number; region?: string }): ComplianceRow[] {
  const db = getDb();
  const adjustments = loadAdjustments();
  const now = today();
  const bodies = db.select().from(reportingBodies).all().filter((b) => (!filter.bodyId || b.id === filter.bodyId) && (!filter.region || b.regionCode === filter.region));
  const forms = REPORT_FORMS.filter((f) => FORM_DEFINITIONS[f.number] && (!filter.form || f.number === filter.form));
  const filings = new Map(db.select().from(reportFilings).all().map((f) => [`${f.formNumber}|${f.bodyId}|${f.period}`, f]));
  const rows: ComplianceRow[] = [];
  for (const form of forms) {
    for (const p of periodsBetween(filter.from, filter.to, form.periodicity as Periodicity)) {
      if (compareDates(periodEnd(p), filter.to) > 0) continue; // only periods that have ended
      const period = formatPeriod(p);
      const due = dueDate(form, period, adjustments);
      if (!due.ok) continue;
      for (const body of bodies) {
        const f = filings.get(`${form.number}|${body.id}|${period}`);
        let state: ComplianceState;
        if (f?.status === "submitted") state = (f.daysLate ?? 0) > 0 ? "late" : "on_time";
        else if (compareDates(now, due.value.due) > 0) state = "overdue";
        else state = f ? "draft" : "missing";
        rows.push({
          period, bodyId: body.id, body: body.name, region: body.regionCode, form: form.number, code: form.code, due: due.value.due, state,
          daysLate: f?.status === "submitted" ? f.daysLate : state === "overdue" ? daysBetween(due.value.due, now) : null,
          filingId: f?.id ?? null, submittedAt: f?.submittedAt ?? null,
        });
      }
    }
  }
  return rows.sort((a, b) => b.period.localeCompare(a.period) || a.body.localeCompare(b.body));
}

/** A reporter's next deadlines: the forms their body files, for the current and previous period. */
export function upcomingDeadlines(bodyId: number) {
  const adjustments = loadAdjustments();
  const now = today();
  const filings = getDb().select().from(reportFilings).where(eq(reportFilings.bodyId, bodyId)).all();
  return REPORT_FORMS.filter((f) => FORM_DEFINITIONS[f.number]).flatMap((form) => {
    const periods = periodsBetween(addMonths(now, -3), now, form.periodicity as Periodicity).map(formatPeriod);
    return periods.map((period) => {
      const due = dueDate(form, period, adjustments);
      const filing = filings.find((f) => f.formNumber === form.number && f.period === period);
      return due.ok ? { form: form.number, code: form.code, title: form.title, period, due: due.value.due, filing: filing ?? null, overdue: !filing?.submittedAt && compareDates(now, due.value.due) > 0 } : null;
    }).filter((x): x is NonNullable<typeof x> => !!x);
  });
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

export function filingsOfBody(bodyId: number) {
  return getDb().select().from(reportFilings).where(eq(reportFilings.bodyId, bodyId)).all().sort((a, b) => b.period.localeCompare(a.period));
}
