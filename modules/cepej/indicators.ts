// The CEPEJ derived indicators of one reply, computed from its stored answers (pure: no I/O).
//   Case flow (Q091, Q094, Q097, Q098, Q099, Q100, every row):
//     clearance rate    = resolved ÷ incoming × 100                    (%, 1 decimal)
//     disposition time  = pending on 31 Dec ÷ resolved × 365          (days, whole)
//   Per 100 000 inhabitants (÷ Q001 × 100 000, 2 decimals):
//     professional judges  046:total:total     non-judge staff  052:total:total
//     public prosecutors   055:total:total     lawyers          146:number_of_lawyers:total
//   Court budget (the IMPLEMENTED budget, 006:total:implemented — what CEPEJ analyses; no fallback
//   to the approved budget, so a missing implemented budget shows "—"):
//     per inhabitant  = budget ÷ Q001                         (€, 2 decimals)
//     as % of GDP     = budget ÷ (Q003 × Q001) × 100          (%, 3 decimals: court budgets are ~0.1 % of GDP)
// An indicator's value is null ("—") when an input is NA, NAP or empty, or its divisor is 0; its
// formula then names the missing input or the zero divisor.
import type { Answer, AnswerReader } from "../questionnaire/answers";
import { formatNumber } from "../questionnaire/numbers";
import ch04 from "./definitions/cepej-2020-2022/ch04.json";

export type IndicatorUnit = "%" | "days" | "per 100 000 inhabitants" | "€";
export type IndicatorKind =
  | "clearanceRate"
  | "dispositionTime"
  | "judgesPer100k"
  | "nonJudgeStaffPer100k"
  | "prosecutorsPer100k"
  | "lawyersPer100k"
  | "courtBudgetPerInhabitant"
  | "courtBudgetPercentGdp";

export type Indicator = {
  id: string;
  kind: IndicatorKind;
  /** English label. */
  label: string;
  /** The question it is shown beside. */
  questionId: string;
  /** The grid row it belongs to (case-flow indicators only). */
  row?: string;
  /** Human-readable computation, with the figures used or the reason it cannot be computed. */
  formula: string;
  unit: IndicatorUnit;
  /** Storage keys of the cells it reads. */
  inputs: string[];
  /** Rounded value; null when an input is missing or a divisor is 0 (shown "—"). */
  value: number | null;
};

/** The case-flow questions whose rows get a clearance rate and a disposition time. */
export const CASE_FLOW_QUESTIONS: Record<string, string> = {
  "091": "First instance, other than criminal law cases",
  "094": "First instance, criminal law cases",
  "097": "Second instance, other than criminal law cases",
  "098": "Second instance, criminal law cases",
  "099": "Highest instance, other than criminal law cases",
  "100": "Highest instance, criminal law cases",
};

export const INHABITANTS = "001";
export const GDP_PER_CAPITA = "003";
export const COURT_BUDGET = "006:total:implemented";
export const JUDGES = "046:total:total";
export const NON_JUDGE_STAFF = "052:total:total";
export const PROSECUTORS = "055:total:total";
export const LAWYERS = "146:number_of_lawyers:total";

// ---------------------------------------------------------------------------------------------
// Case-flow grids, read from the chapter 4 definition (row ids, row labels, flow columns).

type FlowGrid = { id: string; rows: { id: string; label: string }[]; flow: { pendingStart: string; incoming: string; resolved: string; pendingEnd: string } };
type RawPart = { questions?: RawQuestion[]; parts?: RawPart[] };
type RawQuestion = {
  id: string;
  type: string;
  rows?: { id: string; label: { en: string }; emptyColumns?: string[] }[];
  caseFlow?: FlowGrid["flow"];
};

function* rawQuestions(part: RawPart): Generator<RawQuestion> {
  for (const q of part.questions ?? []) yield q;
  for (const p of part.parts ?? []) yield* rawQuestions(p);
}

/** "2.1. General civil … cases, e.g. uncontested …" → "2.1. General civil … cases"; "Total … (1+2+3)" → "Total …". */
export function shortRowLabel(label: string): string {
  return label
    .replace(/\s*\((?:[\d.]+\s*\+\s*)+[\d.]+\)\s*$/, "")
    .replace(/(,\s*e\.g\.|\s+\(including\b).*$/s, "")
    .trim();
}

const FLOW_GRIDS: FlowGrid[] = (() => {
  const byId = new Map<string, RawQuestion>();
  for (const q of rawQuestions(ch04 as unknown as RawPart)) byId.set(q.id, q);
  return Object.keys(CASE_FLOW_QUESTIONS).map((id) => {
    const q = byId.get(id);
    if (!q || q.type !== "grid" || !q.rows || !q.caseFlow) throw new Error(`chapter 4 has no case-flow grid ${id}`);
    const flow = q.caseFlow;
    const cols = [flow.pendingStart, flow.incoming, flow.resolved, flow.pendingEnd];
    const rows = q.rows.filter((r) => !cols.some((c) => r.emptyColumns?.includes(c))).map((r) => ({ id: r.id, label: shortRowLabel(r.label.en) }));
    return { id, rows, flow };
  });
})();

// ---------------------------------------------------------------------------------------------
// One ratio: numerator ÷ (denominator₁ × denominator₂ …) × factor.

type Operand = { key: string; name: string };
type Ratio = {
  id: string;
  kind: IndicatorKind;
  label: string;
  questionId: string;
  row?: string;
  unit: IndicatorUnit;
  decimals: number;
  numerator: Operand;
  denominators: Operand[];
  factor?: number;
};

/** Why an answer gives no figure: "NA", "NAP", "empty" — or null when it holds a number. */
function missingReason(a: Answer | undefined): string | null {
  if (!a) return "empty";
  if (a.status) return a.status;
  if (a.num === null || !Number.isFinite(a.num)) return a.text ? "not a number" : "empty";
  return null;
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function render(r: Ratio, show: (o: Operand) => string): string {
  const den = r.denominators.map(show).join(" × ");
  const wrapped = r.denominators.length > 1 ? `(${den})` : den;
  const factor = r.factor !== undefined ? ` × ${formatNumber(r.factor)}` : "";
  return `${show(r.numerator)} ÷ ${wrapped}${factor}`;
}

function computeRatio(r: Ratio, read: AnswerReader): Indicator {
  const operands = [r.numerator, ...r.denominators];
  const base = {
    id: r.id,
    kind: r.kind,
    label: r.label,
    questionId: r.questionId,
    ...(r.row !== undefined ? { row: r.row } : {}),
    unit: r.unit,
    inputs: operands.map((o) => o.key),
  };
  const symbolic = render(r, (o) => o.name);

  const missing = operands.map((o) => ({ o, why: missingReason(read(o.key)) })).filter((m): m is { o: Operand; why: string } => m.why !== null);
  if (missing.length) {
    const list = missing.map(({ o, why }) => `${o.name} (${o.key}) is ${why}`).join("; ");
    return { ...base, formula: `${symbolic} — not computed: ${list}`, value: null };
  }

  const values = new Map(operands.map((o) => [o.key, read(o.key)!.num as number]));
  const figures = render(r, (o) => formatNumber(values.get(o.key)!));
  const zero = r.denominators.filter((o) => values.get(o.key) === 0);
  if (zero.length) {
    const list = zero.map((o) => `${o.name} (${o.key}) is 0`).join("; ");
    return { ...base, formula: `${symbolic} = ${figures} — division by zero: ${list}`, value: null };
  }

  const divisor = r.denominators.reduce((p, o) => p * values.get(o.key)!, 1);
  const raw = (values.get(r.numerator.key)! / divisor) * (r.factor ?? 1);
  return { ...base, formula: `${symbolic} = ${figures}`, value: roundTo(raw, r.decimals) };
}

// ---------------------------------------------------------------------------------------------

function flowRatios(): Ratio[] {
  const out: Ratio[] = [];
  for (const grid of FLOW_GRIDS) {
    const where = CASE_FLOW_QUESTIONS[grid.id];
    for (const row of grid.rows) {
      const key = (col: string) => `${grid.id}:${row.id}:${col}`;
      const incoming = { key: key(grid.flow.incoming), name: "incoming" };
      const resolved = { key: key(grid.flow.resolved), name: "resolved" };
      const pendingEnd = { key: key(grid.flow.pendingEnd), name: "pending 31 Dec" };
      out.push({
        id: `clearance-rate:${grid.id}:${row.id}`,
        kind: "clearanceRate",
        label: `Clearance rate – ${where} – ${row.label}`,
        questionId: grid.id,
        row: row.id,
        unit: "%",
        decimals: 1,
        numerator: resolved,
        denominators: [incoming],
        factor: 100,
      });
      out.push({
        id: `disposition-time:${grid.id}:${row.id}`,
        kind: "dispositionTime",
        label: `Disposition time – ${where} – ${row.label}`,
        questionId: grid.id,
        row: row.id,
        unit: "days",
        decimals: 0,
        numerator: pendingEnd,
        denominators: [resolved],
        factor: 365,
      });
    }
  }
  return out;
}

const inhabitants: Operand = { key: INHABITANTS, name: "inhabitants" };
const courtBudget: Operand = { key: COURT_BUDGET, name: "implemented court budget" };

const per100k = (kind: IndicatorKind, id: string, label: string, key: string, name: string): Ratio => ({
  id,
  kind,
  label,
  questionId: key.split(":")[0],
  unit: "per 100 000 inhabitants",
  decimals: 2,
  numerator: { key, name },
  denominators: [inhabitants],
  factor: 100_000,
});

const RESOURCE_RATIOS: Ratio[] = [
  per100k("judgesPer100k", "judges-per-100k", "Professional judges per 100 000 inhabitants", JUDGES, "professional judges"),
  per100k("nonJudgeStaffPer100k", "non-judge-staff-per-100k", "Non-judge staff per 100 000 inhabitants", NON_JUDGE_STAFF, "non-judge staff"),
  per100k("prosecutorsPer100k", "prosecutors-per-100k", "Public prosecutors per 100 000 inhabitants", PROSECUTORS, "public prosecutors"),
  per100k("lawyersPer100k", "lawyers-per-100k", "Lawyers per 100 000 inhabitants", LAWYERS, "lawyers"),
  {
    id: "court-budget-per-inhabitant",
    kind: "courtBudgetPerInhabitant",
    label: "Implemented court budget per inhabitant",
    questionId: "006",
    unit: "€",
    decimals: 2,
    numerator: courtBudget,
    denominators: [inhabitants],
  },
  {
    id: "court-budget-percent-gdp",
    kind: "courtBudgetPercentGdp",
    label: "Implemented court budget as % of GDP",
    questionId: "006",
    unit: "%",
    decimals: 3,
    numerator: courtBudget,
    denominators: [{ key: GDP_PER_CAPITA, name: "GDP per capita" }, inhabitants],
    factor: 100,
  },
];

const ALL_RATIOS: Ratio[] = [...RESOURCE_RATIOS, ...flowRatios()];

const RATIOS_BY_QUESTION = new Map<string, Ratio[]>();
for (const r of ALL_RATIOS) RATIOS_BY_QUESTION.set(r.questionId, [...(RATIOS_BY_QUESTION.get(r.questionId) ?? []), r]);

/** Every indicator of a reply, in a stable order: resources and budget, then case flow by question
 *  and row. With `questionId`, only the indicators shown beside that question (same order), without
 *  evaluating the others: the form recomputes them on every keystroke in that question. */
export function computeIndicators(read: AnswerReader, options: { questionId?: string } = {}): Indicator[] {
  const ratios = options.questionId === undefined ? ALL_RATIOS : (RATIOS_BY_QUESTION.get(options.questionId) ?? []);
  return ratios.map((r) => computeRatio(r, read));
}

/** Indicators grouped by the question they are shown beside (a plain object, safe to serialise). */
export function indicatorsByQuestion(list: Indicator[]): Record<string, Indicator[]> {
  const out: Record<string, Indicator[]> = {};
  for (const ind of list) (out[ind.questionId] ??= []).push(ind);
  return out;
}
