// Unrecorded crime ("dark figure"): the household survey's weighted estimates of households that
// were victims of an offence, and of those that reported it to the police, beside the offences the
// bodies registered in form 1-M for the same region and year.
//
// Estimates follow the survey's design (strata = region × settlement, households the primary units
// sampled with replacement within strata, design weights; modules/survey/estimate.ts): for a
// household i of stratum h with weight w_i and y_i = 1 when it was a victim of any offence of the
// mapping (victim_<k> = 1 for some k), the estimated number of victimised households is
//     Ŷ = Σ w_i y_i,      V(Ŷ) = Σ_h n_h / (n_h − 1) · Σ_i (w_i y_i − mean_h(w y))²
// over the completed interviews of the domain's strata (R: svytotal). The same for the households
// that reported (x_i = 1 when reported_<k> = 1 for some k of the mapping). The reporting rate
// R = X̂ / Ŷ is a ratio: linearised variable z_i = w_i (x_i − R y_i) / Ŷ, the same stratified sum
// of squares (R: svyratio). Intervals: estimate ± 1.96 SE, cut at 0 (and at 1 for a rate).
// A stratum with one completed interview has no within-stratum variance: it contributes 0 and the
// estimate is flagged lowBase, as any estimate on fewer than 30 interviews.
//
// The registered count of 1-M is taken as fixed: the ratios "registered per reporting household"
// and "registered per victimised household" get their interval from the survey total's interval.
// They are not shares: the survey counts households (once, however often they were victims) over
// the 12 months before the interview; 1-M counts offences registered in the calendar year.

export type SurveyHousehold = {
  region: string;
  settlement: string;
  weight: number;
  /** result = 1 */
  completed: boolean;
  /** The answers of section E: victim_<k> and reported_<k> → "1" | "2". */
  answers: Record<string, string | undefined>;
};

export type OffenceMapping = { id: string; surveyOffences: string[]; formLines: string[]; note: string };

export type Estimate = { estimate: number; se: number; ci95: [number, number] };
export type Ratio = { estimate: number | null; ci95: [number | null, number | null] };

export type OffenceComparison = {
  mapping: string;
  surveyOffences: string[];
  formLines: string[];
  /** Completed interviews of the domain. */
  n: number;
  lowBase: boolean;
  /** Σ weights of the completed interviews: the households the estimates are out of. */
  households: number;
  victimised: Estimate;
  /** Victimised households in % of all households. */
  victimisedShare: number;
  reported: Estimate;
  /** Reporting households ÷ victimised households. */
  reportingRate: Estimate | null;
  /** Offences registered in 1-M (null when no report of the year was accepted). */
  registered: number | null;
  /** Registered offences per household that reported. */
  registeredPerReported: Ratio;
  /** Registered offences per victimised household. */
  registeredPerVictimised: Ratio;
};

export const LOW_BASE = 30;
const Z95 = 1.959963984540054;

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f + (x >= 0 ? 1e-9 : -1e-9)) / f || 0;
};

/** Σ_h n_h / (n_h − 1) · Σ_i (z_i − z̄_h)² of values z by stratum (a lone interview contributes 0). */
export function stratifiedVariance(byStratum: Map<string, number[]>): number {
  let v = 0;
  for (const zs of byStratum.values()) {
    const n = zs.length;
    if (n < 2) continue;
    const mean = zs.reduce((a, b) => a + b, 0) / n;
    let ss = 0;
    for (const z of zs) ss += (z - mean) ** 2;
    v += (n / (n - 1)) * ss;
  }
  return Math.max(v, 0);
}

const anyIs = (h: SurveyHousehold, prefix: string, offences: string[]) => offences.some((k) => h.answers[`${prefix}_${k}`] === "1");

const interval = (estimate: number, se: number, max = Infinity): [number, number] => [Math.max(0, estimate - Z95 * se), Math.min(max, estimate + Z95 * se)];

/** The survey side of one mapping over the households of a domain (a region, or all). */
export function surveyEstimates(households: readonly SurveyHousehold[], offences: string[]) {
  const wy = new Map<string, number[]>();
  const wx = new Map<string, number[]>();
  const rows: { stratum: string; w: number; y: number; x: number }[] = [];
  let Y = 0;
  let X = 0;
  let W = 0;
  for (const h of households) {
    if (!h.completed) continue;
    const stratum = `${h.region}\u0000${h.settlement}`;
    const y = anyIs(h, "victim", offences) ? 1 : 0;
    // a report counts only for a household that was a victim (the instrument asks it only then)
    const x = y && anyIs(h, "reported", offences) ? 1 : 0;
    rows.push({ stratum, w: h.weight, y, x });
    Y += h.weight * y;
    X += h.weight * x;
    W += h.weight;
    if (!wy.has(stratum)) {
      wy.set(stratum, []);
      wx.set(stratum, []);
    }
    wy.get(stratum)!.push(h.weight * y);
    wx.get(stratum)!.push(h.weight * x);
  }
  const seY = Math.sqrt(stratifiedVariance(wy));
  const seX = Math.sqrt(stratifiedVariance(wx));
  let rate: Estimate | null = null;
  if (Y > 0) {
    const R = X / Y;
    const z = new Map<string, number[]>();
    for (const r of rows) {
      if (!z.has(r.stratum)) z.set(r.stratum, []);
      z.get(r.stratum)!.push((r.w * (r.x - R * r.y)) / Y);
    }
    const se = Math.sqrt(stratifiedVariance(z));
    rate = { estimate: R, se, ci95: interval(R, se, 1) };
  }
  return {
    n: rows.length,
    households: W,
    victimised: { estimate: Y, se: seY, ci95: interval(Y, seY) } as Estimate,
    reported: { estimate: X, se: seX, ci95: interval(X, seX) } as Estimate,
    reportingRate: rate,
  };
}

/** registered ÷ a survey total, with the interval from the total's (registered taken as fixed). */
function perHousehold(registered: number | null, total: Estimate): Ratio {
  if (registered === null || total.estimate <= 0) return { estimate: null, ci95: [null, null] };
  const [lo, hi] = total.ci95;
  return { estimate: registered / total.estimate, ci95: [hi > 0 ? registered / hi : null, lo > 0 ? registered / lo : null] };
}

/** One comparison of a mapping: survey estimates of the households and the 1-M count. */
export function compareOffence(households: readonly SurveyHousehold[], mapping: OffenceMapping, registered: number | null): OffenceComparison {
  const s = surveyEstimates(households, mapping.surveyOffences);
  return {
    mapping: mapping.id,
    surveyOffences: mapping.surveyOffences,
    formLines: mapping.formLines,
    n: s.n,
    lowBase: s.n < LOW_BASE,
    households: s.households,
    victimised: s.victimised,
    victimisedShare: s.households > 0 ? (100 * s.victimised.estimate) / s.households : 0,
    reported: s.reported,
    reportingRate: s.reportingRate,
    registered,
    registeredPerReported: perHousehold(registered, s.reported),
    registeredPerVictimised: perHousehold(registered, s.victimised),
  };
}

/** The same figures rounded for display and the API: households to whole numbers, rates to 4 decimals. */
export function rounded(c: OffenceComparison): OffenceComparison {
  const est = (e: Estimate): Estimate => ({ estimate: round(e.estimate, 0), se: round(e.se, 0), ci95: [round(e.ci95[0], 0), round(e.ci95[1], 0)] });
  const rate = (e: Estimate): Estimate => ({ estimate: round(e.estimate, 4), se: round(e.se, 4), ci95: [round(e.ci95[0], 4), round(e.ci95[1], 4)] });
  const ratio = (r: Ratio): Ratio => ({
    estimate: r.estimate === null ? null : round(r.estimate, 4),
    ci95: [r.ci95[0] === null ? null : round(r.ci95[0], 4), r.ci95[1] === null ? null : round(r.ci95[1], 4)],
  });
  return {
    ...c,
    households: round(c.households, 0),
    victimised: est(c.victimised),
    victimisedShare: round(c.victimisedShare, 2),
    reported: est(c.reported),
    reportingRate: c.reportingRate && rate(c.reportingRate),
    registeredPerReported: ratio(c.registeredPerReported),
    registeredPerVictimised: ratio(c.registeredPerVictimised),
  };
}

export type RegionComparison = { region: string; offences: OffenceComparison[] };

/**
 * Every mapping by region and for the country: `registered(region, lines)` gives the 1-M count of
 * the lines in a region (region null: the country), null when nothing was accepted.
 */
export function unrecordedCrime(
  households: readonly SurveyHousehold[],
  mappings: readonly OffenceMapping[],
  regions: readonly string[],
  registered: (region: string | null, lines: string[]) => number | null,
): { national: OffenceComparison[]; regions: RegionComparison[] } {
  const byRegion = new Map<string, SurveyHousehold[]>();
  for (const h of households) {
    if (!byRegion.has(h.region)) byRegion.set(h.region, []);
    byRegion.get(h.region)!.push(h);
  }
  return {
    national: mappings.map((m) => rounded(compareOffence(households, m, registered(null, m.formLines)))),
    regions: regions.map((region) => ({
      region,
      offences: mappings.map((m) => rounded(compareOffence(byRegion.get(region) ?? [], m, registered(region, m.formLines)))),
    })),
  };
}

/** What the comparison cannot say, in the API's English (the page shows them from the catalogues). */
export const CAVEATS = {
  householdsVsOffences:
    "The survey counts households that were victims at least once (and reported at least once); form 1-M counts offences. A household victimised twice counts once in the survey and twice in 1-M, so the ratios are not shares and may exceed 1.",
  recallVsCalendar:
    "The survey asks about the 12 months before the interview (fieldwork in October–November of the wave's year); form 1-M counts offences registered from January to December of the year. The periods overlap for about ten months.",
  scope:
    "The survey covers private households (one respondent aged 15–80 answering for the household); 1-M also counts offences against businesses, the state and people outside private households.",
  mapping:
    "Each comparison depends on the mapping of survey offences to 1-M lines (see its note): a survey offence and a Criminal Code article do not coincide exactly.",
} as const;
