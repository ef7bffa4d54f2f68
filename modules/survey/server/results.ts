// Results of a wave: the weighted estimates of modules/survey/estimate.ts from the wave's tallies
// (survey_tallies, modules/survey/server/tallies.ts: a few thousand rows whatever the number of interviews).
// approvedInterviews (every approved interview read back from its stored cells) is the reference
// computation the tallies are tested against (modules/survey/server/results-exports.test.ts).
import "server-only";
import type { Executor } from "@/db/transaction";
import { each } from "@/db/sql";
import type { Answer } from "@/modules/questionnaire/answers";
import type { Interview } from "../estimate";
import { answersToInterview } from "../records";
import { APPROVED_INTERVIEW_CELLS } from "./survey.sql";

/** Every approved interview of the wave, in one pass over the joined cells (reference; tests). */
export async function approvedInterviews(db: Executor, wave: number): Promise<Interview[]> {
  type Row = [number, string, string, "1" | "2", number, string, number | null, string | null];
  const out: Interview[] = [];
  let current: number | null = null;
  let household: { household_id: string; region: string; settlement: "1" | "2"; weight: number } | null = null;
  let cells: [string, Answer][] = [];
  const flush = () => {
    if (household) out.push(answersToInterview(household, cells));
  };
  await each<Row>(
    db,
    APPROVED_INTERVIEW_CELLS,
    [wave],
    ([id, hid, region, settlement, weight, cell, num, text]) => {
      if (id !== current) {
        flush();
        current = id;
        household = { household_id: hid, region, settlement, weight };
        cells = [];
      }
      cells.push([cell, { num, text, status: null }]);
    },
    { arrays: true },
  );
  flush();
  return out;
}

import {
  distribution,
  distributionsFromTallies,
  keyIndicatorsFromTallies,
  topReasons,
  topReasonsFromTallies,
  type GroupBy,
  type GroupDistribution,
  type KeyIndicators,
  type IndicatorShares,
} from "../estimate";
import { KEY_INDICATORS, TRUST, SAFETY, TRUST_BODIES } from "../codes";
import { waveTalliesBy, type Tally } from "./tallies";
import { changeOf, type WaveEstimate } from "../change";

/** An estimate with its change from the previous wave (percentage points by code) and whether each
 *  change is significant at 95 % (modules/survey/change.ts); both null without a previous wave or
 *  when either wave has no interviews in the group. */
export type WithChange = GroupDistribution & { change: Record<string, number> | null; significant: Record<string, boolean> | null };
const withChange = (now: GroupDistribution, before: GroupDistribution | undefined | null): WithChange => {
  const c = changeOf(before, now);
  return { ...now, change: c?.change ?? null, significant: c?.significant ?? null };
};

export type WaveResults = {
  wave: number;
  previousWave: number | null;
  interviews: number;
  overall: Record<string, WithChange>;
  /** By breakdown, key indicator and group. */
  by: Record<GroupBy, Record<string, Record<string, WithChange>>>;
  topUnsafeReasons: { code: string; label: string; share: number }[];
};

const LABELS: Record<string, string> = { ...Object.fromEntries(TRUST_BODIES.map((b) => [b.code, b.label])), safe_day: "Safe alone in the area in the daytime" };
export const indicatorLabel = (code: string) => LABELS[code] ?? code;
export const scaleOf = (code: string) => (code === "safe_day" ? SAFETY : TRUST);

/** What waveResults needs of a wave's data: from the tallies, or (the reference) from interviews. */
export type ResultsSource = {
  interviews: number;
  distribution: (variable: (typeof KEY_INDICATORS)[number], options?: { by?: GroupBy }) => Record<string, GroupDistribution>;
  topUnsafeReasons: () => { code: string; label: string; share: number }[];
};

/**
 * From tally rows: `rows(by)` gives rows that hold the breakdown `by` (the overall figures and the
 * top reasons use the region rows: every completed interview has a region). Every key indicator of
 * a breakdown is accumulated in one pass over its rows (memoized).
 */
function talliesSource(rows: (by: GroupBy) => readonly Tally[]): ResultsSource {
  const passes = new Map<GroupBy | undefined, Record<string, Record<string, GroupDistribution>>>();
  return {
    interviews: rows("region").reduce((n, t) => (t.variable === "result" ? n + t.n : n), 0),
    distribution: (v, o = {}) => {
      let all = passes.get(o.by);
      if (!all) passes.set(o.by, (all = distributionsFromTallies(rows(o.by ?? "region"), KEY_INDICATORS, o)));
      return all[v];
    },
    topUnsafeReasons: () => topReasonsFromTallies(rows("region"), "unsafe_reasons", 3),
  };
}

/** The tally rows of a wave by each breakdown, read from survey_tallies once each (summed in SQL). */
async function waveTallySource(db: Executor, wave: number): Promise<ResultsSource> {
  const read = new Map<GroupBy, Tally[]>();
  for (const by of ["region", "settlement", "sex", "ageGroup"] as GroupBy[]) read.set(by, await waveTalliesBy(db, wave, by));
  return talliesSource((by) => read.get(by)!);
}

/** The reference computation, interview by interview (tests compare the tallies with it). */
export const interviewsSource = (interviews: readonly Interview[]): ResultsSource => ({
  interviews: interviews.filter((i) => i.result === "1").length,
  distribution: (v, o) => distribution(interviews, v, o),
  topUnsafeReasons: () => topReasons(interviews, "unsafe_reasons", 3),
});

/** Everything the results page and its downloads show, from a wave's (and the previous wave's) data. */
export function resultsOf(wave: number, previousWave: number | null, now: ResultsSource, previous: ResultsSource | null): WaveResults {
  const overall: WaveResults["overall"] = {};
  for (const v of KEY_INDICATORS) overall[v] = withChange(now.distribution(v).total, previous?.distribution(v).total);
  const by = {} as WaveResults["by"];
  for (const g of ["region", "settlement", "sex", "ageGroup"] as GroupBy[]) {
    by[g] = Object.fromEntries(
      KEY_INDICATORS.map((v) => {
        const groups = now.distribution(v, { by: g });
        const before = previous?.distribution(v, { by: g });
        return [v, Object.fromEntries(Object.entries(groups).map(([key, d]) => [key, withChange(d, before?.[key])]))];
      }),
    );
  }
  return { wave, previousWave, interviews: now.interviews, overall, by, topUnsafeReasons: now.topUnsafeReasons() };
}

/** Everything the results page and its downloads show: from the wave's tallies (survey_tallies). */
export async function waveResults(db: Executor, wave: number, previousWave: number | null): Promise<WaveResults> {
  return resultsOf(wave, previousWave, await waveTallySource(db, wave), previousWave ? await waveTallySource(db, previousWave) : null);
}

/**
 * A wave whose fieldwork has not ended and that is not published: its results are provisional
 * (they change as interviews are approved). `today` as YYYY-MM-DD.
 */
export function isProvisional(wave: { fieldworkEnd: string; publishedAt: string | null }, today = new Date().toISOString().slice(0, 10)): boolean {
  return !wave.publishedAt && today <= wave.fieldworkEnd;
}

/** The results route's key indicators (overall and by region) and completed-interview count, from the tallies. */
export async function waveKeyIndicators(db: Executor, wave: number): Promise<KeyIndicators & { interviews: number }> {
  const tallies = await waveTalliesBy(db, wave, "region");
  return { interviews: talliesSource(() => tallies).interviews, ...keyIndicatorsFromTallies(tallies) };
}

/** A key indicator of the API shape as a wave estimate: the shares are every key but "n" and the precision. */
const estimateOf = (x: IndicatorShares | undefined): WaveEstimate | null =>
  x ? { n: x.n, se: x.se, shares: Object.fromEntries(Object.entries(x).filter(([k]) => !NOT_SHARES.has(k))) as Record<string, number> } : null;
const NOT_SHARES = new Set(["n", "se", "ci95", "deff"]);
type WithWaveChange = IndicatorShares & { change: Record<string, number> | null; changeSignificant: Record<string, boolean> | null };

/**
 * The results route's key indicators with, beside each, its change from `previousWave` (percentage
 * points by code) and whether each change is significant at 95 % (null without a previous wave).
 */
export async function waveKeyIndicatorsWithChange(
  db: Executor,
  wave: number,
  previousWave: number | null,
): Promise<{ interviews: number; overall: Record<string, WithWaveChange>; byRegion: Record<string, Record<string, WithWaveChange>> }> {
  const now = await waveKeyIndicators(db, wave);
  const before = previousWave ? keyIndicatorsFromTallies(await waveTalliesBy(db, previousWave, "region")) : null;
  const annotate = (set: Record<string, IndicatorShares>, prev: Record<string, IndicatorShares> | undefined) =>
    Object.fromEntries(
      Object.entries(set).map(([v, x]) => {
        const c = changeOf(estimateOf(prev?.[v]), estimateOf(x));
        return [v, Object.assign({}, x, { change: c?.change ?? null, changeSignificant: c?.significant ?? null }) as WithWaveChange];
      }),
    );
  return {
    interviews: now.interviews,
    overall: annotate(now.overall, before?.overall),
    byRegion: Object.fromEntries(Object.entries(now.byRegion).map(([r, set]) => [r, annotate(set, before?.byRegion[r])])),
  };
}
