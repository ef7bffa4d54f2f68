// GET /api/survey/waves/{year}/results — weighted key indicators (percent by code, one decimal, and
// the unweighted n, with "se", "ci95" and "deff" by code: standard error and 95 % interval in
// percentage points, design effect, two decimals) overall and by region, from the wave's tallies;
// "provisional" while the wave is in fieldwork. Admins; everyone once the wave is published.
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { isProvisional, waveKeyIndicators } from "@/modules/survey/server/results";
import { canSeeResults, waveParam } from "@/modules/survey/server/access";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ year: string }>(async ({ params, db }) => {
  const { year, wave } = waveParam(db, params.year);
  if (!wave) return problem(404, refusal("noSuchWave"));
  const access = await canSeeResults(wave);
  if (!access.ok) return access.response;
  const { interviews, overall, byRegion } = waveKeyIndicators(db, year);
  return Response.json({ wave: year, provisional: isProvisional(wave), interviews, overall, byRegion });
});
