// Open data (public, no login): registered crimes by region and year in the style of the
// statistics release, with CSV/JSON downloads and metadata; the validated CEPEJ indicators.
import { BarChart } from "@/components/open-data/bar-chart";
import { CRIMES_METADATA, lastUpdated, nationalSeries, registeredCrimes } from "@/lib/reporting/server/open-data";

export const metadata = { title: "Open data — Justice Statistics" };

export default async function OpenDataPage() {
  const series = nationalSeries();
  const rows = registeredCrimes();
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
            {change !== null && <> ({change > 0 ? "+" : ""}{change.toFixed(1)} % on {before!.year})</>}.
            {byRegion.length >= 3 && <> The largest numbers: {byRegion.slice(0, 3).map((r) => `${r.regionName} (${r.registered.toLocaleString("en-US")})`).join(", ")}.</>}
          </p>
        )}
        <BarChart title="Registered criminal offences, 10 years" data={series.slice(-10).map((s) => ({ label: s.year, value: s.registered }))} />
        <p className="muted">Source: {CRIMES_METADATA.source}. Unit: {CRIMES_METADATA.unit}. Last updated: {lastUpdated().slice(0, 10)}. {CRIMES_METADATA.note}</p>
        <p>Download: <a href="/api/open-data/registered-crimes?format=csv">CSV</a> · <a href="/api/open-data/registered-crimes?format=json">JSON</a></p>
        {latest && (
          <table className="list" data-testid="crimes-by-region">
            <thead><tr><th>Region</th><th>{latest.year}</th><th>{before?.year}</th><th>Change</th></tr></thead>
            <tbody>
              {byRegion.map((r) => {
                const p = prev.get(r.region);
                return <tr key={r.region}><td>{r.regionName}</td><td>{r.registered.toLocaleString("en-US")}</td><td>{p?.toLocaleString("en-US") ?? "—"}</td><td>{p ? `${(((r.registered - p) / p) * 100).toFixed(1)} %` : "—"}</td></tr>;
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
