// Results of a wave: the release's key indicators, weighted, overall and by region, settlement,
// sex and age group (every answer code), with 95 % intervals, the change from the previous wave
// (marked when not significant at 95 %) and the interviews behind every figure.
// Administrators; everyone once the wave is published.
import { notFound, forbidden, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { decide } from "@/lib/auth/policy";
import { findWave } from "@/modules/survey/server/households";
import { isProvisional, waveResults } from "@/modules/survey/server/results";
import { LOW_BASE } from "@/modules/survey/estimate";
import { KEY_INDICATORS, REGIONS, TRUST_BODIES, AGE_GROUPS } from "@/modules/survey/codes";
import { optionLabels } from "@/modules/survey/labels";
import { regionName } from "@/lib/i18n/reference";
import { StackedBars } from "@/modules/survey/components/stacked-bars";
import { Breakdown, type BreakdownTexts } from "@/modules/survey/components/breakdown";
import { pageTitle } from "@/lib/ui/page-title";

export default page<{ year: string }>(async ({ params, db }) => {
  const year = Number(params.year);
  const wave = Number.isInteger(year) ? await findWave(db, year) : undefined;
  if (!wave) notFound();
  const user = await currentUser();
  // Unpublished results are the administration's until the wave is published.
  if (!wave.publishedAt && !decide(user, "read", { kind: "administration" }).allowed) {
    if (!user) redirect(`/login?callbackUrl=/survey/waves/${year}/results`);
    forbidden();
  }
  const previous = (await findWave(db, year - 1)) ? year - 1 : null;
  const r = await waveResults(db, year, previous);
  const [locale, t, tp, format] = await Promise.all([getLocale(), getTranslations("survey"), getTranslations("surveyPrecision"), getFormatter()]);
  const oneDecimal = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (n: number | undefined) => (n === undefined ? "—" : oneDecimal(n));
  const signed = (n: number) => (n > 0 ? "+" : "") + oneDecimal(n);
  const interval = (ci: [number, number] | undefined) => (ci ? tp("interval", { low: oneDecimal(ci[0]), high: oneDecimal(ci[1]) }) : "—");
  const lowBaseTitle = tp("lowBaseTitle", { min: LOW_BASE });
  // Value labels come from the questionnaire's definition, in the user's language.
  const scaleOf = (v: string) => optionLabels(v === "safe_day" ? "safe_day" : "trust_police", locale);
  const indicatorLabel = (v: string) => t(`bodies.${v}` as never);
  const codesOf = (v: string) => Object.keys(scaleOf(v));
  const [tc, tw] = await Promise.all([getTranslations("surveyChange"), getTranslations("survey.waves")]);
  const texts: BreakdownTexts = {
    indicator: indicatorLabel,
    codeLabels: scaleOf,
    chartTitle: (indicator, code) => tc("chartTitle", { indicator, code }),
    interval: (ci) => interval(ci),
    lowBase: tp("lowBase"),
    lowBaseTitle,
    notSignificant: tc("notSignificant"),
    notSignificantTitle: tc("notSignificantTitle"),
    changeTitle: previous ? tc("changeTitle", { previous }) : "",
    format: oneDecimal,
    count: (n) => format.number(n),
    signed,
  };
  const breakdown = (by: "region" | "settlement" | "sex" | "ageGroup", names: Record<string, string>, testId: string) => (
    <div data-testid={testId}>
      <Breakdown by={by} names={names} indicators={KEY_INDICATORS} data={r.by[by]} hasPrevious={!!previous} texts={texts} />
    </div>
  );
  return (
    <>
      <h1>{t("resultsPage.title", { year })}</h1>
      {isProvisional(wave) && (
        <p className="notice provisional" data-testid="provisional">
          {tp("provisional")}
        </p>
      )}
      <p>
        {previous ? t("resultsPage.introWithChange", { count: r.interviews, previous }) : t("resultsPage.intro", { count: r.interviews })}{" "}
        {t("resultsPage.lowBase")}
      </p>
      <p className="muted">{tp("intervalsNote")}</p>
      {previous && <p className="muted">{tc("significanceNote", { mark: tc("notSignificant") })}</p>}
      <p>
        {t("resultsPage.downloadTables")} <a href={`/api/survey/waves/${year}/tables?format=csv`}>CSV</a> ·{" "}
        <a href={`/api/survey/waves/${year}/tables?format=xlsx`}>XLSX</a>
      </p>
      {decide(user, "read", { kind: "administration" }).allowed && (
        <p data-testid="microdata-files">
          {tc("microdataFiles")} <a href={`/api/survey/waves/${year}/microdata?format=csv`}>CSV</a> ·{" "}
          <a href={`/api/survey/waves/${year}/microdata?format=codebook`}>{tw("codebook")}</a> ·{" "}
          <a href={`/api/survey/waves/${year}/microdata?format=sps`}>SPSS</a> ·{" "}
          <a href={`/api/survey/waves/${year}/microdata?format=do`}>{tw("stataSyntax")}</a> ·{" "}
          <a href={`/api/survey/waves/${year}/microdata?format=r`}>{tw("rScript")}</a>
        </p>
      )}
      <section className="card">
        <h2>{t("resultsPage.keyIndicators")}</h2>
        <table className="list results" data-testid="key-indicators">
          <thead>
            <tr>
              <th />
              <th>{t("resultsPage.code")}</th>
              <th>%</th>
              <th>{tp("ci95")}</th>
              {previous && <th>{t("resultsPage.change")}</th>}
              <th>n</th>
            </tr>
          </thead>
          <tbody>
            {KEY_INDICATORS.flatMap((v) =>
              codesOf(v).map((c, i) => (
                <tr key={`${v}-${c}`} data-indicator={v} data-code={c}>
                  {i === 0 && <th rowSpan={codesOf(v).length}>{indicatorLabel(v)}</th>}
                  <td>
                    {c} {scaleOf(v)[c]}
                  </td>
                  <td className="value">{r.overall[v].n ? pct(r.overall[v].shares[c]) : "—"}</td>
                  <td className="ci">{r.overall[v].n ? interval(r.overall[v].ci95[c]) : "—"}</td>
                  {previous && (
                    <td className={r.overall[v].significant?.[c] === false ? "change not-significant" : "change"}>
                      {r.overall[v].change ? signed(r.overall[v].change![c] ?? 0) : "—"}
                      {r.overall[v].significant?.[c] === false ? (
                        <abbr className="ns" title={tc("notSignificantTitle")}>
                          {" "}
                          {tc("notSignificant")}
                        </abbr>
                      ) : null}
                    </td>
                  )}
                  {i === 0 && (
                    <td rowSpan={codesOf(v).length} className={r.overall[v].lowBase ? "low-base" : ""} title={r.overall[v].lowBase ? lowBaseTitle : undefined}>
                      {format.number(r.overall[v].n)}
                      {r.overall[v].lowBase ? <span className="low-base-mark"> {tp("lowBase")}</span> : null}
                    </td>
                  )}
                </tr>
              )),
            )}
          </tbody>
        </table>
        <StackedBars
          title={t("resultsPage.trustChart")}
          format={oneDecimal}
          codes={["1", "2", "3", "4", "8", "9"]}
          labels={scaleOf("trust_police")}
          rows={TRUST_BODIES.map((b) => ({ label: indicatorLabel(b.code), shares: r.overall[b.code].shares }))}
        />
        <StackedBars
          title={t("resultsPage.safeChart")}
          format={oneDecimal}
          codes={["1", "2", "3", "4", "9"]}
          labels={scaleOf("safe_day")}
          rows={[{ label: t("resultsPage.safeRow"), shares: r.overall.safe_day.shares }]}
        />
        <p>
          {t("resultsPage.unsafeReasons", {
            reasons: r.topUnsafeReasons
              .map(
                (x) =>
                  `${optionLabels("unsafe_reasons", locale)[x.code] ?? x.label} ${format.number(x.share / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
              )
              .join(", "),
          })}
        </p>
      </section>
      <section className="card">
        <h2>{t("resultsPage.byRegion")}</h2>
        {breakdown("region", Object.fromEntries(REGIONS.map((x) => [x.code, regionName(x.code, locale)])), "by-region")}
      </section>
      <section className="card">
        <h2>{t("resultsPage.bySettlement")}</h2>
        {breakdown("settlement", { "1": t("settlements.1"), "2": t("settlements.2") }, "by-settlement")}
      </section>
      <section className="card">
        <h2>{t("resultsPage.bySex")}</h2>
        {breakdown("sex", optionLabels("sex", locale), "by-sex")}
      </section>
      <section className="card">
        <h2>{t("resultsPage.byAge")}</h2>
        {breakdown("ageGroup", Object.fromEntries(AGE_GROUPS.map((g) => [g.code, g.code])), "by-age")}
      </section>
    </>
  );
});

export const generateMetadata = pageTitle<{ year: string }>("surveyResults", (p) => ({ year: p.year }));
