// Open data (public, no login): registered crimes by region and year in the style of the
// statistics release, with CSV/JSON downloads and metadata; the validated CEPEJ indicators.
import { BarChart } from "@/lib/ui/bar-chart";
import { page } from "@/lib/http/route";
import { CRIMES_METADATA, lastUpdated, nationalSeries, registeredCrimes } from "@/modules/reporting/server/open-data";
import { listWaves } from "@/modules/survey/server/households";
import { CEPEJ_METADATA, validatedIndicators } from "@/modules/cepej/server/open-indicators";

export const metadata = { title: "Open data — Justice Statistics" };

export default page(({ db }) => {
  const series = nationalSeries(db);
  const rows = registeredCrimes(db);
  const latest = series.at(-1);
  const before = series.at(-2);
  const byRegion = latest ? rows.filter((r) => r.period === latest.year).sort((a, b) => b.registered - a.registered) : [];
  const prev = new Map(before ? rows.filter((r) => r.period === before.year).map((r) => [r.region, r.registered]) : []);
  const change = latest && before ? ((latest.registered - before.registered) / before.registered) * 100 : null;
  return (
    <>
      <h1>Open data</h1>
      <section className="card" data-testid="crimes">
        <h2>{CRIMES_METADATA.title}</h2>
        {latest && (
          <p className="key-figure">
            <strong>{latest.registered.toLocaleString("en-US")}</strong> criminal offences registered in {latest.year}
            {change !== null && (
              <>
                {" "}
                ({change > 0 ? "+" : ""}
                {change.toFixed(1)} % on {before!.year})
              </>
            )}
            .
            {byRegion.length >= 3 && (
              <>
                {" "}
                The largest numbers:{" "}
                {byRegion
                  .slice(0, 3)
                  .map((r) => `${r.regionName} (${r.registered.toLocaleString("en-US")})`)
                  .join(", ")}
                .
              </>
            )}
          </p>
        )}
        <BarChart title="Registered criminal offences, 10 years" data={series.slice(-10).map((s) => ({ label: s.year, value: s.registered }))} />
        <p className="muted">
          Source: {CRIMES_METADATA.source}. Unit: {CRIMES_METADATA.unit}. Last updated: {lastUpdated(db).slice(0, 10)}. {CRIMES_METADATA.note}
        </p>
        <p>
          Download: <a href="/api/open-data/registered-crimes?format=csv">CSV</a> · <a href="/api/open-data/registered-crimes?format=json">JSON</a>
        </p>
        {latest && (
          <table className="list" data-testid="crimes-by-region">
            <thead>
              <tr>
                <th>Region</th>
                <th>{latest.year}</th>
                <th>{before?.year}</th>
                <th>Change</th>
              </tr>
            </thead>
            <tbody>
              {byRegion.map((r) => {
                const p = prev.get(r.region);
                return (
                  <tr key={r.region}>
                    <td>{r.regionName}</td>
                    <td>{r.registered.toLocaleString("en-US")}</td>
                    <td>{p?.toLocaleString("en-US") ?? "—"}</td>
                    <td>{p ? `${(((r.registered - p) / p) * 100).toFixed(1)} %` : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="survey-open">
        <h2>Public confidence in law enforcement and the judiciary (household survey)</h2>
        <ul>
          {listWaves(db)
            .filter((w) => w.publishedAt)
            .map((w) => (
              <li key={w.year}>
                <a href={`/survey/waves/${w.year}/results`}>Wave {w.year}</a> — key indicators: <a href={`/api/survey/waves/${w.year}/results`}>JSON</a> ·
                tables <a href={`/api/survey/waves/${w.year}/tables?format=csv`}>CSV</a> · <a href={`/api/survey/waves/${w.year}/tables?format=xlsx`}>XLSX</a>
                <span className="muted">
                  {" "}
                  (Bureau of National Statistics; weighted shares of completed interviews, %; published {w.publishedAt!.slice(0, 10)})
                </span>
              </li>
            ))}
        </ul>
      </section>
      <CepejIndicators rows={validatedIndicators(db)} />
    </>
  );
});

function CepejIndicators({ rows }: { rows: ReturnType<typeof validatedIndicators> }) {
  const replies = [...new Set(rows.map((r) => `${r.cycle} · ${r.countryName}`))];
  return (
    <section className="card" data-testid="cepej-open">
      <h2>{CEPEJ_METADATA.title}</h2>
      <p className="muted">
        {CEPEJ_METADATA.source}. {CEPEJ_METADATA.note}
      </p>
      <p>
        Validated replies: {replies.join(", ") || "none yet"}. Download: <a href="/api/open-data/cepej-indicators?format=csv">CSV</a> ·{" "}
        <a href="/api/open-data/cepej-indicators?format=json">JSON</a>
      </p>
      <table className="list">
        <thead>
          <tr>
            <th>Reply</th>
            <th>Indicator</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => !r.indicator.startsWith("clearance-rate:") && !r.indicator.startsWith("disposition-time:"))
            .map((r) => (
              <tr key={`${r.cycle}-${r.country}-${r.indicator}`}>
                <td>
                  {r.cycle} · {r.countryName}
                </td>
                <td>{r.label}</td>
                <td>
                  {r.value ?? "—"} {r.unit}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
