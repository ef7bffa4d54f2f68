// GET /api/analysis/unrecorded-crime?year=2025 — per region and offence mapping: the survey's
// weighted estimates (households victimised, households that reported, the reporting rate, with 95 %
// intervals from the design), the offences registered in form 1-M, the ratios, and the caveats.
// Administrators; everyone once the survey wave and the year's 1-M reports are published.
import { MAX_YEAR, MIN_YEAR } from "@/lib/dates/dates";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { mayReadComparison, unrecordedCrimeOf } from "@/app/analysis/unrecorded-crime/report";

export const GET = route(async ({ request, db }) => {
  const year = apiQuery(request).int("year", { min: MIN_YEAR, max: MAX_YEAR });
  if (year === undefined) return problem(400, "year is required.");
  const report = await unrecordedCrimeOf(db, year);
  if (!report.wave) return problem(404, "No survey wave for this year.");
  const access = await mayReadComparison(report);
  if (access !== "ok") return problem(access === "signIn" ? 401 : 403, "The comparison of this year is not published yet.");
  return Response.json(report);
});
