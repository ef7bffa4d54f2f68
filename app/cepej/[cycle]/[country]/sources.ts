// What other sources say about a CEPEJ reply's cells, composed here because they are other
// features' data: national report figures (modules/reporting, through the mappings of
// modules/analysis) and the household survey's trust in courts (modules/survey).
import "server-only";
import type { Executor } from "@/db/transaction";
import { nationalMappingsOf, type NationalFigure } from "@/modules/analysis/cepej-national";
import { registeredByLine, registeredCount } from "@/modules/reporting/server/registered";
import { listWaves } from "@/modules/survey/server/households";
import { waveKeyIndicators } from "@/modules/survey/server/results";
import type { TrustReference } from "@/modules/cepej/components/source-references";

/** The national figure of each mapped cell of the reply, for the cycle's reference year (only from a
 *  year whose monthly reports are all accepted: a part-year sum is no figure for the year). */
export async function nationalFigures(
  db: Executor,
  reply: { questionnaireId: string; countryCode: string | null },
  year: number,
): Promise<Record<string, NationalFigure>> {
  const mappings = reply.countryCode ? nationalMappingsOf(reply.questionnaireId, reply.countryCode) : [];
  if (!mappings.length) return {};
  const registered = await registeredByLine(db, year);
  if (!registered.complete) return {};
  const out: Record<string, NationalFigure> = {};
  for (const m of mappings) {
    const num = registeredCount(registered, null, [m.line]);
    if (num !== null) out[m.cell] = { mapping: m.id, num, threshold: m.threshold, source: `${m.source}, ${year}`, year };
  }
  return out;
}

/** The latest published wave's trust in the judicial system (trust_courts), for the questions on
 *  trust and satisfaction surveys; null without a published wave. */
export async function trustInCourts(db: Executor): Promise<TrustReference | null> {
  const wave = (await listWaves(db)).find((w) => w.publishedAt);
  if (!wave) return null;
  const k = (await waveKeyIndicators(db, wave.year)).overall.trust_courts;
  if (!k) return null;
  return {
    wave: wave.year,
    n: k.n,
    fully: k["1"] ?? 0,
    partially: k["2"] ?? 0,
    ci95: k.ci95["1"] ?? [0, 0],
  };
}
