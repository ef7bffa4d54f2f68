// GET /api/survey/waves/{year}/results — weighted key indicators (percent by code, one decimal, and
// the unweighted n, with "se", "ci95" and "deff" by code: standard error and 95 % interval in
// percentage points, design effect, two decimals) overall and by region, from the wave's tallies,
// each with "change" (percentage points from the previous wave, by code) and "changeSignificant"
// (the change is significant at 95 %), null without a previous wave; "provisional" while the wave
// is in fieldwork. Admins; everyone once the wave is published.
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { isProvisional, waveKeyIndicatorsWithChange } from "@/modules/survey/server/results";
import { findWave } from "@/modules/survey/server/households";
import { canSeeResults, waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ year: string }>(async ({ params, db }) => {
  const { year, wave } = await waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const access = await canSeeResults(wave);
  if (!access.ok) return access.response;
  const previousWave = (await findWave(db, year - 1)) ? year - 1 : null;
  const { interviews, overall, byRegion } = await waveKeyIndicatorsWithChange(db, year, previousWave);
  return Response.json({ wave: year, previousWave, provisional: isProvisional(wave), interviews, overall, byRegion });
});
