// Open data (public, no login): registered crimes by region and year in the style of the
// statistics release, with CSV/JSON downloads and metadata; the validated CEPEJ indicators.
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/lib/ui/bar-chart";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { countryName, regionName } from "@/lib/i18n/reference";
import { lastUpdated, nationalSeries, registeredCrimes } from "@/modules/reporting/server/open-data";
import { listWaves } from "@/modules/survey/server/households";
import { validatedIndicators } from "@/modules/cepej/server/open-indicators";
import { publishedCycles } from "@/modules/cepej/server/dashboard";
import { PublishedDashboards } from "@/modules/cepej/components/published-dashboards";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("openData.title")} — ${t("app.name")}` };
}

export default page(async ({ db }) => {
  const [t, locale, format] = await Promise.all([getTranslations("openData"), getLocale(), getFormatter()]);
  const series = await nationalSeries(db);
  const rows = await registeredCrimes(db);
  const latest = series.at(-1);
  const before = series.at(-2);
  const byRegion = latest ? rows.filter((r) => r.period === latest.year).sort((a, b) => b.registered - a.registered) : [];
  const prev = new Map(before ? rows.filter((r) => r.period === before.year).map((r) => [r.region, r.registered]) : []);
  const change = latest && before ? (latest.registered - before.registered) / before.registered : null;
  const percent = (share: number) => format.number(share, { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = (n: number) => format.number(n);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted" data-testid="licence">
        {t.rich("licence", {
          link: (chunks) => (
            <a href={OPEN_DATA_LICENCE.url} translate="no" lang="en">
              {chunks}
            </a>
          ),
        })}{" "}
        <a href="/api/open-data/catalog">{t("catalog")}</a>
      </p>
      <section className="card" data-testid="crimes">
        <h2>{t("crimes.title")}</h2>
        {latest && (
          <p className="key-figure">
            {t.rich("crimes.keyFigure", { count: latest.registered, year: latest.year, strong: (chunks) => <strong>{chunks}</strong> })}
            {change !== null && <> {t("crimes.change", { change: percent(change), previous: before!.year })}</>}.
            {byRegion.length >= 3 && (
              <>
                {" "}
                {t("crimes.largest", {
                  regions: byRegion
                    .slice(0, 3)
                    .map((r) => `${regionName(r.region, locale)} (${count(r.registered)})`)
                    .join(", "),
                })}
              </>
            )}
          </p>
        )}
        <BarChart title={t("crimes.chart")} data={series.slice(-10).map((s) => ({ label: s.year, value: s.registered }))} format={count} />
        <p className="muted">
          {t("sourceLine", { source: t("crimes.source"), unit: t("crimes.unit"), date: formatDate((await lastUpdated(db)).slice(0, 10), locale) })}{" "}
          {t("crimes.note")} {t("crimes.provisional")}
        </p>
        <p>
          {t("download")} <a href="/api/open-data/registered-crimes?format=csv">CSV</a> · <a href="/api/open-data/registered-crimes?format=json">JSON</a> ·{" "}
          <a href="/api/open-data/registered-crimes?format=sdmx-csv">{t("sdmxCsv")}</a>
        </p>
        {latest && (
          <table className="list" data-testid="crimes-by-region">
            <thead>
              <tr>
                <th>{t("region")}</th>
                <th>{latest.year}</th>
                <th>{before?.year}</th>
                <th>{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {byRegion.map((r) => {
                const p = prev.get(r.region);
                return (
                  <tr key={r.region}>
                    <td>{regionName(r.region, locale)}</td>
                    <td>{count(r.registered)}</td>
                    <td>{p !== undefined ? count(p) : "—"}</td>
                    <td>{p ? percent((r.registered - p) / p) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="survey-open">
        <h2>{t("survey.title")}</h2>
        <ul>
          {(await listWaves(db))
            .filter((w) => w.publishedAt)
            .map((w) => (
              <li key={w.year}>
                <a href={`/survey/waves/${w.year}/results`}>{t("survey.wave", { year: String(w.year) })}</a> — {t("survey.keyIndicators")}{" "}
                <a href={`/api/survey/waves/${w.year}/results`}>JSON</a> · {t("survey.tables")}{" "}
                <a href={`/api/survey/waves/${w.year}/tables?format=csv`}>CSV</a> · <a href={`/api/survey/waves/${w.year}/tables?format=xlsx`}>XLSX</a>
                <span className="muted"> {t("survey.note", { date: formatDate(w.publishedAt!.slice(0, 10), locale) })}</span>
              </li>
            ))}
        </ul>
      </section>
      <CepejIndicators rows={await validatedIndicators(db)} />
      <PublishedDashboards cycles={await publishedCycles(db)} />
    </>
  );
});

async function CepejIndicators({ rows }: { rows: Awaited<ReturnType<typeof validatedIndicators>> }) {
  const [t, tUnit, locale, format] = await Promise.all([getTranslations("openData"), getTranslations("indicators.unit"), getLocale(), getFormatter()]);
  const reply = (r: (typeof rows)[number]) => `${r.cycle} · ${countryName(r.country, r.countryName, locale)}`;
  const replies = [...new Set(rows.map(reply))];
  const unit = (u: string) => (u === "%" || u === "€" ? u : tUnit(u === "days" ? "days" : "per100k"));
  return (
    <section className="card" data-testid="cepej-open">
      <h2>{t("cepej.title")}</h2>
      <p className="muted">
        {t("cepej.source")}. {t("cepej.note")}
      </p>
      <p>
        {t("cepej.replies", { replies: replies.join(", ") || t("cepej.none") })} {t("download")} <a href="/api/open-data/cepej-indicators?format=csv">CSV</a> ·{" "}
        <a href="/api/open-data/cepej-indicators?format=json">JSON</a>
      </p>
      <table className="list">
        <thead>
          <tr>
            <th>{t("cepej.reply")}</th>
            <th>{t("cepej.indicator")}</th>
            <th>{t("cepej.value")}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => !r.indicator.startsWith("clearance-rate:") && !r.indicator.startsWith("disposition-time:"))
            .map((r) => (
              <tr key={`${r.cycle}-${r.country}-${r.indicator}`}>
                <td>{reply(r)}</td>
                {/* The indicators are named in CEPEJ's English, like its questionnaire. */}
                <td lang="en">{r.label}</td>
                <td>
                  {r.value === null ? "—" : format.number(r.value, { maximumFractionDigits: 3 })} {unit(r.unit)}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
