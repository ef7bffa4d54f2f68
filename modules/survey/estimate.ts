// Weighted estimates of the household survey (form UDN) over completed interviews (result = 1),
// with design weights: the share of a code = Σ weights of interviews with that answer ÷ Σ weights
// of interviews that answered the question. Multiple-answer questions (unsafe_reasons …) give the
// share of respondents who named each code, so their shares add up to more than 100.
//
// Every estimate is one pass over the interviews into flat accumulators (no per-group re-scans).
//
// Precision: every share comes with its standard error, 95 % confidence interval and design effect
// for the design of the spec (strata = region × settlement, households the primary units, sampled
// with replacement within strata, design weights): the Taylor linearisation that R gives with
// svydesign(ids = ~1, strata = ~stratum, weights = ~weight) and svymean(~factor(x), …, na.rm = TRUE),
// and svyby / subset for a breakdown (domain estimation: the design is all completed interviews).
//
// A share p = A / W with A = Σ w·y (y = 1 if the interview gave the code), W = Σ w over the interviews
// of the domain that answered (a_i = 1; a_i = 0 for the others of the design). Its linearised
// variable is z_i = a_i w_i (y_i − p) / W, and
//     V(p) = Σ_h n_h / (n_h − 1) · Σ_i (z_hi − z̄_h)²     (n_h: completed interviews in stratum h)
//          = Σ_h n_h / (n_h − 1) · (Σ_i z_hi² − (Σ_i z_hi)² / n_h).
// With y² = y and a² = a, per stratum, using W_h = Σ a w, A_h = Σ a w y, Q_h = Σ a w², B_h = Σ a w² y:
//     Σ_i z_hi  = (A_h − p W_h) / W
//     Σ_i z_hi² = Σ a w² (y − 2py + p²) / W² = (B_h (1 − 2p) + p² Q_h) / W²
// so four sums per stratum, domain and code (and n_h per stratum) give the variance exactly, whatever
// the number of interviews: the tallies keep Σ w (weight) and Σ w² (weight2) per code and per stratum
// (region and settlement are dimensions of every tally row), and n_h is the count of variable "result".
// Out-of-domain and unanswered interviews count in n_h with z = 0, as in R's domain estimation.
// A stratum with a single completed interview (n_h = 1: a wave in its first days) has no within-
// stratum variance; as R with options(survey.lonely.psu = "adjust") it contributes z_h² (centred
// at the mean of the linearised variable over the whole sample, which is 0) instead of failing as
// R's default does.
// Design effect: V(p) ÷ the variance of p under simple random sampling with replacement of the same
// n answering interviews, p (1 − p) / (n − 1) (R: svymean(…, deff = "replace")); null where p is 0
// or 1 or n < 2. Interval: p ± 1.96 SE (R's confint), cut to [0, 100].
import {
  AGE_GROUPS,
  CRIME_TREND,
  EDUCATION,
  EMPLOYMENT,
  KEY_INDICATORS,
  MULTI_VARIABLES,
  OFFENCES,
  REGION_CODES,
  REPORTED,
  RESULT,
  SAFETY,
  SETTLEMENT,
  SEX,
  TRUST,
  TRUST_BODIES,
  YES_NO,
  ageGroupOf,
  type ValueLabels,
} from "./codes";
import { ANSWERED, TALLY_MULTI, type Tally, type TallyVariable } from "./server/tallies";

type TrustCode = (typeof TRUST_BODIES)[number]["code"];
type OffenceCode = (typeof OFFENCES)[number]["code"];

/** One interview as a plain record: every variable of the instrument, codes as strings, multis as arrays. */
export type Interview = {
  household_id: string;
  region: string;
  settlement: "1" | "2";
  weight: number;
  result: string;
  interview_date?: string;
  sex?: string;
  age?: number;
  education?: string;
  employment?: string;
  safe_day?: string;
  safe_night?: string;
  unsafe_reasons?: string[];
  unsafe_reasons_other?: string;
  crime_trend?: string;
  distrust_reasons?: string[];
  not_reported_reason?: string[];
} & { [K in TrustCode]?: string } & { [K in `victim_${OffenceCode}`]?: string } & { [K in `reported_${OffenceCode}`]?: string };

/** A variable of the interview, or the derived "ageGroup" (15-24 … 65-80). */
export type Variable = Exclude<keyof Interview, "household_id" | "weight" | "interview_date" | "unsafe_reasons_other"> | "ageGroup";
export type GroupBy = "region" | "settlement" | "sex" | "ageGroup";

/** Percent by code, one decimal. */
export type Shares = Record<string, number>;
/** Standard error and 95 % interval (percentage points, two decimals) and design effect (two decimals), by code. */
export type Precision = { se: Shares; ci95: Record<string, [number, number]>; deff: Record<string, number | null> };
export type GroupDistribution = { n: number; shares: Shares; lowBase: boolean } & Precision;
/** Shares of a key indicator by code plus its unweighted base `n`, and its precision (se, ci95, deff). */
export type IndicatorShares = Record<string, number> & Precision;
export type IndicatorSet = Record<string, IndicatorShares>;
export type KeyIndicators = { overall: IndicatorSet; byRegion: Record<string, IndicatorSet> };

/** Estimates on fewer completed interviews than this are flagged (lowBase). */
export const LOW_BASE = 30;

/** One decimal, half away from zero (tolerant of float noise), never -0. */
export const round1 = (x: number) => Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10 || 0;
/** Two decimals, the same way. */
export const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100 || 0;
/** The normal quantile of a two-sided 95 % interval (R: qnorm(0.975)). */
const Z95 = 1.959963984540054;

const AGE_GROUP_LABELS: ValueLabels = Object.fromEntries(AGE_GROUPS.map((g) => [g.code, g.code]));

/** The value labels of a variable (codes in instrument order), if it has any. */
export function valueLabels(variable: string): ValueLabels | undefined {
  if (variable.startsWith("trust_")) return TRUST;
  if (variable.startsWith("victim_")) return YES_NO;
  if (variable.startsWith("reported_")) return REPORTED;
  if (MULTI_VARIABLES[variable]) return MULTI_VARIABLES[variable];
  switch (variable) {
    case "settlement":
      return SETTLEMENT;
    case "result":
      return RESULT;
    case "sex":
      return SEX;
    case "education":
      return EDUCATION;
    case "employment":
      return EMPLOYMENT;
    case "safe_day":
    case "safe_night":
      return SAFETY;
    case "crime_trend":
      return CRIME_TREND;
    case "age":
    case "ageGroup":
      return AGE_GROUP_LABELS;
    case "region":
      return Object.fromEntries(REGION_CODES.map((c) => [c, c]));
    default:
      return undefined;
  }
}

// ages 0…80 → age group code (array lookup instead of a search per interview)
const AGE_GROUP_OF: (string | null)[] = Array.from({ length: 81 }, (_, a) => ageGroupOf(a));
const ageGroupValue = (it: Interview): string | undefined => {
  const a = it.age;
  return typeof a === "number" && Number.isInteger(a) && a >= 0 && a <= 80 ? (AGE_GROUP_OF[a] ?? undefined) : undefined;
};

function groupKeyFn(by: GroupBy): (it: Interview) => string | undefined {
  switch (by) {
    case "region":
      return (it) => it.region;
    case "settlement":
      return (it) => it.settlement;
    case "sex":
      return (it) => it.sex;
    case "ageGroup":
      return ageGroupValue;
  }
}
const GROUPS: Record<GroupBy, () => string[]> = {
  region: () => [...REGION_CODES],
  settlement: () => Object.keys(SETTLEMENT),
  sex: () => Object.keys(SEX),
  ageGroup: () => AGE_GROUPS.map((g) => g.code),
};

/**
 * Weighted sums of one variable in flat typed arrays: w[g * stride + c] (group g, code c), the
 * answered weight total[g] and the unweighted count n[g]. One-character codes ("1" … "9") are
 * looked up in a char-code table, others in a Map; unknown codes and groups are added on the fly.
 */
type VarAcc = {
  variable: string;
  multi: boolean;
  age: boolean;
  codes: string[];
  index: Map<string, number>;
  fast: Int16Array;
  stride: number;
  w: Float64Array;
  total: Float64Array;
  n: Int32Array;
  /** The sums the standard errors need: by group, then by stratum (see the header). */
  cells: Map<number, Map<number, Cell>>;
};
/** Of one group, stratum and variable: W = Σ w and Q = Σ w² over the interviews that answered, and
 *  by code index A[c] = Σ w and B[c] = Σ w² over those that gave the code. */
type Cell = { W: number; Q: number; A: number[]; B: number[] };
/** The strata (region × settlement) met, by index, with their completed interviews n. */
type Strata = { index: Map<string, number>; keys: string[]; n: number[] };
type Acc = { groups: string[]; vars: VarAcc[]; strata: Strata };

const newStrata = (): Strata => ({ index: new Map(), keys: [], n: [] });
function stratumOf(st: Strata, region: string, settlement: string): number {
  const key = `${region}\u0000${settlement}`;
  let s = st.index.get(key);
  if (s === undefined) {
    s = st.keys.length;
    st.index.set(key, s);
    st.keys.push(key);
    st.n.push(0);
  }
  return s;
}
function cellOf(v: VarAcc, g: number, s: number): Cell {
  let byStratum = v.cells.get(g);
  if (!byStratum) v.cells.set(g, (byStratum = new Map()));
  let c = byStratum.get(s);
  if (!c) byStratum.set(s, (c = { W: 0, Q: 0, A: [], B: [] }));
  return c;
}
const addAt = (xs: number[], i: number, x: number) => {
  xs[i] = (xs[i] ?? 0) + x;
};

function newVarAcc(variable: string, groups: number): VarAcc {
  const codes = Object.keys(valueLabels(variable) ?? {});
  const stride = codes.length + 4;
  const v: VarAcc = {
    variable,
    multi: Object.hasOwn(MULTI_VARIABLES, variable),
    age: variable === "age" || variable === "ageGroup",
    codes: [],
    index: new Map(),
    fast: new Int16Array(128).fill(-1),
    stride,
    w: new Float64Array(groups * stride),
    total: new Float64Array(groups),
    n: new Int32Array(groups),
    cells: new Map(),
  };
  for (const c of codes) addCode(v, c, groups);
  return v;
}

function addCode(v: VarAcc, code: string, groups: number): number {
  const ci = v.codes.length;
  if (ci >= v.stride) {
    // widen every group's row
    const stride = v.stride * 2;
    const w = new Float64Array(Math.max(groups, v.total.length) * stride);
    for (let g = 0; g < v.total.length; g++) w.set(v.w.subarray(g * v.stride, (g + 1) * v.stride), g * stride);
    v.w = w;
    v.stride = stride;
  }
  v.codes.push(code);
  v.index.set(code, ci);
  if (code.length === 1 && code.charCodeAt(0) < 128) v.fast[code.charCodeAt(0)] = ci;
  return ci;
}

function growGroups(v: VarAcc, groups: number) {
  if (groups <= v.total.length) return;
  const cap = Math.max(groups, v.total.length * 2);
  const w = new Float64Array(cap * v.stride);
  w.set(v.w);
  v.w = w;
  const total = new Float64Array(cap);
  total.set(v.total);
  v.total = total;
  const n = new Int32Array(cap);
  n.set(v.n);
  v.n = n;
}

const codeIndex = (v: VarAcc, code: string, groups: number): number => {
  if (code.length === 1) {
    const cc = code.charCodeAt(0);
    if (cc < 128) {
      const ci = v.fast[cc];
      if (ci >= 0) return ci;
    }
  }
  const ci = v.index.get(code);
  return ci === undefined ? addCode(v, code, groups) : ci;
};

/**
 * One pass over `interviews`: for each completed interview with a group, adds its weight to the
 * answered code of every variable.
 */
/** Group positions: the known groups first, then others in the order they appear (every
 *  accumulator grows to hold them). */
function groupIndex(knownGroups: string[], vars: VarAcc[]) {
  const groups = [...knownGroups];
  const positions = new Map(groups.map((g, i) => [g, i] as const));
  const indexOf = (key: string) => {
    let gi = positions.get(key);
    if (gi === undefined) {
      gi = groups.length;
      groups.push(key);
      positions.set(key, gi);
      for (const v of vars) growGroups(v, groups.length);
    }
    return gi;
  };
  return { groups, indexOf };
}

function accumulate(
  interviews: readonly Interview[],
  variables: readonly string[],
  knownGroups: string[],
  groupOf: ((it: Interview) => string | undefined) | null,
): Acc {
  const vars = variables.map((variable) => newVarAcc(variable, knownGroups.length));
  const { groups, indexOf } = groupIndex(knownGroups, vars);
  const strata = newStrata();
  const nv = vars.length;
  for (let i = 0, len = interviews.length; i < len; i++) {
    const it = interviews[i];
    if (it.result !== "1") continue;
    const st = stratumOf(strata, it.region, it.settlement);
    strata.n[st]++; // in the design whatever its group
    let g = 0;
    if (groupOf) {
      const key = groupOf(it);
      if (key === undefined || key === null || key === "") continue;
      g = indexOf(key);
    }
    const wt = it.weight;
    const wt2 = wt * wt;
    for (let j = 0; j < nv; j++) {
      const v = vars[j];
      const value: unknown = v.age ? ageGroupValue(it) : (it as Record<string, unknown>)[v.variable];
      if (value === undefined || value === null || value === "") continue;
      const cell = cellOf(v, g, st);
      if (v.multi) {
        if (!Array.isArray(value) || value.length === 0) continue;
        for (let k = 0; k < value.length; k++) {
          if (k > 0 && value.indexOf(value[k]) < k) continue; // a code named twice counts once
          const ci = codeIndex(v, String(value[k]), groups.length);
          v.w[g * v.stride + ci] += wt;
          addAt(cell.A, ci, wt);
          addAt(cell.B, ci, wt2);
        }
      } else {
        const ci = codeIndex(v, typeof value === "string" ? value : String(value), groups.length);
        v.w[g * v.stride + ci] += wt;
        addAt(cell.A, ci, wt);
        addAt(cell.B, ci, wt2);
      }
      v.total[g] += wt;
      v.n[g]++;
      cell.W += wt;
      cell.Q += wt2;
    }
  }
  return { groups, vars, strata };
}

/** Group keys of tally rows ("" = not answered: the row is in no group). */
const TALLY_GROUP: Record<GroupBy, (t: Tally) => string> = {
  region: (t) => t.region,
  settlement: (t) => t.settlement,
  sex: (t) => t.sex,
  ageGroup: (t) => t.ageGroup,
};
const TALLY_MULTI_SET = new Set<string>(TALLY_MULTI);

/**
 * The same accumulators as accumulate(), from tally rows (modules/survey/server/tallies.ts) instead of
 * interviews: a row adds its weight to its code and, for a single-answer variable, to the answered
 * total and its count to n; a multiple-answer variable's total and n come from its "" row. A group
 * is known as soon as any row (variable "result" counts every completed interview) names it, as
 * accumulate() knows the group of every completed interview. Groups and codes not in the
 * classification come after the known ones in the order of the rows (accumulate(): of the interviews).
 */
function accumulateTallies(tallies: readonly Tally[], variables: readonly TallyVariable[], knownGroups: string[], groupOf: ((t: Tally) => string) | null): Acc {
  const vars = variables.map((variable) => newVarAcc(variable, knownGroups.length));
  const { groups, indexOf } = groupIndex(knownGroups, vars);
  const vIndex = new Map(variables.map((v, i) => [v as string, i] as const));
  const strata = newStrata();
  for (const t of tallies) {
    const st = stratumOf(strata, t.region, t.settlement);
    if (t.variable === "result") strata.n[st] += t.n; // every completed interview, whatever its group
    let g = 0;
    if (groupOf) {
      const key = groupOf(t);
      if (key === "") continue;
      g = indexOf(key);
    }
    const j = vIndex.get(t.variable);
    if (j === undefined) continue;
    const v = vars[j];
    const cell = cellOf(v, g, st);
    if (TALLY_MULTI_SET.has(t.variable)) {
      if (t.code === ANSWERED) {
        v.total[g] += t.weight;
        v.n[g] += t.n;
        cell.W += t.weight;
        cell.Q += t.weight2;
      } else {
        const ci = codeIndex(v, t.code, groups.length);
        v.w[g * v.stride + ci] += t.weight;
        addAt(cell.A, ci, t.weight);
        addAt(cell.B, ci, t.weight2);
      }
    } else {
      const ci = codeIndex(v, t.code, groups.length);
      v.w[g * v.stride + ci] += t.weight;
      v.total[g] += t.weight;
      v.n[g] += t.n;
      addAt(cell.A, ci, t.weight);
      addAt(cell.B, ci, t.weight2);
      cell.W += t.weight;
      cell.Q += t.weight2;
    }
  }
  return { groups, vars, strata };
}

/** The weighted sums of group g (or of all groups when g is null). */
function sums(v: VarAcc, g: number | null): { w: Float64Array; total: number; n: number } {
  if (g !== null) return { w: v.w.subarray(g * v.stride, g * v.stride + v.codes.length), total: v.total[g], n: v.n[g] };
  const w = new Float64Array(v.codes.length);
  let total = 0;
  let n = 0;
  for (let gi = 0; gi < v.total.length; gi++) {
    for (let c = 0; c < w.length; c++) w[c] += v.w[gi * v.stride + c];
    total += v.total[gi];
    n += v.n[gi];
  }
  return { w, total, n };
}

/**
 * Standard error, 95 % interval and design effect of every code's share in group g (every group when
 * null) with `n` answering interviews, from the sums by stratum (formulas in the header). Strata are
 * summed in the order of their keys, so that the interviews and the tallies give the same figures.
 */
function precisionOf(acc: Acc, v: VarAcc, g: number | null, n: number): Precision {
  const byStratum = new Map<number, Cell>();
  for (const [gi, cells] of v.cells) {
    if (g !== null && gi !== g) continue;
    for (const [st, c] of cells) {
      const m = byStratum.get(st);
      if (!m) byStratum.set(st, { W: c.W, Q: c.Q, A: [...c.A], B: [...c.B] });
      else {
        m.W += c.W;
        m.Q += c.Q;
        c.A.forEach((x, i) => addAt(m.A, i, x ?? 0));
        c.B.forEach((x, i) => addAt(m.B, i, x ?? 0));
      }
    }
  }
  const keys = acc.strata.keys;
  const strata = [...byStratum].sort(([a], [b]) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  let W = 0;
  for (const [, c] of strata) W += c.W;
  const out: Precision = { se: {}, ci95: {}, deff: {} };
  for (let ci = 0; ci < v.codes.length; ci++) {
    const code = v.codes[ci];
    let A = 0;
    for (const [, c] of strata) A += c.A[ci] ?? 0;
    const p = W > 0 ? A / W : 0;
    let variance = 0;
    if (W > 0) {
      for (const [st, c] of strata) {
        const sumZ = ((c.A[ci] ?? 0) - p * c.W) / W;
        const sumZ2 = ((c.B[ci] ?? 0) * (1 - 2 * p) + p * p * c.Q) / (W * W);
        const nh = acc.strata.n[st];
        variance += nh > 1 ? (nh / (nh - 1)) * (sumZ2 - (sumZ * sumZ) / nh) : sumZ2;
      }
    }
    variance = Math.max(variance, 0); // float noise of an exact 0
    const se = Math.sqrt(variance);
    out.se[code] = round2(100 * se);
    out.ci95[code] = [round2(Math.max(0, 100 * (p - Z95 * se))), round2(Math.min(100, 100 * (p + Z95 * se)))];
    const srs = n > 1 ? (p * (1 - p)) / (n - 1) : 0;
    out.deff[code] = srs > 0 ? round2(variance / srs) : null;
  }
  return out;
}

function sharesOf(v: VarAcc, s: { w: Float64Array; total: number }): Shares {
  const out: Shares = {};
  for (let c = 0; c < v.codes.length; c++) out[v.codes[c]] = s.total > 0 ? round1((100 * s.w[c]) / s.total) : 0;
  return out;
}

/**
 * The weighted distribution of `variable` over completed interviews, overall (one group "total")
 * or by region / settlement / sex / age group (every group of the classification, even empty).
 * n = completed interviews in the group that answered; lowBase = n < 30.
 */
export function distribution(interviews: readonly Interview[], variable: Variable, options: { by?: GroupBy } = {}): Record<string, GroupDistribution> {
  const by = options.by;
  return distributionOf(accumulate(interviews, [variable], by ? GROUPS[by]() : ["total"], by ? groupKeyFn(by) : null));
}

/** distribution() from the tally rows of a wave (modules/survey/server/tallies.ts). */
export function distributionFromTallies(tallies: readonly Tally[], variable: TallyVariable, options: { by?: GroupBy } = {}): Record<string, GroupDistribution> {
  const by = options.by;
  return distributionOf(accumulateTallies(tallies, [variable], by ? GROUPS[by]() : ["total"], by ? TALLY_GROUP[by] : null));
}

/** distributionFromTallies() of several variables in one pass over the rows: by variable. */
export function distributionsFromTallies(
  tallies: readonly Tally[],
  variables: readonly TallyVariable[],
  options: { by?: GroupBy } = {},
): Record<string, Record<string, GroupDistribution>> {
  const by = options.by;
  const acc = accumulateTallies(tallies, variables, by ? GROUPS[by]() : ["total"], by ? TALLY_GROUP[by] : null);
  return Object.fromEntries(variables.map((variable, j) => [variable, distributionOf(acc, j)]));
}

function distributionOf(acc: Acc, j = 0): Record<string, GroupDistribution> {
  const v = acc.vars[j];
  const out: Record<string, GroupDistribution> = {};
  acc.groups.forEach((g, i) => {
    const s = sums(v, i);
    out[g] = { n: s.n, shares: sharesOf(v, s), lowBase: s.n < LOW_BASE, ...precisionOf(acc, v, i, s.n) };
  });
  return out;
}

/**
 * The release's key indicators (every trust_* body and safe_day) overall and by region, in the
 * API shape {"trust_prosecutor": {"1": 66.2, "2": 26.4, "3": 2.4, "4": 1.8, "8": 0, "9": 3.2, "n": 17102}, …}.
 */
export function keyIndicators(interviews: readonly Interview[]): KeyIndicators {
  return keyIndicatorsOf(accumulate(interviews, KEY_INDICATORS, [...REGION_CODES], (it) => it.region));
}

/** keyIndicators() from the tally rows of a wave (modules/survey/server/tallies.ts). */
export function keyIndicatorsFromTallies(tallies: readonly Tally[]): KeyIndicators {
  return keyIndicatorsOf(accumulateTallies(tallies, KEY_INDICATORS, [...REGION_CODES], TALLY_GROUP.region));
}

/** The shares by code, "n" and the precision in one record (the API shape). */
const indicatorShares = (shares: Shares, n: number, precision: Precision): IndicatorShares => Object.assign({ ...shares, n } as Shares, precision);

function keyIndicatorsOf(acc: Acc): KeyIndicators {
  const overall: IndicatorSet = {};
  const byRegion: Record<string, IndicatorSet> = {};
  for (const g of acc.groups) byRegion[g] = {};
  for (const v of acc.vars) {
    const o = sums(v, null);
    overall[v.variable] = indicatorShares(sharesOf(v, o), o.n, precisionOf(acc, v, null, o.n));
    acc.groups.forEach((g, i) => {
      const s = sums(v, i);
      byRegion[g][v.variable] = indicatorShares(sharesOf(v, s), s.n, precisionOf(acc, v, i, s.n));
    });
  }
  return { overall, byRegion };
}

/** The `k` codes of a multiple-answer variable named by most respondents (weighted), largest first. */
export function topReasons(
  interviews: readonly Interview[],
  variable: "unsafe_reasons" | "distrust_reasons" | "not_reported_reason" = "unsafe_reasons",
  k = 3,
): { code: string; label: string; share: number }[] {
  return topOf(accumulate(interviews, [variable], ["total"], null), variable, k);
}

/** topReasons() from the tally rows of a wave (modules/survey/server/tallies.ts). */
export function topReasonsFromTallies(
  tallies: readonly Tally[],
  variable: (typeof TALLY_MULTI)[number] = "unsafe_reasons",
  k = 3,
): { code: string; label: string; share: number }[] {
  return topOf(accumulateTallies(tallies, [variable], ["total"], null), variable, k);
}

function topOf(acc: Acc, variable: string, k: number): { code: string; label: string; share: number }[] {
  const v = acc.vars[0];
  const labels = valueLabels(variable) ?? {};
  const { w, total } = sums(v, 0);
  return v.codes
    .map((code, c) => ({ code, label: labels[code] ?? code, raw: w[c] }))
    .filter((r) => r.raw > 0)
    .sort((a, b) => b.raw - a.raw || a.code.localeCompare(b.code))
    .slice(0, k)
    .map(({ code, label, raw }) => ({ code, label, share: round1((100 * raw) / total) }));
}

export type ShareTree = { [key: string]: number | ShareTree };

/**
 * The change from the previous wave in percentage points, code by code (current − previous, one
 * decimal; a code missing on one side counts as 0). Works on a flat Shares record and on nested
 * ones (keyIndicators(…).overall, …byRegion); the unweighted base "n" and the precision (se, ci95,
 * deff) are left out.
 */
export function changeFrom(previous: Shares, current: Shares): Shares;
export function changeFrom(previous: ShareTree, current: ShareTree): ShareTree;
export function changeFrom(previous: ShareTree, current: ShareTree): ShareTree {
  const out: ShareTree = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(previous)])) {
    if (key === "n" || key === "se" || key === "ci95" || key === "deff") continue;
    const a = previous[key];
    const b = current[key];
    if (typeof a === "object" || typeof b === "object") {
      if (typeof a === "object" && typeof b === "object") out[key] = changeFrom(a, b);
      continue; // present in one wave only: no change to report
    }
    out[key] = round1((b ?? 0) - (a ?? 0));
  }
  return out;
}
