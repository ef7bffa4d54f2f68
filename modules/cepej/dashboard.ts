// The CEPEJ dashboard's figures (pure: no I/O): the key derived indicators (modules/cepej/indicators.ts)
// of several replies of several cycles, each figure with why it is missing (NA, NAP, not retained
// for publication, not answered) and the correspondent's comment on the question it comes from.
import type { AnswerReader } from "@/modules/questionnaire/answers";
import { commentKey } from "@/modules/questionnaire/cells";
import { CASE_FLOW_QUESTIONS, computeIndicators, type Indicator, type IndicatorUnit } from "./indicators";

/** The indicators the dashboard compares: resources and budget, and each case-flow question's total row. */
export const DASHBOARD_INDICATORS: string[] = [
  "judges-per-100k",
  "non-judge-staff-per-100k",
  "prosecutors-per-100k",
  "lawyers-per-100k",
  "court-budget-per-inhabitant",
  "court-budget-percent-gdp",
  ...Object.keys(CASE_FLOW_QUESTIONS).flatMap((q) => [`clearance-rate:${q}:total`, `disposition-time:${q}:total`]),
];

/** Why a figure is missing: an input NA or NAP, withheld from publication, or not answered (or 0 as a divisor). */
export type Missing = "NA" | "NAP" | "notRetained" | "empty";
export type Figure = { value: number | null; missing: Missing | null; comment: string; formula: string };

export type DashboardReply = {
  cycle: string;
  country: string;
  read: AnswerReader;
  /** Cells marked "not retained for publication": read as missing. */
  withheld: ReadonlySet<string>;
};
export type DashboardIndicator = {
  id: string;
  label: string;
  unit: IndicatorUnit;
  questionId: string;
  /** By country, then cycle. */
  figures: Record<string, Record<string, Figure>>;
};

function missingOf(i: Indicator, read: AnswerReader, withheld: ReadonlySet<string>): Missing | null {
  if (i.value !== null) return null;
  const inputs = i.inputs.map((k) => ({ k, a: read(k) }));
  if (inputs.some(({ a }) => a?.status === "NAP")) return "NAP";
  if (inputs.some(({ a }) => a?.status === "NA")) return "NA";
  if (inputs.some(({ k }) => withheld.has(k))) return "notRetained";
  return "empty";
}

/** The dashboard's indicators over `replies`, in DASHBOARD_INDICATORS order. */
export function dashboardIndicators(replies: readonly DashboardReply[], ids: readonly string[] = DASHBOARD_INDICATORS): DashboardIndicator[] {
  const out = new Map<string, DashboardIndicator>();
  const wanted = new Set(ids);
  for (const r of replies) {
    // withheld values are left out of the computation, as in open data; their status stays readable
    const visible: AnswerReader = (k) => (r.withheld.has(k) ? undefined : r.read(k));
    for (const i of computeIndicators(visible)) {
      if (!wanted.has(i.id)) continue;
      let d = out.get(i.id);
      if (!d) out.set(i.id, (d = { id: i.id, label: i.label, unit: i.unit, questionId: i.questionId, figures: {} }));
      const comment = r.withheld.has(commentKey(i.questionId)) ? "" : (r.read(commentKey(i.questionId))?.text ?? "");
      (d.figures[r.country] ??= {})[r.cycle] = { value: i.value, missing: missingOf(i, visible, r.withheld), comment, formula: i.formula };
    }
  }
  return ids.flatMap((id) => (out.has(id) ? [out.get(id)!] : []));
}
