// GET /api/survey/waves/{year}/results — weighted key indicators (percent by code, one decimal, and
// the unweighted n) overall and by region, from the wave's tallies. Admins; everyone once the wave is published.
import { problem } from "@/lib/http/json-body";
import { waveKeyIndicators } from "@/modules/survey/server/results";
import { canSeeResults, waveParam } from "@/modules/survey/server/access";

export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year, wave } = await waveParam(params);
  if (!wave) return problem(404, "No such wave.");
  const access = await canSeeResults(wave);
  if (!access.ok) return access.response;
  const { interviews, overall, byRegion } = waveKeyIndicators(year);
  return Response.json({ wave: year, interviews, overall, byRegion });
}
