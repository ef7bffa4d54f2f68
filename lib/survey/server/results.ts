// Results of a wave: approved interviews read back from their stored cells, and the weighted
// estimates of lib/survey/estimate.ts.
import "server-only";
import { getDb } from "@/db/client";
import type { Answer } from "@/lib/questionnaire/answers";
import type { Interview } from "../estimate";
import { answersToInterview } from "../records";

/** Every approved interview of the wave, in one pass over the joined cells. */
export function approvedInterviews(wave: number): Interview[] {
  const rows = getDb().$client.prepare(
    `select h.id, h.household_id, h.region, h.settlement, h.weight, a.cell, a.num, a.text
       from survey_households h join answers a on a.response_id = h.response_id
      where h.wave = ? and h.status = 'approved' order by h.id`,
  ).raw().iterate(wave) as Iterable<[number, string, string, "1" | "2", number, string, number | null, string | null]>;
  const out: Interview[] = [];
  let current: number | null = null;
  let household: { household_id: string; region: string; settlement: "1" | "2"; weight: number } | null = null;
  let cells: [string, Answer][] = [];
  const flush = () => { if (household) out.push(answersToInterview(household, cells)); };
  for (const [id, hid, region, settlement, weight, cell, num, text] of rows) {
    if (id !== current) {
      flush();
      current = id;
      household = { household_id: hid, region, settlement, weight };
      cells = [];
    }
    cells.push([cell, { num, text, status: null }]);
  }
  flush();
  return out;
}

import { distribution, topReasons, type GroupBy, type GroupDistribution } from "../estimate";
import { KEY_INDICATORS, TRUST, SAFETY, TRUST_BODIES } from "../codes";

export type WaveResults = {
  wave: number;
  previousWave: number | null;
  interviews: number;
  overall: Record<string, GroupDistribution & { change: Record<string, number> | null }>;
  by: Record<GroupBy, Record<string, Record<string, GroupDistribution>>>;
  topUnsafeReasons: { code: string; label: string; share: number }[];
};

const LABELS: Record<string, string> = { ...Object.fromEntries(TRUST_BODIES.map((b) => [b.code, b.label])), safe_day: "Safe alone in the area in the daytime" };
export const indicatorLabel = (code: string) => LABELS[code] ?? code;
export const scaleOf = (code: string) => (code === "safe_day" ? SAFETY : TRUST);

/** Everything the results page and its downloads show, from the approved interviews. */
export function waveResults(wave: number, previousWave: number | null): WaveResults {
  const interviews = approvedInterviews(wave);
  const previous = previousWave ? approvedInterviews(previousWave) : null;
  const overall: WaveResults["overall"] = {};
  for (const v of KEY_INDICATORS) {
    const now = distribution(interviews, v).total;
    const before = previous ? distribution(previous, v).total : null;
    overall[v] = { ...now, change: before ? Object.fromEntries(Object.keys(now.shares).map((c) => [c, Math.round(((now.shares[c] ?? 0) - (before.shares[c] ?? 0)) * 10) / 10])) : null };
  }
  const by = {} as WaveResults["by"];
  for (const g of ["region", "settlement", "sex", "ageGroup"] as GroupBy[]) {
    by[g] = Object.fromEntries(KEY_INDICATORS.map((v) => [v, distribution(interviews, v, { by: g })]));
  }
  return { wave, previousWave, interviews: interviews.filter((i) => i.result === "1").length, overall, by, topUnsafeReasons: topReasons(interviews, "unsafe_reasons", 3) };
}
