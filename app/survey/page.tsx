// The household survey, as each role sees it: administrators manage waves; supervisors assign and
// review in their regions; interviewers see their own assignments.
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { householdsFor, interviewersOf, listWaves, myAssignments, statusCounts } from "@/modules/survey/server/households";
import { AssignTable } from "@/modules/survey/components/assign-form";
import { WaveAdmin } from "@/modules/survey/components/wave-admin";
import { REGIONS } from "@/db/reference-data";

export default page(async ({ searchParams, db }) => {
  const user = await requireUser();
  if (!["admin", "supervisor", "interviewer"].includes(user.role)) forbidden();
  const p = pageQuery(searchParams);
  const s = { region: p.one("region"), settlement: p.one("settlement"), status: p.one("status") };
  const waves = listWaves(db);

  if (user.role === "interviewer") {
    const mine = myAssignments(db, user.id);
    return (
      <>
        <h1>My interviews</h1>
        <table className="list" data-testid="my-assignments">
          <thead>
            <tr>
              <th>Wave</th>
              <th>Household</th>
              <th>Region</th>
              <th>Address</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((h) => (
              <tr key={h.id} data-household={h.householdId}>
                <td>{h.wave}</td>
                <td>
                  <Link href={`/survey/interviews/${h.id}`}>{h.householdId}</Link>
                </td>
                <td>{h.region}</td>
                <td>{h.address}</td>
                <td>{h.status.replace("_", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }

  // A wave that does not exist (or is not a year) shows the latest one.
  const asked = p.int("wave", { min: 1900, max: 2999 });
  const wave = waves.find((w) => w.year === asked)?.year ?? waves[0]?.year ?? 0;
  const { rows, total } = householdsFor(db, user, wave, s);
  const counts = statusCounts(db, user, wave);
  const scope = scopeOf(user);
  const regions = REGIONS.filter((r) => !scope.regions || scope.regions.includes(r.code));
  return (
    <>
      <h1>Household survey {wave}</h1>
      {user.role === "admin" && (
        <WaveAdmin waves={waves.map((w) => ({ year: w.year, fieldwork: `${w.fieldworkStart} – ${w.fieldworkEnd}`, published: !!w.publishedAt }))} />
      )}
      <p data-testid="status-counts">
        {counts.map((c) => `${c.status.replace("_", " ")}: ${c.n}`).join(" · ")} · <Link href={`/survey/waves/${wave}/results`}>Results</Link>
      </p>
      <form method="get" className="inline-form">
        <select name="wave" defaultValue={wave} aria-label="Wave">
          {waves.map((w) => (
            <option key={w.year} value={w.year}>
              {w.year}
            </option>
          ))}
        </select>
        <select name="region" defaultValue={s.region ?? ""} aria-label="Region">
          <option value="">All my regions</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
        <select name="settlement" defaultValue={s.settlement ?? ""} aria-label="Settlement">
          <option value="">Urban and rural</option>
          <option value="1">Urban</option>
          <option value="2">Rural</option>
        </select>
        <select name="status" defaultValue={s.status ?? ""} aria-label="Status">
          <option value="">All statuses</option>
          {["unassigned", "assigned", "in_progress", "completed", "rejected", "approved"].map((x) => (
            <option key={x} value={x}>
              {x.replace("_", " ")}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      <p className="muted">
        {total} households{total > rows.length ? `, the first ${rows.length} shown` : ""}.
      </p>
      <AssignTable
        rows={rows.map(({ h, interviewer }) => ({
          id: h.id,
          householdId: h.householdId,
          region: h.region,
          settlement: h.settlement,
          address: h.address,
          status: h.status,
          interviewer,
        }))}
        interviewers={interviewersOf(db, user)}
      />
    </>
  );
});
