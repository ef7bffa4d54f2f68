// Synthetic reports of form 1-M "On registered criminal offenses" (definitions/form-1m.json) for
// the 20 regions, every month 2016-01 … 2025-12: demo data for dashboards and the report flow.
// Pure and deterministic: the same seed gives the same reports, byte for byte.
//
// How the figures are built
// 1. National yearly totals of registered criminal offences (crimes + criminal misdemeanours),
//    as published by the Committee for legal statistics (LSSRPGO) and reported in the press:
//    2017–2021 in thousands (−12.5 % to 316.4; 292.3; 243.5; 162.8; 157.9 — Energyprom/Newsroom.kz,
//    Jan 2023), 2022 157 473 and 2023 140 272 (Astana Times, 11 Jan 2024), 2024 132 778
//    (qazyr.kz, Jan 2025), 2025 ≈ 123.9 thousand (eurasia24.media, Jan 2026). 2016 (≈361.6
//    thousand) is derived from the −12.5 % of 2017. Thousands are taken as round hundreds.
// 2. Each region's yearly total is its share of the national total; where a regional figure is
//    published it is used exactly (PUBLISHED_REGIONAL_TOTALS): 2025 top three from the BNS release
//    of 26.01.2026 (seed 001); 2024 from the BNS release on 2024 (seed 000) and the LSSRPGO year
//    figures (qazyr.kz), 2023 from the same article. The other regions share the rest.
//    why seed 000's "second half of the year 2024" is read as the year 2024: the same figures
//    (Almaty 24 965 = 18.8 %, Astana 17 339 = 13.1 %, Almaty region 10 385 = 7.8 % of 132 778)
//    are LSSRPGO's totals for the whole of 2024; read as six months, Almaty would have ~50 000
//    offences in 2024 (38 % of the country) and fall by 56 % in 2025.
// 3. A region's year is split into months by a seasonal profile (January high; registrations in
//    the first half-year ≈ 52 % of the year, as in 2024 and 2025), the within-year trend, the
//    state of emergency of spring 2020, the January 2022 events in Almaty, and noise.
// 4. Each month is split into crimes by gravity and misdemeanours (shares from the LSSRPGO
//    figures of 2022–2025, estimated before), and the "of which" lines are drawn around expected
//    national counts (real for 2024: fraud 45 156, theft 30 593, drugs 8 363, mugging 1 551,
//    hooliganism 1 615, livestock theft 1 051, murder 566, rape 421; the rest are estimates).
// Regions created in 2018 (Shymkent) and 2022 (Abai, Zhetisu, Ulytau) are reported for every
// year, as series recomputed on today's territorial division.
import { mulberry32 } from "@/lib/random";
import { REGIONS } from "../../db/reference-data";
import { num, text, type Answer } from "../../modules/questionnaire/answers";

export type Demo1MReport = {
  /** Region code of db/reference-data.ts ("ALA"). */
  region: string;
  /** The reporting month, "2025-03". */
  period: string;
  /** Storage key of form-1m ("q1:total:period") → answer. */
  answers: Record<string, Answer>;
};

export const DEMO_1M_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/** Registered criminal offences in Kazakhstan per year (sources above). */
export const NATIONAL_TOTALS: Readonly<Record<number, number>> = {
  2016: 361_600,
  2017: 316_400,
  2018: 292_300,
  2019: 243_500,
  2020: 162_800,
  2021: 157_900,
  2022: 157_473,
  2023: 140_272,
  2024: 132_778,
  2025: 123_900,
};

export type PublishedTotal = { region: string; year: number; total: number; source: string };

const BNS_2025 = "BNS ASPR release of 26.01.2026 (LSSRPGO administrative data): largest numbers of registered crimes in 2025";
const BNS_2024 = "BNS ASPR release on 2024 (LSSRPGO administrative data) and LSSRPGO results for 2024 (qazyr.kz)";
const GPO_2024 = "LSSRPGO results for 2024, regions where crime rose (qazyr.kz)";

/** Regional yearly totals used exactly. */
export const PUBLISHED_REGIONAL_TOTALS: readonly PublishedTotal[] = [
  { region: "ALA", year: 2025, total: 22_150, source: BNS_2025 },
  { region: "AST", year: 2025, total: 16_045, source: BNS_2025 },
  { region: "ALM", year: 2025, total: 8_746, source: BNS_2025 },
  { region: "ALA", year: 2024, total: 24_965, source: BNS_2024 },
  { region: "AST", year: 2024, total: 17_339, source: BNS_2024 },
  { region: "ALM", year: 2024, total: 10_385, source: BNS_2024 },
  { region: "KAR", year: 2024, total: 7_562, source: BNS_2024 },
  { region: "MAN", year: 2024, total: 3_474, source: GPO_2024 },
  { region: "ATY", year: 2024, total: 4_647, source: GPO_2024 },
  { region: "PAV", year: 2024, total: 5_322, source: GPO_2024 },
  { region: "KZO", year: 2024, total: 3_003, source: GPO_2024 },
  { region: "ULY", year: 2024, total: 1_314, source: GPO_2024 },
  { region: "AKM", year: 2024, total: 5_120, source: GPO_2024 },
  { region: "ALM", year: 2023, total: 10_223, source: GPO_2024 },
  { region: "MAN", year: 2023, total: 3_097, source: GPO_2024 },
  { region: "ATY", year: 2023, total: 4_283, source: GPO_2024 },
  { region: "PAV", year: 2023, total: 5_039, source: GPO_2024 },
  { region: "KZO", year: 2023, total: 2_871, source: GPO_2024 },
  { region: "ULY", year: 2023, total: 1_278, source: GPO_2024 },
  { region: "AKM", year: 2023, total: 5_084, source: GPO_2024 },
];

/** Relative size of each region in 2024: published figures, estimates for the others
 *  (from the regions' figures for January–February 2023, Kazinform 30.03.2023). */
const WEIGHT_2024: Record<string, number> = {
  ALA: 24_965,
  AST: 17_339,
  ALM: 10_385,
  KAR: 7_562,
  MAN: 3_474,
  ATY: 4_647,
  PAV: 5_322,
  KZO: 3_003,
  ULY: 1_314,
  AKM: 5_120,
  AKT: 5_500,
  SHY: 5_300,
  TUR: 5_200,
  KOS: 5_200,
  VKO: 5_300,
  ZHA: 4_500,
  SKO: 4_400,
  ZKO: 4_500,
  ABA: 4_000,
  ZHE: 3_700,
};

/** Share of the two cities relative to 2024, 2016…2025: Almaty's jump in 2021 (+40 % in the
 *  first half-year, Finprom), Astana's growth with its population. */
const SHARE_TREND: Record<string, number[]> = {
  ALA: [0.69, 0.72, 0.745, 0.77, 0.745, 0.985, 1.04, 1.03, 1, 0.95],
  AST: [0.65, 0.69, 0.74, 0.8, 0.86, 0.92, 0.97, 1.0, 1, 0.99],
};

/** Criminal misdemeanours in the total (2022–2024 LSSRPGO; 2025 from the first half-year, 19 %). */
const MISDEMEANOUR_SHARE = [0.24, 0.23, 0.22, 0.19, 0.15, 0.14, 0.134, 0.139, 0.148, 0.195];

/** Crimes by gravity: minor, medium, grave, especially grave (2022, 2023 LSSRPGO; 2024–2025
 *  from the published changes; before 2022 estimated). */
const GRAVITY_SHARE: number[][] = [
  [0.15, 0.55, 0.285, 0.015],
  [0.15, 0.545, 0.29, 0.015],
  [0.155, 0.54, 0.29, 0.015],
  [0.16, 0.53, 0.295, 0.015],
  [0.165, 0.505, 0.315, 0.015],
  [0.165, 0.5, 0.32, 0.015],
  [0.1667, 0.4936, 0.3233, 0.0164],
  [0.1806, 0.4872, 0.3107, 0.0215],
  [0.1783, 0.4663, 0.3285, 0.027],
  [0.175, 0.412, 0.401, 0.012],
];

const CITIES = ["ALA", "AST", "SHY"];
const RURAL_SOUTH = ["TUR", "ZHA", "KZO", "ALM", "ZHE", "ABA"];

type TypeLine = {
  row: string;
  /** Expected national count per year, 2016…2025. */
  counts: number[];
  /** Whether it is one of the mutually exclusive types (lines 3–13, 15). */
  exclusive: boolean;
  regional?: (region: string) => number;
};

const TYPE_LINES: TypeLine[] = [
  { row: "r3", exclusive: true, counts: [1010, 960, 930, 860, 790, 760, 700, 620, 566, 470] },
  { row: "r4", exclusive: true, counts: [1750, 1600, 1500, 1350, 1150, 1100, 1050, 950, 880, 800] },
  { row: "r5", exclusive: true, counts: [1050, 1000, 950, 880, 650, 620, 560, 500, 421, 400] },
  { row: "r6", exclusive: true, counts: [1700, 1400, 1150, 900, 600, 550, 520, 420, 360, 300] },
  { row: "r7", exclusive: true, counts: [11500, 9500, 8000, 6200, 3600, 3200, 2900, 2000, 1551, 1300] },
  { row: "r8", exclusive: true, counts: [190000, 160000, 140000, 110000, 62000, 52000, 48000, 37000, 30593, 26500] },
  {
    row: "r9",
    exclusive: true,
    counts: [5200, 4800, 4300, 3500, 2600, 2100, 1700, 1300, 1051, 900],
    regional: (r) => (CITIES.includes(r) ? 0.05 : RURAL_SOUTH.includes(r) ? 2.2 : 1),
  },
  {
    row: "r10",
    exclusive: true,
    counts: [27000, 28000, 32000, 36000, 38000, 42000, 45000, 45500, 45156, 43000],
    regional: (r) => (CITIES.includes(r) ? 1.25 : RURAL_SOUTH.includes(r) ? 0.8 : 1),
  },
  { row: "r11", exclusive: true, counts: [900, 850, 800, 700, 600, 600, 580, 540, 500, 460] },
  { row: "r12", exclusive: true, counts: [5200, 4700, 4200, 3600, 2400, 2200, 2100, 1850, 1615, 1400] },
  {
    row: "r13",
    exclusive: true,
    counts: [9000, 8700, 8300, 7800, 6900, 6500, 6900, 7800, 8363, 8100],
    regional: (r) => (r === "ALA" ? 1.3 : r === "ZHA" ? 1.4 : 1),
  },
  { row: "r14", exclusive: false, counts: [2600, 2400, 2300, 2100, 1900, 1800, 1700, 1600, 1500, 1450] },
  {
    row: "r15",
    exclusive: true,
    counts: [1500, 1450, 1400, 1350, 1200, 1250, 1200, 1150, 1100, 1000],
    regional: (r) => (CITIES.includes(r) ? 0.6 : RURAL_SOUTH.includes(r) ? 1.4 : 1),
  },
];

/** Fraud using ICT in all fraud; public places, streets, minors in the total (2025 public places
 *  28 %, streets 13.4 %: Prosecutor General, Aug 2025; the rest estimated). */
const ICT_FRAUD_SHARE = [0.1, 0.14, 0.2, 0.3, 0.45, 0.55, 0.6, 0.63, 0.66, 0.68];
const PUBLIC_SHARE = [0.36, 0.35, 0.34, 0.33, 0.29, 0.29, 0.29, 0.285, 0.28, 0.278];
const STREET_SHARE = [0.2, 0.19, 0.18, 0.17, 0.145, 0.14, 0.14, 0.137, 0.134, 0.134];
const MINORS_SHARE = [0.012, 0.012, 0.013, 0.014, 0.017, 0.018, 0.019, 0.02, 0.021, 0.022];

/** Month profile (January high, November–December low), mean 1. */
const SEASON = [1.02, 0.95, 1.03, 1.02, 1.05, 1.03, 1.03, 1.02, 0.98, 0.99, 0.94, 0.94];

/** The rows of q1 in the order of the definition. */
export const FORM_1M_ROWS = [
  "total",
  "r1",
  "r1_1",
  "r1_2",
  "r1_3",
  "r1_4",
  "r2",
  "r3",
  "r4",
  "r5",
  "r6",
  "r7",
  "r8",
  "r9",
  "r10",
  "r10_1",
  "r11",
  "r12",
  "r13",
  "r14",
  "r15",
  "r16",
  "r16_1",
  "r17",
] as const;
export type Form1MRow = (typeof FORM_1M_ROWS)[number];

const DEMO_1M_SOURCES = "Unified Register of Pre-trial Investigations (ERDR); information accounting documents of the pre-trial investigation bodies";

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;

/** One independent random stream per (seed, stream name): mulberry32, uniform in [0, 1). */
function rngFor(seed: string, stream: string): Rng {
  return mulberry32(hash(`${seed}|${stream}`));
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const jitter = (rng: Rng, sigma: number) => Math.exp(sigma * normal(rng));

function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
}

/** Splits `total` in proportion to `weights` (largest remainder; ties to the earlier index). */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (w / sum) * total : 0));
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, f: r - Math.floor(r) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k].i]++;
  return out;
}

/** Splits `total` in proportion to `weights`, rounding at random (each part rounds up with the
 *  probability of its fraction; systematic sampling keeps the sum exact). */
function allocateRandom(total: number, weights: number[], rng: Rng): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (w / sum) * total : 0));
  const out = raw.map(Math.floor);
  const rest = total - out.reduce((a, b) => a + b, 0);
  let picked = 0;
  let next = rng();
  let acc = 0;
  for (let i = 0; i < raw.length && picked < rest; i++) {
    acc += raw[i] - Math.floor(raw[i]);
    if (acc > next) {
      out[i]++;
      picked++;
      next += 1;
    }
  }
  for (let i = 0; picked < rest; i = (i + 1) % out.length) {
    out[i]++;
    picked++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Yearly totals by region, monthly totals, and the lines of one month.

const pad = (m: number) => String(m).padStart(2, "0");

/** Total registered criminal offences per region and year. */
function regionalTotals(seed: string): Map<string, number[]> {
  const codes = REGIONS.map((r) => r.code);
  const slope = new Map(codes.map((c) => [c, (rngFor(seed, `slope:${c}`)() - 0.5) * 0.05]));
  const out = new Map(codes.map((c) => [c, [] as number[]]));
  DEMO_1M_YEARS.forEach((year, yi) => {
    const rng = rngFor(seed, `regions:${year}`);
    const weight = codes.map((c) => {
      const trend = SHARE_TREND[c]?.[yi] ?? Math.exp(slope.get(c)! * (year - 2024));
      return WEIGHT_2024[c] * trend * (year === 2024 ? 1 : jitter(rng, 0.025));
    });
    const fixed = new Map(PUBLISHED_REGIONAL_TOTALS.filter((p) => p.year === year).map((p) => [p.region, p.total]));
    const free = codes.map((c, i) => (fixed.has(c) ? 0 : weight[i]));
    const rest = NATIONAL_TOTALS[year] - [...fixed.values()].reduce((a, b) => a + b, 0);
    const shares = allocate(rest, free);
    codes.forEach((c, i) => out.get(c)!.push(fixed.get(c) ?? shares[i]));
  });
  return out;
}

/** The year's total split into 12 months. */
function monthlyTotals(seed: string, region: string, year: number, total: number): number[] {
  const rng = rngFor(seed, `months:${region}:${year}`);
  const prev = NATIONAL_TOTALS[year - 1] ?? NATIONAL_TOTALS[year];
  const next = NATIONAL_TOTALS[year + 1] ?? NATIONAL_TOTALS[year];
  const span = (NATIONAL_TOTALS[year - 1] ? 1 : 0) + (NATIONAL_TOTALS[year + 1] ? 1 : 0);
  const growth = Math.log(next / prev) / span; // yearly rate around this year
  const weights = SEASON.map((s, i) => {
    const month = i + 1;
    let w = s * Math.exp((growth * (month - 6.5)) / 12) * jitter(rng, 0.04);
    if (year === 2020) w *= ({ 3: 0.92, 4: 0.62, 5: 0.8 } as Record<number, number>)[month] ?? 1; // state of emergency 16.03–11.05.2020
    if (year === 2022 && month === 1) w *= region === "ALA" ? 1.2 : 1.03; // the January 2022 events
    return w;
  });
  return allocateRandom(total, weights, rng);
}

type RegionProfile = { misd: number; gravity: number[]; types: Map<string, number> };

function regionProfile(seed: string, region: string): RegionProfile {
  const rng = rngFor(seed, `profile:${region}`);
  return {
    misd: jitter(rng, 0.1),
    gravity: [0, 1, 2, 3].map(() => jitter(rng, 0.06)),
    types: new Map(TYPE_LINES.map((t) => [t.row, (t.regional?.(region) ?? 1) * jitter(rng, 0.12)])),
  };
}

/** One month's lines of a region. `norm` rescales regional factors so that the country keeps the
 *  expected national counts. */
function monthLines(rng: Rng, yi: number, total: number, profile: RegionProfile, norm: Map<string, number>): Record<Form1MRow, number> {
  const misd = Math.min(total, Math.round(total * MISDEMEANOUR_SHARE[yi] * profile.misd * jitter(rng, 0.05)));
  const crimes = total - misd;
  const gravity = allocateRandom(
    crimes,
    GRAVITY_SHARE[yi].map((s, i) => s * profile.gravity[i] * jitter(rng, 0.03)),
    rng,
  );
  const nationalTotal = NATIONAL_TOTALS[DEMO_1M_YEARS[yi]];
  const typeCount = new Map<string, number>();
  for (const t of TYPE_LINES) {
    const lambda = (total * t.counts[yi] * profile.types.get(t.row)!) / nationalTotal / norm.get(t.row)!;
    typeCount.set(t.row, Math.min(total, poisson(rng, lambda)));
  }
  // The exclusive types cannot together exceed the total: take any excess off theft, then fraud.
  let excess = TYPE_LINES.filter((t) => t.exclusive).reduce((a, t) => a + typeCount.get(t.row)!, 0) - total;
  for (const row of ["r8", "r10", "r13"]) {
    if (excess <= 0) break;
    const cut = Math.min(excess, typeCount.get(row)!);
    typeCount.set(row, typeCount.get(row)! - cut);
    excess -= cut;
  }
  const fraud = typeCount.get("r10")!;
  const ict = Math.min(fraud, Math.round(fraud * Math.min(1, ICT_FRAUD_SHARE[yi] * jitter(rng, 0.08))));
  const publicPlaces = Math.min(total, poisson(rng, total * PUBLIC_SHARE[yi] * jitter(rng, 0.05)));
  const streets = Math.min(publicPlaces, Math.round(publicPlaces * (STREET_SHARE[yi] / PUBLIC_SHARE[yi]) * jitter(rng, 0.06)));
  const minors = Math.min(total, poisson(rng, total * MINORS_SHARE[yi]));
  const c = (row: string) => typeCount.get(row)!;
  return {
    total,
    r1: crimes,
    r1_1: gravity[0],
    r1_2: gravity[1],
    r1_3: gravity[2],
    r1_4: gravity[3],
    r2: misd,
    r3: c("r3"),
    r4: c("r4"),
    r5: c("r5"),
    r6: c("r6"),
    r7: c("r7"),
    r8: c("r8"),
    r9: c("r9"),
    r10: fraud,
    r10_1: ict,
    r11: c("r11"),
    r12: c("r12"),
    r13: c("r13"),
    r14: c("r14"),
    r15: c("r15"),
    r16: publicPlaces,
    r16_1: streets,
    r17: minors,
  };
}

/**
 * Every region's 1-M report for every month 2016-01 … 2025-12 (20 × 120), by region then month.
 * `period` and `ytd` of each line: the month, and the sum of the year's months up to it.
 */
export function generateDemo1M(seed = "form-1m demo v1"): Demo1MReport[] {
  const totals = regionalTotals(seed);
  const profiles = new Map(REGIONS.map((r) => [r.code, regionProfile(seed, r.code)]));
  const reports: Demo1MReport[] = [];
  const monthly = new Map(REGIONS.map((r) => [r.code, DEMO_1M_YEARS.map((y, yi) => monthlyTotals(seed, r.code, y, totals.get(r.code)![yi]))]));

  DEMO_1M_YEARS.forEach((year, yi) => {
    // Rescale each type's regional factors to a weighted mean of 1 for this year.
    const norm = new Map(
      TYPE_LINES.map((t) => [
        t.row,
        REGIONS.reduce((a, r) => a + totals.get(r.code)![yi] * profiles.get(r.code)!.types.get(t.row)!, 0) / NATIONAL_TOTALS[year],
      ]),
    );
    for (const { code } of REGIONS) {
      const rng = rngFor(seed, `lines:${code}:${year}`);
      const ytd = Object.fromEntries(FORM_1M_ROWS.map((r) => [r, 0])) as Record<Form1MRow, number>;
      monthly.get(code)![yi].forEach((total, i) => {
        const lines = monthLines(rng, yi, total, profiles.get(code)!, norm);
        const answers: Record<string, Answer> = {};
        for (const row of FORM_1M_ROWS) {
          ytd[row] += lines[row];
          answers[`q1:${row}:period`] = num(lines[row]);
          answers[`q1:${row}:ytd`] = num(ytd[row]);
        }
        answers.A1 = text(DEMO_1M_SOURCES);
        reports.push({ region: code, period: `${year}-${pad(i + 1)}`, answers });
      });
    }
  });
  const order = new Map(REGIONS.map((r, i) => [r.code, i]));
  return reports.sort((a, b) => order.get(a.region)! - order.get(b.region)! || a.period.localeCompare(b.period));
}

/** Sum of one cell's monthly values ("q1:total:period") over the months from–to, for a region. */
export function sumOver(reports: readonly Demo1MReport[], region: string, key: string, from: string, to: string): number {
  return reports.filter((r) => r.region === region && r.period >= from && r.period <= to).reduce((a, r) => a + (r.answers[key]?.num ?? 0), 0);
}
