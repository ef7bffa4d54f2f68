// Synthetic interviews for a sample (demo data, tests, load checks): approved completed interviews
// whose WEIGHTED key indicators reproduce the published shares of a release, plus a few visits
// without an interview (refused, nobody at home …).
//
// Published shares are hit exactly (to one decimal) by allocation, not by independent draws: the
// completed interviews are sorted by a seeded key and codes are handed out in that order until
// their cumulative design weight reaches the code's target share. Keys mix a personal latent
// disposition (so a respondent's answers hang together), region ranks (regional variation), age,
// sex and settlement with seeded noise — the national weighted shares are fixed by construction.
//
// "Never encountered" (8) or "difficult to answer" (9)? The releases word the fifth category per
// body, identically in 2024 and 2025: prosecutor's office, judicial system and fire service —
// "found it difficult to answer" → 9; police, anti-corruption and economic investigation service —
// "never encountered" → 8. The other of the two codes is not used (0.0%).
import { OFFENCES, REGION_CODES, RELEASE_2025, TRUST_BODIES } from "../../modules/survey/codes";
import type { Interview } from "../../modules/survey/estimate";
import { mulberry32, type SampleHousehold, type Seed } from "../../modules/survey/sample";

/** Target shares by variable and code (percent). Multiple-answer variables: percent of respondents asked. */
export type Targets = Record<string, Record<string, number>>;

type TrustCode = (typeof TRUST_BODIES)[number]["code"];

/** The code of the release's fifth category for each body (see the header). */
export const RESIDUAL_CODE: Record<TrustCode, "8" | "9"> = {
  trust_prosecutor: "9",
  trust_police: "8",
  trust_anticorruption: "8",
  trust_econ_investigation: "8",
  trust_courts: "9",
  trust_fire: "9",
};

/** A release table with its "8or9" column resolved to the body's code. */
function fromRelease(release: Record<string, Record<string, number>>): Targets {
  const out: Targets = {};
  for (const [variable, shares] of Object.entries(release)) {
    out[variable] = Object.fromEntries(Object.entries(shares).map(([code, share]) => [code === "8or9" ? RESIDUAL_CODE[variable as TrustCode] : code, share]));
  }
  return out;
}

/** Plausible shares of the questions the releases do not publish (not survey results). */
const UNPUBLISHED = {
  safe_night: { "1": 47.5, "2": 35.5, "3": 12.0, "4": 3.5, "9": 1.5 },
  crime_trend: { "1": 14.5, "2": 52.0, "3": 19.5, "9": 14.0 },
  distrust_reasons: { "1": 34.0, "2": 24.5, "3": 15.0, "4": 22.0, "5": 19.5, "6": 11.0, "7": 13.5, "8": 3.0 },
};

/**
 * The 2024 wave (seed 000): the six bodies and safe_day as published; unsafe_reasons led by the
 * three published reasons (fear of being attacked 23.7, fear of going out alone 21.7, low level of
 * security 20.2 — taken as percent of respondents asked; the other five are plausible fill-ins).
 */
export const TARGETS_2024: Targets = {
  trust_prosecutor: { "1": 66.1, "2": 25, "3": 3, "4": 2.5, "9": 3.4 },
  trust_police: { "1": 64.3, "2": 26.9, "3": 3.9, "4": 3.4, "8": 1.5 },
  trust_anticorruption: { "1": 52.2, "2": 29.8, "3": 4.7, "4": 3.6, "8": 9.7 },
  trust_econ_investigation: { "1": 48.3, "2": 29.9, "3": 4.9, "4": 3.1, "8": 13.8 },
  trust_courts: { "1": 62, "2": 27.1, "3": 3, "4": 2.7, "9": 5.2 },
  trust_fire: { "1": 80.4, "2": 16.8, "3": 0.6, "4": 0.6, "9": 1.6 },
  safe_day: { "1": 64.9, "2": 29, "3": 5.2, "4": 0.7, "9": 0.2 },
  ...UNPUBLISHED,
  unsafe_reasons: { "1": 23.7, "2": 21.7, "3": 20.2, "4": 17.4, "5": 12.6, "6": 14.1, "7": 15.3, "8": 2.5 },
};

/**
 * The 2025 wave (codes.ts RELEASE_2025, seed 001); unsafe_reasons led by insufficient lighting
 * 25.8, health status 19.9 and fear of going out alone 16.6 (published), the rest plausible.
 */
export const TARGETS_2025: Targets = {
  ...fromRelease(RELEASE_2025),
  ...UNPUBLISHED,
  safe_night: { "1": 47.0, "2": 34.5, "3": 12.8, "4": 4.2, "9": 1.5 },
  crime_trend: { "1": 13.0, "2": 53.5, "3": 20.5, "9": 13.0 },
  unsafe_reasons: { "1": 15.2, "2": 16.6, "3": 14.7, "4": 25.8, "5": 19.9, "6": 12.3, "7": 13.1, "8": 2.4 },
};

const REQUIRED = [...TRUST_BODIES.map((b) => b.code), "safe_day", "safe_night", "crime_trend", "unsafe_reasons", "distrust_reasons"];

/** The household a synthetic interview belongs to (a row of generateSample, or of an imported frame). */
export type SampleLike = Pick<SampleHousehold, "household_id" | "region" | "settlement" | "weight"> & { wave?: string };

export type SyntheticOptions = {
  targets: Targets;
  seed?: Seed;
  /** Share of visits without an interview (results 2–5); default 0.045. */
  nonResponse?: number;
};

/**
 * One interview per household of `sample`: completed (result 1, sections B–E with skip logic) or,
 * for about `nonResponse` of them, refused / nobody at home / vacant / other. The weighted shares
 * of every variable in `targets` (over completed interviews) equal the targets to one decimal —
 * always for single answers (a code lands within half an interview's weight of its target);
 * multiple answers (unsafe_reasons, distrust_reasons: percent of the respondents asked, adding up
 * to 100 or more) need some 2,000 respondents asked, i.e. the full 18,005 sample. Single-answer
 * targets that do not add up to exactly 100 (published rounding) have the excess spread evenly.
 * Targets default to plausible values for safe_night, crime_trend and distrust_reasons; the six
 * bodies, safe_day and unsafe_reasons must be given.
 */
export function syntheticInterviews(sample: readonly SampleLike[], { targets, seed = "udn-synthetic", nonResponse = 0.045 }: SyntheticOptions): Interview[] {
  const T: Targets = { ...UNPUBLISHED, ...targets };
  for (const v of REQUIRED) if (!T[v]) throw new Error(`syntheticInterviews: no target for ${v}`);
  const rnd = mulberry32(seed);
  const normal = () => (rnd() + rnd() + rnd() + rnd() - 2) * Math.sqrt(3); // ≈ N(0, 1)

  // region ranks: each region gets a fixed offset (−0.5 … +0.5) for trust and for safety
  const regionEffect = () => {
    const order = shuffle([...REGION_CODES], rnd);
    return new Map(order.map((r, i) => [r, i / Math.max(1, order.length - 1) - 0.5]));
  };
  const regTrust = regionEffect();
  const regSafe = regionEffect();
  const regBody = TRUST_BODIES.map(() => regionEffect());
  const effect = (m: Map<string, number>, region: string) => m.get(region) ?? 0;

  // ---- visits ---------------------------------------------------------------------------------
  const visits = sample.map((h) => {
    const wave = h.wave ?? h.household_id.slice(0, 4);
    const date = fieldworkDate(wave, rnd);
    const result = rnd() < nonResponse ? pickWeighted(["2", "3", "4", "5"], [45, 33, 13, 9], rnd) : "1";
    return { h, date, result };
  });
  const done = visits.filter((v) => v.result === "1");
  const n = done.length;
  const items = Array.from({ length: n }, (_, i) => i);
  const weight = Float64Array.from(done, (v) => v.h.weight);
  const region = done.map((v) => v.h.region);
  const rural = done.map((v) => v.h.settlement === "2");

  // ---- section B: respondent (independent draws, plausible) ---------------------------------
  const sex = done.map(() => (rnd() < 0.45 ? "1" : "2"));
  const age = done.map(() => drawAge(rnd));
  const education = age.map((a) => drawEducation(a, rnd));
  const employment = age.map((a, i) => drawEmployment(a, sex[i], rnd));

  // ---- latent dispositions ----------------------------------------------------------------------
  const keys = (f: (i: number) => number) => {
    const k = new Float64Array(n);
    for (let i = 0; i < n; i++) k[i] = f(i);
    return k;
  };
  const zTrust = keys(() => normal());
  const zSafe = keys(() => normal());
  const zRes = keys(() => normal());

  // ---- section D: trust, one allocation per body ----------------------------------------------
  const trust: Record<string, string[]> = {};
  TRUST_BODIES.forEach((b, bi) => {
    const order = keys(
      (i) =>
        0.6 * zTrust[i] +
        0.5 * normal() +
        0.6 * effect(regTrust, region[i]) +
        0.2 * effect(regBody[bi], region[i]) -
        ((age[i] - 45) / 65) * 0.5 -
        (rural[i] ? 0.1 : 0),
    );
    const never = RESIDUAL_CODE[b.code] === "8";
    // "never encountered": the young and rural more often; "difficult to answer": the old a little more
    const residual = keys((i) => 0.7 * zRes[i] + 0.7 * normal() + (never ? (45 - age[i]) / 60 + (rural[i] ? 0.15 : 0) : (age[i] - 45) / 120));
    trust[b.code] = allocateScale(items, weight, T[b.code], order, residual);
  });

  // ---- section C: safety -----------------------------------------------------------------------
  const dayKey = keys(
    (i) => 0.6 * zSafe[i] + 0.5 * normal() + 0.6 * effect(regSafe, region[i]) + (sex[i] === "2" ? 0.15 : 0) + (rural[i] ? 0 : 0.1) + (age[i] >= 65 ? 0.1 : 0),
  );
  const dayResidual = keys(() => normal());
  const safeDay = allocateScale(items, weight, T.safe_day, dayKey, dayResidual);
  const nightKey = keys((i) => 0.85 * dayKey[i] + 0.3 * normal() + (sex[i] === "2" ? 0.1 : 0));
  const safeNight = allocateScale(
    items,
    weight,
    T.safe_night,
    nightKey,
    keys((i) => 0.8 * dayResidual[i] + 0.2 * normal()),
  );
  const crimeTrend = allocateScale(
    items,
    weight,
    T.crime_trend,
    keys((i) => -0.5 * nightKey[i] + 0.8 * normal()),
    keys(() => normal()),
  );

  const unsafe = (c: string) => c === "3" || c === "4";
  const askedUnsafe = items.filter((i) => unsafe(safeDay[i]) || unsafe(safeNight[i]));
  const unsafeReasons = allocateMulti(
    askedUnsafe,
    weight,
    T.unsafe_reasons,
    keys(() => rnd()),
    (code) =>
      keys((i) => {
        const u = rnd();
        switch (code) {
          case "5":
            return u - ((age[i] - 15) / 65) * 0.8; // health status: the old
          case "2":
            return u - (sex[i] === "2" ? 0.4 : 0); // fear of going out alone: women
          case "4":
          case "6":
            return u - (rural[i] ? 0.3 : 0); // lighting, stray animals: villages
          case "7":
            return u - (rural[i] ? 0 : 0.3); // drunk or aggressive people: towns
          default:
            return u;
        }
      }),
  );

  const askedDistrust = items.filter((i) => TRUST_BODIES.some((b) => unsafe(trust[b.code][i])));
  const distrustReasons = allocateMulti(
    askedDistrust,
    weight,
    T.distrust_reasons,
    keys(() => rnd()),
    () => keys(() => rnd()),
  );

  // ---- assemble ---------------------------------------------------------------------------------
  // Records are written as one object literal plus a few named stores: adding ~30 properties one
  // by one (or by computed name, or with spreads) leaves V8 with slow dictionary-mode objects.
  let c = 0;
  return visits.map(({ h, date, result }): Interview => {
    if (result !== "1") return { household_id: h.household_id, region: h.region, settlement: h.settlement, weight: h.weight, result, interview_date: date };
    const i = c++;
    const victim: string[] = [];
    const reported: (string | undefined)[] = [];
    for (const o of OFFENCES) {
      const p = VICTIMISATION[o.code] * (rural[i] ? 0.7 : 1.25) * (age[i] < 35 ? 1.2 : 1);
      const yes = rnd() < p;
      victim.push(yes ? "1" : "2");
      reported.push(yes ? (rnd() < REPORTING[o.code] ? "1" : "2") : undefined);
    }
    const it: Interview = {
      household_id: h.household_id,
      region: h.region,
      settlement: h.settlement,
      weight: h.weight,
      result,
      interview_date: date,
      sex: sex[i],
      age: age[i],
      education: education[i],
      employment: employment[i],
      safe_day: safeDay[i],
      safe_night: safeNight[i],
      crime_trend: crimeTrend[i],
      trust_prosecutor: trust.trust_prosecutor[i],
      trust_police: trust.trust_police[i],
      trust_anticorruption: trust.trust_anticorruption[i],
      trust_econ_investigation: trust.trust_econ_investigation[i],
      trust_courts: trust.trust_courts[i],
      trust_fire: trust.trust_fire[i],
      // in the order of OFFENCES (codes.ts)
      victim_theft: victim[0],
      victim_fraud: victim[1],
      victim_robbery: victim[2],
      victim_assault: victim[3],
      victim_vehicle: victim[4],
      victim_burglary: victim[5],
      victim_road: victim[6],
    };
    const ur = unsafeReasons[i];
    if (ur) {
      it.unsafe_reasons = ur;
      if (ur.includes("8")) it.unsafe_reasons_other = pick(OTHER_UNSAFE, rnd);
    }
    if (distrustReasons[i]) it.distrust_reasons = distrustReasons[i];
    if (reported[0]) it.reported_theft = reported[0];
    if (reported[1]) it.reported_fraud = reported[1];
    if (reported[2]) it.reported_robbery = reported[2];
    if (reported[3]) it.reported_assault = reported[3];
    if (reported[4]) it.reported_vehicle = reported[4];
    if (reported[5]) it.reported_burglary = reported[5];
    if (reported[6]) it.reported_road = reported[6];
    if (reported.includes("2")) {
      const first = pickWeighted(["1", "2", "3", "4", "5", "6"], [35, 25, 15, 8, 12, 5], rnd);
      const second = rnd() < 0.3 ? pickWeighted(["1", "2", "3", "4", "5", "6"], [35, 25, 15, 8, 12, 5], rnd) : first;
      it.not_reported_reason = [...new Set([first, second])].sort();
    }
    return it;
  });
}

// Victims in the last 12 months (share of respondents) and share of those who reported — plausible.
const VICTIMISATION: Record<string, number> = { theft: 0.025, fraud: 0.04, robbery: 0.005, assault: 0.01, vehicle: 0.008, burglary: 0.006, road: 0.006 };
if (OFFENCES.map((o) => o.code).join() !== "theft,fraud,robbery,assault,vehicle,burglary,road")
  throw new Error("synthetic.ts: update the victim_/reported_ fields to OFFENCES");
const REPORTING: Record<string, number> = { theft: 0.55, fraud: 0.5, robbery: 0.65, assault: 0.45, vehicle: 0.7, burglary: 0.75, road: 0.85 };
const OTHER_UNSAFE = ["no CCTV cameras", "abandoned buildings nearby", "construction site nearby", "heavy traffic, no pavement", "dogs kept unleashed"];

// ---- allocation ---------------------------------------------------------------------------------

/** Spreads the published rounding (sum ≠ 100) evenly over the codes with a share. */
export function normalizeShares(shares: Record<string, number>): Record<string, number> {
  const codes = Object.keys(shares).filter((c) => shares[c] > 0);
  const excess = codes.reduce((s, c) => s + shares[c], 0) - 100;
  const out: Record<string, number> = {};
  for (const c of Object.keys(shares)) out[c] = shares[c] > 0 ? Math.max(0, shares[c] - excess / codes.length) : 0;
  return out;
}

/**
 * `items` in ascending `key` order (ties by item), fast: each item becomes one float64 — the key
 * quantised to the high bits, the item number in the low bits — and the floats get a native sort.
 */
export function argsort(items: readonly number[], key: Float64Array): Float64Array {
  const m = items.length;
  if (m === 0) return new Float64Array(0);
  let lo = Infinity;
  let hi = -Infinity;
  let maxItem = 0;
  for (const i of items) {
    if (key[i] < lo) lo = key[i];
    if (key[i] > hi) hi = key[i];
    if (i > maxItem) maxItem = i;
  }
  const itemBits = Math.max(1, Math.ceil(Math.log2(maxItem + 1)));
  const slot = 2 ** itemBits;
  const levels = 2 ** (53 - itemBits) - 1;
  const scale = hi > lo ? levels / (hi - lo) : 0;
  const packed = new Float64Array(m);
  for (let k = 0; k < m; k++) packed[k] = Math.floor((key[items[k]] - lo) * scale) * slot + items[k];
  packed.sort();
  for (let k = 0; k < m; k++) packed[k] %= slot;
  return packed;
}

/**
 * Hands out `codes` to `items` in ascending `key` order so that code k gets the weight share
 * shares[k] / Σ shares of the items' total weight (each item goes to the code whose band holds
 * the middle of its weight, so every code is within half an item weight of its target).
 */
function allocate(items: readonly number[], weight: Float64Array, key: Float64Array, codes: string[], shares: number[], out: string[]) {
  const sorted = argsort(items, key);
  let total = 0;
  for (const i of sorted) total += weight[i];
  const sum = shares.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const s of shares) bounds.push(((acc += s) / sum) * total);
  let cum = 0;
  let k = 0;
  for (const i of sorted) {
    const mid = cum + weight[i] / 2;
    while (k < codes.length - 1 && mid >= bounds[k]) k++;
    out[i] = codes[k];
    cum += weight[i];
  }
}

/**
 * A scale answer (1–4 ordered, 8/9 outside the scale) for every item: first the 8/9 codes to the
 * highest `residualKey`, then the ordered codes in ascending `orderKey` over the rest.
 */
function allocateScale(
  items: readonly number[],
  weight: Float64Array,
  target: Record<string, number>,
  orderKey: Float64Array,
  residualKey: Float64Array,
): string[] {
  const t = normalizeShares(target);
  const out = new Array<string>(weight.length).fill(""); // dense: filled out of order
  const codes = Object.keys(t).sort((a, b) => Number(a) - Number(b));
  const residual: string[] = codes.filter((c) => c === "8" || c === "9");
  const ordered = codes.filter((c) => !residual.includes(c));
  let rest = items;
  if (residual.length) {
    const neg = residualKey.map((x) => -x);
    const r = residual.reduce((s, c) => s + t[c], 0);
    allocate(items, weight, neg, [...residual, "rest"], [...residual.map((c) => t[c]), 100 - r], out);
    rest = items.filter((i) => out[i] === "rest");
  }
  allocate(
    rest,
    weight,
    orderKey,
    ordered,
    ordered.map((c) => t[c]),
    out,
  );
  return out;
}

/**
 * Multiple answers for every item (each names at least one code): a first answer by allocation
 * over `primaryKey` (shares scaled to 100), then further mentions of each code to the items
 * with the lowest `codeKey(code)` until the code's weight reaches its target share. Targets must
 * add up to 100 or more.
 */
function allocateMulti(
  items: readonly number[],
  weight: Float64Array,
  target: Record<string, number>,
  primaryKey: Float64Array,
  codeKey: (code: string) => Float64Array,
): (string[] | undefined)[] {
  const out = new Array<string[] | undefined>(weight.length).fill(undefined); // dense: filled out of order
  if (!items.length) return out;
  const codes = Object.keys(target)
    .filter((c) => target[c] > 0)
    .sort((a, b) => Number(a) - Number(b));
  const sum = codes.reduce((s, c) => s + target[c], 0);
  if (sum < 100) throw new Error("multiple-answer targets must add up to at least 100%");
  const primary = new Array<string>(weight.length).fill("");
  allocate(
    items,
    weight,
    primaryKey,
    codes,
    codes.map((c) => target[c]),
    primary,
  );
  let total = 0;
  for (const i of items) total += weight[i];
  const got = new Map(codes.map((c) => [c, 0]));
  for (const i of items) {
    out[i] = [primary[i]];
    got.set(primary[i], got.get(primary[i])! + weight[i]);
  }
  for (const c of codes) {
    const need = (target[c] / 100) * total - got.get(c)!;
    if (need <= 0) continue;
    const key = codeKey(c);
    const others = argsort(
      items.filter((i) => primary[i] !== c),
      key,
    );
    let cum = 0;
    for (const i of others) {
      if (cum + weight[i] / 2 >= need) break;
      out[i]!.push(c);
      cum += weight[i];
    }
  }
  for (const i of items) out[i]!.sort((a, b) => Number(a) - Number(b));
  return out;
}

// ---- draws --------------------------------------------------------------------------------------

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];

function pickWeighted<T>(xs: readonly T[], weights: readonly number[], rnd: () => number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rnd() * total;
  for (let i = 0; i < xs.length; i++) if ((u -= weights[i]) < 0) return xs[i];
  return xs[xs.length - 1];
}

/** A visit date in the fieldwork period, 1 October – 30 November of the wave. */
function fieldworkDate(wave: string, rnd: () => number): string {
  let days = FIELDWORK_DAYS.get(wave);
  if (!days) {
    const year = /^\d{4}$/.test(wave) ? Number(wave) : 2025;
    days = Array.from({ length: 61 }, (_, d) => new Date(Date.UTC(year, 9, 1 + d)).toISOString().slice(0, 10));
    FIELDWORK_DAYS.set(wave, days);
  }
  return days[Math.floor(rnd() * days.length)];
}
const FIELDWORK_DAYS = new Map<string, string[]>();

// Respondents aged 15–80 by five-year band (15–19 … 75–80), roughly the adult population of 2024.
const AGE_BANDS = [15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75];
const AGE_BAND_WEIGHTS = [7, 7, 8, 11, 11, 10, 9, 8, 8, 8, 6, 4, 3];
function drawAge(rnd: () => number): number {
  const from = pickWeighted(AGE_BANDS, AGE_BAND_WEIGHTS, rnd);
  return from + Math.floor(rnd() * (from === 75 ? 6 : 5));
}

function drawEducation(age: number, rnd: () => number): string {
  if (age < 18) return pickWeighted(["1", "2", "3"], [10, 85, 5], rnd);
  if (age < 23) return pickWeighted(["2", "3", "4", "5"], [6, 50, 28, 16], rnd);
  if (age < 65) return pickWeighted(["1", "2", "3", "4", "5"], [1, 4, 24, 36, 35], rnd);
  return pickWeighted(["1", "2", "3", "4", "5"], [5, 11, 30, 32, 22], rnd);
}

function drawEmployment(age: number, sex: string, rnd: () => number): string {
  const pensionAge = sex === "1" ? 63 : 61;
  if (age < 23) return pickWeighted(["1", "2", "3", "5"], [28, 6, 58, 8], rnd);
  if (age >= pensionAge) return pickWeighted(["1", "4", "5"], [10, 87, 3], rnd);
  return pickWeighted(["1", "2", "3", "5"], [76, 5, age < 30 ? 4 : age < 45 ? 0.5 : 0, sex === "2" ? 16 : 8], rnd);
}
