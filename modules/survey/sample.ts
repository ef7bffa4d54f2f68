// The sample of a wave of the household survey (form UDN): households drawn in every stratum
// (region × settlement type) in proportion to the stratum's number of households, each with a
// design weight = households in the stratum ÷ sampled households in the stratum.
//
// The frame (households per region and urban share) is an estimate, not an official table:
// - population per region: Bureau of National Statistics (BNS) estimates for 1 January 2024,
//   rounded to thousands (the three cities, Turkistan and Almaty region are the published
//   figures; the smaller regions are approximate; total ≈ 20.03 million);
// - households = population ÷ an approximate average household size per region (2021 census
//   order of magnitude: ~4.9 in Turkistan, ~4.4 in Shymkent … ~2.7 in North Kazakhstan);
// - the total is calibrated to the releases' own statement that 18,005 households are 0.35% of
//   all households (18,005 ÷ 0.0035 = 5,144,286; the 2021 census counted about 5.6 million);
// - urban share: BNS urban/rural population of 2024, approximate (applied to households).
import { mulberry32 as mulberry32State } from "@/lib/random";
import { REGION_CODES } from "./codes";

export type Seed = number | string;

/** mulberry32 (seed/random.ts) seeded with a number or a string; returns floats in [0, 1). */
export function mulberry32(seed: Seed): () => number {
  return mulberry32State(typeof seed === "number" ? seed >>> 0 : hashSeed(seed));
}

/** FNV-1a hash of a string seed. */
function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type FrameRow = { code: string; population: number; householdSize: number; urbanShare: number };

// population (thousands, 1 Jan 2024), average household size, urban share of the population.
const FRAME_INPUT: FrameRow[] = [
  { code: "ABA", population: 607, householdSize: 3.1, urbanShare: 0.6 },
  { code: "AKM", population: 790, householdSize: 2.9, urbanShare: 0.5 },
  { code: "AKT", population: 938, householdSize: 3.5, urbanShare: 0.67 },
  { code: "ALM", population: 1531, householdSize: 3.8, urbanShare: 0.27 },
  { code: "ATY", population: 707, householdSize: 3.9, urbanShare: 0.49 },
  { code: "ZKO", population: 695, householdSize: 3.3, urbanShare: 0.53 },
  { code: "ZHA", population: 1222, householdSize: 4.1, urbanShare: 0.4 },
  { code: "ZHE", population: 697, householdSize: 3.6, urbanShare: 0.42 },
  { code: "KAR", population: 1134, householdSize: 2.8, urbanShare: 0.86 },
  { code: "KOS", population: 829, householdSize: 2.8, urbanShare: 0.56 },
  { code: "KZO", population: 836, householdSize: 4.3, urbanShare: 0.45 },
  { code: "MAN", population: 795, householdSize: 4.2, urbanShare: 0.42 },
  { code: "PAV", population: 752, householdSize: 2.8, urbanShare: 0.72 },
  { code: "SKO", population: 534, householdSize: 2.7, urbanShare: 0.47 },
  { code: "TUR", population: 2142, householdSize: 4.9, urbanShare: 0.25 },
  { code: "ULY", population: 222, householdSize: 3.0, urbanShare: 0.83 },
  { code: "VKO", population: 721, householdSize: 2.8, urbanShare: 0.66 },
  { code: "AST", population: 1430, householdSize: 3.1, urbanShare: 1 },
  { code: "ALA", population: 2229, householdSize: 3.0, urbanShare: 1 },
  { code: "SHY", population: 1222, householdSize: 4.4, urbanShare: 1 },
];

/** Households in the country: 18,005 sampled households = 0.35% (releases 2024 and 2025). */
export const TOTAL_HOUSEHOLDS = Math.round(18005 / 0.0035);

export type RegionFrame = { code: string; population: number; households: number; urban: number; rural: number };

/** Households per region and settlement type, integers summing to TOTAL_HOUSEHOLDS. */
export const HOUSEHOLD_FRAME: RegionFrame[] = (() => {
  const raw = FRAME_INPUT.map((r) => (r.population * 1000) / r.householdSize);
  const households = largestRemainder(raw, TOTAL_HOUSEHOLDS);
  return FRAME_INPUT.map((r, i) => {
    const urban = Math.round(households[i] * r.urbanShare);
    return { code: r.code, population: r.population * 1000, households: households[i], urban, rural: households[i] - urban };
  });
})();

if (
  HOUSEHOLD_FRAME.map((r) => r.code)
    .sort()
    .join() !== [...REGION_CODES].sort().join()
) {
  throw new Error("sample.ts: the household frame must cover exactly the region codes of codes.ts");
}

/** Integers proportional to `values`, summing to `total` (Hamilton / largest remainder). */
export function largestRemainder(values: number[], total: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / sum) * total);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k].i]++;
  return out;
}

export type Stratum = { region: string; settlement: "1" | "2"; households: number; sampled: number; weight: number };

/** The allocation of a sample of `size` households to the strata (proportional, ≥ 1 per non-empty stratum). */
export function allocateStrata(size = 18005): Stratum[] {
  if (!Number.isInteger(size) || size < 1) throw new Error("sample size must be a positive integer");
  const perRegion = largestRemainder(
    HOUSEHOLD_FRAME.map((r) => r.households),
    size,
  );
  const strata: Stratum[] = [];
  HOUSEHOLD_FRAME.forEach((r, i) => {
    const n = perRegion[i];
    let [nu, nr] = largestRemainder([r.urban, r.rural], n);
    // every stratum that exists gets at least one household when the region has two to spare
    if (r.rural > 0 && nr === 0 && nu > 1) {
      nu--;
      nr++;
    }
    if (r.urban > 0 && nu === 0 && nr > 1) {
      nr--;
      nu++;
    }
    if (r.urban > 0 && nu > 0) strata.push({ region: r.code, settlement: "1", households: r.urban, sampled: nu, weight: r.urban / nu });
    if (r.rural > 0 && nr > 0) strata.push({ region: r.code, settlement: "2", households: r.rural, sampled: nr, weight: r.rural / nr });
  });
  return strata;
}

export type SampleHousehold = {
  household_id: string;
  wave: string;
  region: string;
  settlement: "1" | "2";
  address: string;
  weight: number;
};

/**
 * A deterministic sample of households for a wave: ids "<wave>-<REGION>-00001" numbered within the
 * region, a plausible address, the stratum's design weight. The weights of a stratum sum to its
 * households, so all weights sum to TOTAL_HOUSEHOLDS (when every stratum is sampled).
 */
export function generateSample({ wave, size = 18005, seed }: { wave: string | number; size?: number; seed?: Seed }): SampleHousehold[] {
  const w = String(wave);
  const rnd = mulberry32(seed ?? `udn-sample-${w}`);
  const out: SampleHousehold[] = [];
  const counter = new Map<string, number>();
  for (const s of allocateStrata(size)) {
    for (let k = 0; k < s.sampled; k++) {
      const seq = (counter.get(s.region) ?? 0) + 1;
      counter.set(s.region, seq);
      out.push({
        household_id: `${w}-${s.region}-${String(seq).padStart(5, "0")}`,
        wave: w,
        region: s.region,
        settlement: s.settlement,
        address: address(s.region, s.settlement, rnd),
        weight: s.weight,
      });
    }
  }
  return out;
}

// ---- addresses -------------------------------------------------------------------------------

type Places = { name: string; towns: string[]; rural: [district: string, village: string][] };

const CITY_DISTRICTS: Record<string, { city: string; districts: string[] }> = {
  AST: { city: "Astana", districts: ["Almaty district", "Baikonur district", "Yesil district", "Saryarka district", "Nura district"] },
  ALA: {
    city: "Almaty",
    districts: [
      "Alatau district",
      "Almaly district",
      "Auezov district",
      "Bostandyk district",
      "Zhetysu district",
      "Medeu district",
      "Nauryzbai district",
      "Turksib district",
    ],
  },
  SHY: { city: "Shymkent", districts: ["Abai district", "Al-Farabi district", "Enbekshi district", "Karatau district", "Turan district"] },
};

const PLACES: Record<string, Places> = {
  ABA: {
    name: "Abai region",
    towns: ["Semey", "Semey", "Kurchatov", "Ayagoz", "Shar"],
    rural: [
      ["Abai district", "Karaul"],
      ["Beskaragai district", "Beskaragai"],
      ["Zharma district", "Kalbatau"],
      ["Urzhar district", "Urzhar"],
    ],
  },
  AKM: {
    name: "Akmola region",
    towns: ["Kokshetau", "Kokshetau", "Stepnogorsk", "Shchuchinsk", "Atbasar", "Kosshy"],
    rural: [
      ["Tselinograd district", "Akmol"],
      ["Zerendi district", "Zerendi"],
      ["Arshaly district", "Arshaly"],
      ["Sandyktau district", "Balkashino"],
    ],
  },
  AKT: {
    name: "Aktobe region",
    towns: ["Aktobe", "Aktobe", "Aktobe", "Khromtau", "Kandyagash", "Alga"],
    rural: [
      ["Kargaly district", "Badamsha"],
      ["Martuk district", "Martuk"],
      ["Khobda district", "Khobda"],
      ["Aitekebi district", "Temirbek Zhurgenov"],
    ],
  },
  ALM: {
    name: "Almaty region",
    towns: ["Konaev", "Kaskelen", "Talgar", "Yesik"],
    rural: [
      ["Karasai district", "Shamalgan"],
      ["Ile district", "Otegen Batyr"],
      ["Enbekshikazakh district", "Shelek"],
      ["Zhambyl district", "Uzynagash"],
    ],
  },
  ATY: {
    name: "Atyrau region",
    towns: ["Atyrau", "Atyrau", "Kulsary"],
    rural: [
      ["Makhambet district", "Makhambet"],
      ["Isatai district", "Akkystau"],
      ["Kyzylkoga district", "Miyaly"],
      ["Inder district", "Inderbor"],
    ],
  },
  ZKO: {
    name: "West Kazakhstan region",
    towns: ["Oral", "Oral", "Aksai"],
    rural: [
      ["Terekty district", "Fyodorovka"],
      ["Baiterek district", "Peremetnoye"],
      ["Akzhaik district", "Chapaev"],
      ["Burlin district", "Burlin"],
    ],
  },
  ZHA: {
    name: "Zhambyl region",
    towns: ["Taraz", "Taraz", "Shu", "Karatau", "Zhanatas"],
    rural: [
      ["Baizak district", "Sarykemer"],
      ["Merki district", "Merki"],
      ["Kordai district", "Kordai"],
      ["Zhambyl district", "Asa"],
    ],
  },
  ZHE: {
    name: "Zhetisu region",
    towns: ["Taldykorgan", "Taldykorgan", "Tekeli", "Zharkent", "Ushtobe"],
    rural: [
      ["Eskeldi district", "Karabulak"],
      ["Koksu district", "Balpyk Bi"],
      ["Kerbulak district", "Saryozek"],
      ["Sarkand district", "Amanbokter"],
    ],
  },
  KAR: {
    name: "Karaganda region",
    towns: ["Karaganda", "Karaganda", "Temirtau", "Balkhash", "Shakhtinsk", "Saran"],
    rural: [
      ["Bukhar-Zhyrau district", "Botakara"],
      ["Osakarovka district", "Osakarovka"],
      ["Nura district", "Kievka"],
      ["Karkaraly district", "Egindybulak"],
    ],
  },
  KOS: {
    name: "Kostanay region",
    towns: ["Kostanay", "Kostanay", "Rudny", "Lisakovsk", "Arkalyk"],
    rural: [
      ["Kostanay district", "Zatobolsk"],
      ["Karabalyk district", "Karabalyk"],
      ["Fyodorovka district", "Fyodorovka"],
      ["Mendykara district", "Borovskoy"],
    ],
  },
  KZO: {
    name: "Kyzylorda region",
    towns: ["Kyzylorda", "Kyzylorda", "Aralsk", "Kazaly"],
    rural: [
      ["Syrdarya district", "Terenozek"],
      ["Shieli district", "Shieli"],
      ["Zhalagash district", "Zhalagash"],
      ["Karmakshy district", "Zhosaly"],
    ],
  },
  MAN: {
    name: "Mangystau region",
    towns: ["Aktau", "Aktau", "Zhanaozen", "Fort-Shevchenko"],
    rural: [
      ["Munaily district", "Mangystau"],
      ["Karakiya district", "Kuryk"],
      ["Tupkaragan district", "Akshukur"],
      ["Beineu district", "Beineu"],
    ],
  },
  PAV: {
    name: "Pavlodar region",
    towns: ["Pavlodar", "Pavlodar", "Ekibastuz", "Aksu"],
    rural: [
      ["Pavlodar district", "Pavlodarskoye"],
      ["Sharbakty district", "Sharbakty"],
      ["Irtysh district", "Irtyshsk"],
      ["Bayanaul district", "Bayanaul"],
    ],
  },
  SKO: {
    name: "North Kazakhstan region",
    towns: ["Petropavl", "Petropavl", "Bulaevo", "Mamlyut", "Taiynsha"],
    rural: [
      ["Kyzylzhar district", "Bishkul"],
      ["Esil district", "Yavlenka"],
      ["Aiyrtau district", "Saumalkol"],
      ["Akkayin district", "Smirnovo"],
    ],
  },
  TUR: {
    name: "Turkistan region",
    towns: ["Turkistan", "Kentau", "Saryagash", "Arys", "Lenger", "Shardara"],
    rural: [
      ["Sairam district", "Aksukent"],
      ["Ordabasy district", "Temirlan"],
      ["Maktaaral district", "Myrzakent"],
      ["Kazygurt district", "Kazygurt"],
      ["Sozak district", "Sholakkorgan"],
    ],
  },
  ULY: {
    name: "Ulytau region",
    towns: ["Zhezkazgan", "Zhezkazgan", "Satbayev", "Karazhal"],
    rural: [
      ["Ulytau district", "Ulytau"],
      ["Zhanaarka district", "Atasu"],
    ],
  },
  VKO: {
    name: "East Kazakhstan region",
    towns: ["Oskemen", "Oskemen", "Ridder", "Altai", "Serebryansk"],
    rural: [
      ["Glubokoye district", "Glubokoye"],
      ["Ulan district", "Kasym Kaisenov"],
      ["Kurchum district", "Kurchum"],
      ["Tarbagatai district", "Aksuat"],
    ],
  },
};

const STREETS = [
  "Abai st.",
  "Kabanbai Batyr ave.",
  "Tole Bi st.",
  "Baitursynov st.",
  "Zheltoksan st.",
  "Auezov st.",
  "Satpayev st.",
  "Dostyk st.",
  "Kunaev st.",
  "Bukhar Zhyrau st.",
  "Amangeldy st.",
  "Mailin st.",
  "Zhambyl st.",
  "Seifullin st.",
  "Respublika ave.",
  "Tauelsizdik ave.",
  "Gagarin st.",
  "Momyshuly st.",
  "Kenesary st.",
  "Valikhanov st.",
];
const VILLAGE_STREETS = ["Abai st.", "Mektep st.", "Ortalyk st.", "Bereke st.", "Zhastar st.", "Birlik st.", "Baiterek st.", "Tauelsizdik st."];

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];
const int = (min: number, max: number, rnd: () => number) => min + Math.floor(rnd() * (max - min + 1));

function address(region: string, settlement: "1" | "2", rnd: () => number): string {
  const city = CITY_DISTRICTS[region];
  if (city) return `${city.city}, ${pick(city.districts, rnd)}, ${pick(STREETS, rnd)} ${int(1, 180, rnd)}, apt. ${int(1, 240, rnd)}`;
  const p = PLACES[region];
  if (settlement === "1") {
    const flat = rnd() < 0.65;
    return `${pick(p.towns, rnd)}, ${pick(STREETS, rnd)} ${int(1, 120, rnd)}${flat ? `, apt. ${int(1, 120, rnd)}` : ""}`;
  }
  const [district, village] = pick(p.rural, rnd);
  return `${p.name}, ${district}, ${village} village, ${pick(VILLAGE_STREETS, rnd)} ${int(1, 90, rnd)}`;
}
