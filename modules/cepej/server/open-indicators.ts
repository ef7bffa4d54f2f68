// Open data of the CEPEJ evaluation: derived indicators of validated replies only, computed without
// the values a reviewer marked "not retained for publication".
import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { countries, responses } from "@/db/schema";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { computeIndicators } from "@/modules/cepej/indicators";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { flagsOf } from "./workflow";

type OpenIndicator = { cycle: string; country: string; countryName: string; indicator: string; label: string; unit: string; value: number | null };

export async function validatedIndicators(db: Executor): Promise<OpenIndicator[]> {
  const replies = await db
    .select({ id: responses.id, cycle: responses.cycleSlug, country: countries.code, countryName: countries.name })
    .from(responses)
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(and(eq(responses.status, "validated"), isNotNull(responses.cycleSlug)))
    .orderBy(responses.cycleSlug, countries.name);
  const indicators: OpenIndicator[] = [];
  for (const r of replies) {
    const stored = await loadAnswers(db, r.id);
    const withheld = new Set((await flagsOf(db, r.id)).map((f) => f.cell));
    const read = (k: string) => (withheld.has(k) ? undefined : stored.get(k)?.answer);
    indicators.push(
      ...computeIndicators(read).map((i) => ({
        cycle: r.cycle!,
        country: r.country,
        countryName: r.countryName,
        indicator: i.id,
        label: i.label,
        unit: i.unit,
        value: i.value,
      })),
    );
  }
  return indicators;
}

export const CEPEJ_METADATA = {
  title: "CEPEJ evaluation: derived indicators of validated replies",
  source: "Replies of national correspondents to the CEPEJ evaluation questionnaire, validated by the secretariat",
  unit: "as given per indicator (%, days, per 100 000 inhabitants, €)",
  note: "Values not retained for publication are left out; an indicator that needs one is empty.",
  license: OPEN_DATA_LICENCE.url,
  licenseTitle: OPEN_DATA_LICENCE.title,
};
