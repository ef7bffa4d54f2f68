// Unrecorded crime: the household survey's victimised and reporting households beside the offences
// registered in form 1-M, by region, for each mapping of survey offences to 1-M lines.
// Administrators; everyone once both sources of the year are published.
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { MAX_YEAR, MIN_YEAR } from "@/lib/dates/dates";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { regionName } from "@/lib/i18n/reference";
import { latestWave } from "@/modules/analysis/server/unrecorded";
import { ComparisonChart } from "@/modules/analysis/components/comparison-chart";
import type { Estimate, OffenceComparison, Ratio } from "@/modules/analysis/unrecorded";
import { mayReadComparison, unrecordedCrimeOf } from "./report";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("unrecordedCrime");

export default page(async ({ db, searchParams }) => {
  const year = pageQuery(searchParams).int("year", { min: MIN_YEAR, max: MAX_YEAR }) ?? (await latestWave(db));
  if (year === null) notFound();
  const report = await unrecordedCrimeOf(db, year);
  if (!report.wave) notFound();
  const access = await mayReadComparison(report);
  if (access === "signIn") redirect(`/login?callbackUrl=/analysis/unrecorded-crime?year=${year}`);
  if (access === "forbidden") forbidden();
  const admin = decide(await currentUser(), "write", { kind: "administration" }).allowed;
  const [t, locale, format] = await Promise.all([getTranslations("analysis"), getLocale(), getFormatter()]);
  const whole = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  const two = (n: number) => format.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (n: number) => format.number(n * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const est = (e: Estimate) => (
    <>
      {whole(e.estimate)} <span className="ci">{t("interval", { low: whole(e.ci95[0]), high: whole(e.ci95[1]) })}</span>
    </>
  );
  const ratio = (r: Ratio) =>
    r.estimate === null ? (
      "—"
    ) : (
      <>
        {two(r.estimate)}{" "}
        <span className="ci">{t("interval", { low: r.ci95[0] === null ? "—" : two(r.ci95[0]), high: r.ci95[1] === null ? "∞" : two(r.ci95[1]) })}</span>
      </>
    );
  const row = (label: string, code: string, c: OffenceComparison) => (
    <tr key={code} data-testid={`uc-${c.mapping}-${code}`}>
      <th>{label}</th>
      <td data-testid="victimised">{est(c.victimised)}</td>
      <td>{format.number(c.victimisedShare, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
      <td data-testid="reported">{est(c.reported)}</td>
      <td data-testid="rate">
        {c.reportingRate ? (
          <>
            {pct(c.reportingRate.estimate)}{" "}
            <span className="ci">{t("interval", { low: pct(c.reportingRate.ci95[0]), high: pct(c.reportingRate.ci95[1]) })}</span>
          </>
        ) : (
          "—"
        )}
      </td>
      <td data-testid="registered">{c.registered === null ? "—" : whole(c.registered)}</td>
      <td>{ratio(c.registeredPerReported)}</td>
      <td>{ratio(c.registeredPerVictimised)}</td>
      <td className={c.lowBase ? "low-base" : ""}>{whole(c.n)}</td>
    </tr>
  );
  const legend = { victimised: t("victimised"), reported: t("reported"), registered: t("registered") };
  return (
    <>
      <h1>{t("title", { year })}</h1>
      <p className="muted">{t("intro", { wave: year, start: report.wave.fieldworkStart, end: report.wave.fieldworkEnd })}</p>
      {!report.published && <p className="alert">{t("notPublished")}</p>}
      {!report.form.complete && <p className="alert">{t("incomplete1M")}</p>}
      <h2>{t("caveatsTitle")}</h2>
      <ul data-testid="caveats">
        <li>{t("caveats.householdsVsOffences")}</li>
        <li>{t("caveats.recallVsCalendar")}</li>
        <li>{t("caveats.scope")}</li>
        <li>{t("caveats.mapping")}</li>
      </ul>
      <p>
        <a href={`/api/analysis/unrecorded-crime?year=${year}`}>{t("api")}</a>
        {admin && (
          <>
            {" · "}
            <Link href="/admin/analysis">{t("editMappings")}</Link>
          </>
        )}
      </p>
      {report.mappings.map((m, i) => {
        const national = report.national[i];
        const title = t("offenceTitle", { offences: m.surveyOffences.map((k) => t(`offences.${k}` as never)).join(" + "), lines: m.formLines.join(" + ") });
        return (
          <section key={m.id} data-testid={`uc-section-${m.id}`}>
            <h2>{title}</h2>
            <p className="muted" translate="no">
              {m.note}
            </p>
            <figure>
              <ComparisonChart
                testId={`uc-chart-${m.id}`}
                title={t("chartTitle", { title })}
                legend={legend}
                format={whole}
                rows={report.regions.map((r) => ({ label: regionName(r.region, locale), ...r.offences[i] }))}
              />
              <figcaption className="muted">{t("chartCaption")}</figcaption>
            </figure>
            <table className="list results">
              <caption>{t("tableCaption", { title })}</caption>
              <thead>
                <tr>
                  <th>{t("region")}</th>
                  <th>{t("victimised")}</th>
                  <th>{t("victimisedShare")}</th>
                  <th>{t("reported")}</th>
                  <th>{t("reportingRate")}</th>
                  <th>{t("registered")}</th>
                  <th>{t("perReported")}</th>
                  <th>{t("perVictimised")}</th>
                  <th>{t("interviews")}</th>
                </tr>
              </thead>
              <tbody>
                {row(t("country"), "KZ", national)}
                {report.regions.map((r) => row(regionName(r.region, locale), r.region, r.offences[i]))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
});
