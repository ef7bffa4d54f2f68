// Periodic reports: open a filing for a period, save its figures, submit it (recording whether it
// was on time), return it; the compliance view of who filed what, when, and who is late.
//
// Each write is one service: one transaction in which the filing's state is read again (the copy
// the caller loaded may be stale: another request may have submitted or returned it meanwhile),
// checked, moved, and its audit row written. Of N concurrent submits (or returns) one wins, the
// others are refused with 409.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { reportFilings, reportingBodies, responses } from "@/db/schema";
import type { Scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import type { AnswerChange, SaveAnswersResponse } from "@/modules/questionnaire/schemas";
import { evaluateAll, blocksSubmission } from "@/modules/questionnaire/rules";
import { REPORT_FORMS, findForm } from "../forms";
import { formTerms } from "../deadlines";
import { legalToday } from "../calendar";
import { compareDates, type IsoDate } from "../../../lib/dates/dates";
import { formatPeriod, periodsBetween, periodEnd, type Periodicity } from "../periods";
import { filingDaysBefore, loadAdjustments } from "./calendar";
import { placementsByArea, type PlacementState } from "./placements";
import { refusal } from "@/lib/http/refusal";

/** The questionnaire definition of each form that can be filled in the app (others are catalogued). */
export const FORM_DEFINITIONS: Record<number, string> = { 1: "form-1m" };

/** Today in Kazakhstan (Asia/Almaty): legal deadlines are calendar days there. */
export const today = (): IsoDate => legalToday();
const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Who acts, as the audit log records them. */
export type Actor = { id: number; role: string };
type Filing = typeof reportFilings.$inferSelect;

const label = (f: Pick<Filing, "formNumber" | "period" | "bodyId">) => `form ${f.formNumber} ${f.period} body ${f.bodyId}`;

export async function findFiling(db: Executor, id: number) {
  const [found] = await db
    .select({ filing: reportFilings, body: reportingBodies })
    .from(reportFilings)
    .innerJoin(reportingBodies, eq(reportingBodies.id, reportFilings.bodyId))
    .where(eq(reportFilings.id, id))
    .limit(1);
  return found;
}

/** Every reporting body, by name (filters of the Committee's pages). */
export async function listBodies(db: Executor) {
  return await db.select().from(reportingBodies).orderBy(asc(reportingBodies.name));
}

export async function findBody(db: Executor, id: number) {
  const [body] = await db.select().from(reportingBodies).where(eq(reportingBodies.id, id)).limit(1);
  return body;
}

/** The filing as stored now; inside a transaction, the state the service writes against. */
async function current(tx: Executor, id: number): Promise<Filing> {
  const [filing] = await tx.select().from(reportFilings).where(eq(reportFilings.id, id)).limit(1);
  if (!filing) throw new ServiceError(404, refusal("noSuchReport"));
  return filing;
}

/** The body's filing of a form for a period: the existing one, or a new draft. */
export async function openFiling(db: Executor, input: { form: number; bodyId: number; period: string }, user: Actor, ip: string | null): Promise<number> {
  const form = findForm(input.form);
  const questionnaireId = FORM_DEFINITIONS[input.form];
  if (!form || !questionnaireId) throw new ServiceError(400, refusal("formNotInApp", { form: input.form }));
  return inTransaction(db, async (tx) => {
    const due = formTerms(form, input.period, await loadAdjustments(tx), (await filingDaysBefore(tx))(form.number));
    // The reporter typed the period: told in their language what the form wants (the parser's reason is for scripts).
    if (!due.ok)
      throw new ServiceError(
        400,
        refusal("periodNotForForm", { period: input.period.trim(), form: form.code ?? String(form.number), periodicity: form.periodicity }),
      );
    if (!(await findBody(tx, input.bodyId))) throw new ServiceError(404, refusal("noSuchBody"));
    const period = due.value.period;
    const [existing] = await tx
      .select({ id: reportFilings.id })
      .from(reportFilings)
      .where(and(eq(reportFilings.formNumber, form.number), eq(reportFilings.bodyId, input.bodyId), eq(reportFilings.period, period)))
      .limit(1);
    if (existing) return existing.id;
    const [{ id: responseId }] = await tx.insert(responses).values({ questionnaireId, status: "in_progress" }).returning({ id: responses.id });
    const [{ id }] = await tx
      .insert(reportFilings)
      .values({ formNumber: form.number, bodyId: input.bodyId, period, responseId, due: due.value.filingDue })
      .returning({ id: reportFilings.id });
    await recordAudit(tx, { action: "report.open", object: label({ formNumber: form.number, period, bodyId: input.bodyId }), user }, ip);
    return id;
  });
}

/** Refuses, on the state as loaded, a change to a submitted report: before its request's body is
 *  read. The services check again inside their transaction. */
export function assertEditable(filing: Pick<Filing, "status">) {
  if (filing.status === "submitted") throw new ServiceError(409, refusal("reportLocked"));
}

/** The report's autosave: valid changes written with their history, conflicting ones reported. */
export async function saveFilingAnswers(
  db: Executor,
  filing: Pick<Filing, "id" | "formNumber">,
  user: Actor,
  changes: AnswerChange[],
  ip: string | null,
): Promise<SaveAnswersResponse> {
  const rejected = validateChanges(await loadQuestionnaire(db, FORM_DEFINITIONS[filing.formNumber]), changes);
  if (rejected.length) throw new ServiceError(400, refusal("valuesRefused"), rejected);
  return inTransaction(db, async (tx) => {
    const f = await current(tx, filing.id);
    assertEditable(f);
    const result = await saveAnswers(tx, f.responseId, user.id, changes);
    await recordAudit(tx, { action: "report.save", object: `${label(f)} (${result.saved.length} cells)`, user }, ip);
    return result;
  });
}

/** Submits a draft or returned report whose figures pass the rules' blocking checks (422 lists
 *  what blocks it). */
export async function submitFiling(db: Executor, filing: Pick<Filing, "id">, user: Actor, ip: string | null): Promise<{ ok: true; daysLate: number }> {
  return inTransaction(db, async (tx) => {
    const f = await current(tx, filing.id);
    if (f.status === "submitted") throw new ServiceError(409, refusal("reportSubmitted"));
    const index = await loadQuestionnaire(tx, FORM_DEFINITIONS[f.formNumber]);
    const answers = await loadAnswers(tx, f.responseId);
    const issues = evaluateAll(index.questionnaire, (k) => answers.get(k)?.answer, { submit: true }).filter(blocksSubmission);
    if (issues.length) {
      throw new ServiceError(
        422,
        refusal("itemsToFix", { count: issues.length }),
        issues.map((i) => ({ question: i.question, cell: i.cell, code: i.code, severity: i.severity, params: i.params })),
      );
    }
    const daysLate = Math.max(0, daysBetween(f.due, today()));
    await tx
      .update(reportFilings)
      .set({ status: "submitted", submittedAt: new Date().toISOString(), daysLate, returnComment: null })
      .where(eq(reportFilings.id, f.id));
    await recordAudit(tx, { action: "report.submit", object: label(f), user }, ip);
    return { ok: true as const, daysLate };
  });
}

/** Returns a submitted report to its body with the Committee's comment. */
export async function returnFiling(db: Executor, filing: Pick<Filing, "id">, comment: string, user: Actor, ip: string | null): Promise<{ ok: true }> {
  return inTransaction(db, async (tx) => {
    const f = await current(tx, filing.id);
    if (f.status !== "submitted") throw new ServiceError(409, refusal("onlySubmittedReturned"));
    await tx.update(reportFilings).set({ status: "returned", returnComment: comment, daysLate: null, submittedAt: null }).where(eq(reportFilings.id, f.id));
    await recordAudit(tx, { action: "report.return", object: label(f), user }, ip);
    return { ok: true as const };
  });
}

/** The states a compliance row can be in (the dashboard's and the CSV's state filter). */
export const COMPLIANCE_STATES = ["on_time", "late", "overdue", "missing", "draft", "not_due"] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];
export type ComplianceRow = {
  period: string;
  bodyId: number;
  body: string;
  region: string;
  form: number;
  code: string | null;
  due: string;
  state: ComplianceState;
  daysLate: number | null;
  filingId: number | null;
  submittedAt: string | null;
  /** The Committee's placement term of the consolidated report, and whether the body's region was placed by it. */
  placementDue: string;
  placement: PlacementState;
  placedOn: string | null;
};

/** Whether a scope's list includes a body's reports (agrees with decide() on "reportingBody"). */
const inScope = (scope: Scope, bodyId: number) => scope.bodyId === "all" || scope.bodyId === bodyId;

/**
 * Period × body × form, for the forms filled in the app and the bodies in `scope`: on time; late
 * (by N days); overdue now (due date passed, nothing submitted); missing (not filed, not yet due);
 * a draft or returned one.
 */
export async function compliance(
  db: Executor,
  scope: Scope,
  filter: { from: IsoDate; to: IsoDate; bodyId?: number; form?: number; region?: string },
): Promise<ComplianceRow[]> {
  if (compareDates(filter.from, filter.to) > 0) throw new ServiceError(400, `The range ends (${filter.to}) before it starts (${filter.from}).`);
  const adjustments = await loadAdjustments(db);
  const daysBefore = await filingDaysBefore(db);
  const placed = await placementsByArea(db);
  const now = today();
  const bodies = (await db.select().from(reportingBodies)).filter(
    (b) => inScope(scope, b.id) && (!filter.bodyId || b.id === filter.bodyId) && (!filter.region || b.regionCode === filter.region),
  );
  const forms = REPORT_FORMS.filter((f) => FORM_DEFINITIONS[f.number] && (!filter.form || f.number === filter.form));
  const filings = new Map((await db.select().from(reportFilings)).map((f) => [`${f.formNumber}|${f.bodyId}|${f.period}`, f]));
  const rows: ComplianceRow[] = [];
  for (const form of forms) {
    for (const p of periodsBetween(filter.from, filter.to, form.periodicity as Periodicity)) {
      if (compareDates(periodEnd(p), filter.to) > 0) continue; // only periods that have ended
      const period = formatPeriod(p);
      const due = formTerms(form, period, adjustments, daysBefore(form.number));
      if (!due.ok) continue;
      for (const body of bodies) {
        const placement = placed.get(`${form.number}|${period}|${body.regionCode}`);
        const f = filings.get(`${form.number}|${body.id}|${period}`);
        let state: ComplianceState;
        if (f?.status === "submitted") state = (f.daysLate ?? 0) > 0 ? "late" : "on_time";
        else if (compareDates(now, due.value.filingDue) > 0) state = "overdue";
        else state = f ? "draft" : "missing";
        rows.push({
          period,
          bodyId: body.id,
          body: body.name,
          region: body.regionCode,
          form: form.number,
          code: form.code,
          due: due.value.filingDue,
          state,
          daysLate: f?.status === "submitted" ? f.daysLate : state === "overdue" ? daysBetween(due.value.filingDue, now) : null,
          filingId: f?.id ?? null,
          submittedAt: f?.submittedAt ?? null,
          placementDue: due.value.due,
          placement: placement
            ? placement.daysLate > 0
              ? "placed_late"
              : "placed_on_time"
            : compareDates(now, due.value.due) > 0
              ? "placement_overdue"
              : "not_placed",
          placedOn: placement?.placedOn ?? null,
        });
      }
    }
  }
  return rows.sort((a, b) => b.period.localeCompare(a.period) || a.body.localeCompare(b.body));
}

/** A reporter's deadlines: the forms their body files, for the last three months' periods, and
 *  every earlier period whose report is overdue (not submitted by the filing deadline) or returned,
 *  back to the body's first report (or a year when it has none). Oldest first. */
export async function upcomingDeadlines(db: Executor, bodyId: number) {
  const adjustments = await loadAdjustments(db);
  const daysBefore = await filingDaysBefore(db);
  const now = today();
  const recent = addMonths(now, -3);
  const filings = await db.select().from(reportFilings).where(eq(reportFilings.bodyId, bodyId));
  return REPORT_FORMS.filter((f) => FORM_DEFINITIONS[f.number]).flatMap((form) => {
    const own = filings.filter((f) => f.formNumber === form.number);
    const first = own.reduce((min, f) => (f.period < min ? f.period : min), addMonths(now, -12).slice(0, 7));
    const from = /^\d{4}-\d{2}$/.test(first) ? `${first}-01` : addMonths(now, -12);
    return periodsBetween(from, now, form.periodicity as Periodicity)
      .map((p) => {
        const period = formatPeriod(p);
        const due = formTerms(form, period, adjustments, daysBefore(form.number));
        const filing = own.find((f) => f.period === period) ?? null;
        if (!due.ok) return null;
        const overdue = !filing?.submittedAt && compareDates(now, due.value.filingDue) > 0;
        const current = compareDates(periodEnd(p), recent) >= 0;
        if (!current && !overdue && filing?.status !== "returned") return null;
        return { form: form.number, code: form.code, title: form.title, period, due: due.value.filingDue, placementDue: due.value.due, filing, overdue };
      })
      .filter((x): x is NonNullable<typeof x> => !!x);
  });
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

export async function filingsOfBody(db: Executor, bodyId: number) {
  return (await db.select().from(reportFilings).where(eq(reportFilings.bodyId, bodyId))).sort((a, b) => b.period.localeCompare(a.period));
}
