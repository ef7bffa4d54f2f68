// The Committee's placement of consolidated reports (Instruction, paragraph 14 and Appendix 2):
// the accepted reports of a period are summed by region and for the country and placed; the
// placement is on time when made by the form's placement term. Open data publishes placements only.
import "server-only";
import { and, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { all } from "@/db/sql";
import { reportFilings, reportPlacements, reportingBodies, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { compareDates, type IsoDate } from "../../../lib/dates/dates";
import { legalToday } from "../calendar";
import { formTerms } from "../deadlines";
import { findForm } from "../forms";
import { formatPeriod, parsePeriod, periodEnd, periodsBetween, type Periodicity } from "../periods";
import { consolidate, COUNTRY_AREA, type ConsolidationRow } from "../placements";
import { CONSOLIDATE_PERIOD } from "./reporting.sql";
import { filingDaysBefore, loadAdjustments } from "./calendar";
import { FORM_DEFINITIONS, type Actor } from "./filings";

const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Consolidates the accepted reports of a form's period and places them, in one transaction with
 *  its audit row. 409 when already placed or when no report was accepted; 400 for a period that
 *  has not ended or does not fit the form. */
export async function placePeriod(db: Executor, input: { form: number; period: string }, user: Actor, ip: string | null) {
  const form = findForm(input.form);
  if (!form || !FORM_DEFINITIONS[form.number]) throw new ServiceError(400, `Form ${input.form} is not filed in the app.`);
  return inTransaction(db, async (tx) => {
    const adjustments = await loadAdjustments(tx);
    const terms = formTerms(form, input.period, adjustments, (await filingDaysBefore(tx))(form.number));
    if (!terms.ok) throw new ServiceError(400, terms.reason);
    const { period, due } = terms.value;
    const today = legalToday();
    const parsed = parsePeriod(period);
    if (parsed.ok && compareDates(periodEnd(parsed.period), today) >= 0) throw new ServiceError(400, `The period ${period} has not ended.`);
    const [placed] = await tx
      .select({ placedOn: reportPlacements.placedOn })
      .from(reportPlacements)
      .where(and(eq(reportPlacements.formNumber, form.number), eq(reportPlacements.period, period)))
      .limit(1);
    if (placed) throw new ServiceError(409, `Form ${form.number} for ${period} was already placed on ${placed.placedOn}.`);
    const rows = await all<ConsolidationRow>(tx, CONSOLIDATE_PERIOD, form.number, period);
    if (!rows.length) throw new ServiceError(409, `No accepted report of form ${form.number} for ${period}: nothing to place.`);
    const areas = consolidate(rows);
    const daysLate = Math.max(0, daysBetween(due, today));
    const placedAt = new Date().toISOString();
    for (const a of areas)
      await tx.insert(reportPlacements).values({
        formNumber: form.number,
        period,
        area: a.area,
        reports: a.reports,
        figures: JSON.stringify(a.figures),
        due,
        placedOn: today,
        placedAt,
        daysLate,
        placedBy: user.id,
      });
    const country = areas[areas.length - 1];
    await recordAudit(
      tx,
      { action: "report.place", object: `form ${form.number} ${period}: ${areas.length - 1} regions, ${country.reports} reports, ${daysLate} days late`, user },
      ip,
    );
    return { period, reports: country.reports, regions: areas.length - 1, daysLate };
  });
}

export type PlacementState = "placed_on_time" | "placed_late" | "not_placed" | "placement_overdue";

export type PlacementRow = {
  form: number;
  period: string;
  filingDue: IsoDate;
  due: IsoDate;
  accepted: number;
  bodies: number;
  state: PlacementState;
  placedOn: IsoDate | null;
  placedBy: string | null;
  daysLate: number | null;
  total: number | null;
};

/** The periods of the forms filed in the app that ended within from–to, newest first: accepted
 *  reports, the placement term, and whether and when the period was placed. */
export async function placementOverview(db: Executor, filter: { from: IsoDate; to: IsoDate; form?: number }): Promise<PlacementRow[]> {
  const adjustments = await loadAdjustments(db);
  const daysBefore = await filingDaysBefore(db);
  const today = legalToday();
  const bodies = (await db.select({ id: reportingBodies.id }).from(reportingBodies)).length;
  const accepted = new Map<string, number>();
  for (const f of await db
    .select({ form: reportFilings.formNumber, period: reportFilings.period })
    .from(reportFilings)
    .where(eq(reportFilings.status, "submitted")))
    accepted.set(`${f.form}|${f.period}`, (accepted.get(`${f.form}|${f.period}`) ?? 0) + 1);
  const placements = new Map(
    (
      await db
        .select({ p: reportPlacements, by: users.name })
        .from(reportPlacements)
        .leftJoin(users, eq(users.id, reportPlacements.placedBy))
        .where(eq(reportPlacements.area, COUNTRY_AREA))
    ).map((r) => [`${r.p.formNumber}|${r.p.period}`, r]),
  );
  const rows: PlacementRow[] = [];
  for (const number of Object.keys(FORM_DEFINITIONS).map(Number)) {
    const form = findForm(number)!;
    if (filter.form && filter.form !== number) continue;
    for (const p of periodsBetween(filter.from, filter.to, form.periodicity as Periodicity)) {
      if (compareDates(periodEnd(p), today) >= 0) continue;
      const period = formatPeriod(p);
      const terms = formTerms(form, period, adjustments, daysBefore(number));
      if (!terms.ok) continue;
      const placed = placements.get(`${number}|${period}`);
      const total = placed ? (JSON.parse(placed.p.figures) as Record<string, number>)["q1:total:period"] : undefined;
      rows.push({
        form: number,
        period,
        filingDue: terms.value.filingDue,
        due: terms.value.due,
        accepted: accepted.get(`${number}|${period}`) ?? 0,
        bodies,
        state: placed
          ? placed.p.daysLate > 0
            ? "placed_late"
            : "placed_on_time"
          : compareDates(today, terms.value.due) > 0
            ? "placement_overdue"
            : "not_placed",
        placedOn: placed?.p.placedOn ?? null,
        placedBy: placed?.by ?? null,
        daysLate: placed ? placed.p.daysLate : compareDates(today, terms.value.due) > 0 ? daysBetween(terms.value.due, today) : null,
        total: total ?? null,
      });
    }
  }
  return rows.sort((a, b) => b.period.localeCompare(a.period) || a.form - b.form);
}

/** Placement of each form and period in an area (a region, or the country), for compliance. */
export async function placementsByArea(db: Executor): Promise<Map<string, { placedOn: string; daysLate: number }>> {
  return new Map(
    (await db.select().from(reportPlacements)).map((p) => [`${p.formNumber}|${p.period}|${p.area}`, { placedOn: p.placedOn, daysLate: p.daysLate }]),
  );
}
