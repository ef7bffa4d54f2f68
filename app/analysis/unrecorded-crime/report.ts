// The unrecorded-crime comparison of a year, composed here because it joins two features: the
// survey side and the mappings (modules/analysis), the registered counts (modules/reporting).
// The page and the API route both answer from this one function.
import "server-only";
import type { Executor } from "@/db/transaction";
import { currentUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { unrecordedCrimeReport, type UnrecordedCrimeReport } from "@/modules/analysis/server/unrecorded";
import { registeredByLine, registeredCount } from "@/modules/reporting/server/registered";

export async function unrecordedCrimeOf(db: Executor, year: number): Promise<UnrecordedCrimeReport> {
  const registered = await registeredByLine(db, year);
  return unrecordedCrimeReport(db, year, {
    complete: registered.complete,
    months: registered.months,
    count: (region, lines) => registeredCount(registered, region, lines),
  });
}

/** Administrators always; everyone once both the survey wave and the year's 1-M are published. */
export async function mayReadComparison(report: UnrecordedCrimeReport): Promise<"ok" | "signIn" | "forbidden"> {
  const user = await currentUser();
  if (report.published || decide(user, "read", { kind: "administration" }).allowed) return "ok";
  return user ? "forbidden" : "signIn";
}
