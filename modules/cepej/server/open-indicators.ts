// Open data of the CEPEJ evaluation: derived indicators of validated replies only, computed without
// the values a reviewer marked "not retained for publication".
import "server-only";
import { getDb } from "@/db/client";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { computeIndicators } from "@/modules/cepej/indicators";
import { flagsOf } from "./workflow";

export type OpenIndicator = { cycle: string; country: string; countryName: string; indicator: string; label: string; unit: string; value: number | null };

export function validatedIndicators(): OpenIndicator[] {
  const replies = getDb().$client.prepare(
    `select r.id, r.cycle_slug as cycle, r.country_code as country, c.name as countryName
       from responses r join countries c on c.code = r.country_code
      where r.status = 'validated' and r.cycle_slug is not null order by r.cycle_slug, c.name`,
  ).all() as { id: number; cycle: string; country: string; countryName: string }[];
  return replies.flatMap((r) => {
    const stored = loadAnswers(getDb(), r.id);
    const withheld = new Set(flagsOf(r.id).map((f) => f.cell));
    const read = (k: string) => (withheld.has(k) ? undefined : stored.get(k)?.answer);
    return computeIndicators(read).map((i) => ({ cycle: r.cycle, country: r.country, countryName: r.countryName, indicator: i.id, label: i.label, unit: i.unit, value: i.value }));
  });
}

export const CEPEJ_METADATA = {
  title: "CEPEJ evaluation: derived indicators of validated replies",
  source: "Replies of national correspondents to the CEPEJ evaluation questionnaire, validated by the secretariat",
  unit: "as given per indicator (%, days, per 100 000 inhabitants, €)",
  note: "Values not retained for publication are left out; an indicator that needs one is empty.",
};
