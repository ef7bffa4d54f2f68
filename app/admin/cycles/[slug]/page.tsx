// One cycle (admins): every country with status, % answered, open warnings, open queries and last
// activity; filters; CSV; assign correspondents; extend a country's deadline.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { countryName } from "@/lib/i18n/reference";
import { cycleName } from "@/modules/cepej/cycle-name";
import { requireAccess } from "@/lib/auth/session";
import { pageQuery, type SearchParams } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { correspondentsList, cycleStatus } from "@/modules/cepej/server/cycles";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { AssignForm, ExtendDeadlineForm } from "@/modules/cepej/components/cycle-forms";
import { pageTitle } from "@/lib/ui/page-title";

type Params = { slug: string };

// The wrapper is called inside a declared default export: the route registry reads page
// functions from `export default function` declarations.
export default async function CyclePage(props: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  return page<Params>(async ({ params, searchParams, db }) => {
    await requireAccess("read", { kind: "administration" });
    const { slug } = params;
    const query = pageQuery(searchParams);
    const status = query.one("status") ?? "";
    const q = query.one("q") ?? "";
    const cycle = await cycleOf(db, slug);
    if (!cycle) notFound();
    const t = await getTranslations("cycles");
    const tr = await getTranslations("reply");
    const tx = await getTranslations("cepejDashboard");
    const locale = await getLocale();
    const all = (await cycleStatus(db, slug)).map((r) => ({ ...r, name: countryName(r.country, r.name, locale) }));
    const rows = all.filter((r) => (!status || r.status === status) && (!q || `${r.name} ${r.country}`.toLowerCase().includes(q.toLowerCase())));
    const countries = all.map((r) => ({ code: r.country, name: r.name }));
    return (
      <>
        <h1>{cycleName(cycle, (years) => t("defaultName", years))}</h1>
        <p className="muted">
          {t("summary", {
            year: cycle.referenceYear,
            opens: formatDate(cycle.opensOn, locale),
            closes: formatDate(cycle.closesOn, locale),
            threshold: cycle.variationThreshold,
          })}
        </p>
        <form className="inline-form" method="get">
          <input type="text" name="q" defaultValue={q} placeholder={t("filterCountry")} aria-label={t("filterCountry")} />
          <select name="status" defaultValue={status} aria-label={t("filterStatus")}>
            <option value="">{t("allStatuses")}</option>
            {["not_started", "in_progress", "submitted", "returned", "validated"].map((s) => (
              <option key={s} value={s}>
                {tr(`status.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("filter")}
          </button>
          <a className="button secondary" href={`/api/cycles/${slug}/status?format=csv`}>
            {t("downloadCsv")}
          </a>
        </form>
        <p className="admin-links" data-testid="cycle-exports">
          {tx("wholeCycle")} <a href={`/api/cycles/${slug}/export?format=csv`}>CSV</a> · <a href={`/api/cycles/${slug}/export?format=xlsx`}>XLSX</a> ·{" "}
          <Link href={`/cepej/${slug}/dashboard`}>{tx("dashboard")}</Link>
        </p>
        <table className="list space-above-small" data-testid="cycle-status">
          <thead>
            <tr>
              <th>{t("country")}</th>
              <th>{t("status")}</th>
              <th>{t("answered")}</th>
              <th>{t("warnings")}</th>
              <th>{t("queries")}</th>
              <th>{t("lastActivity")}</th>
              <th>{t("correspondents")}</th>
              <th>{t("deadline")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.country} data-country={r.country}>
                <td>
                  <Link href={`/cepej/${slug}/${r.country}`}>{r.name}</Link>
                </td>
                <td>{tr(`status.${r.status}`)}</td>
                <td>{formatNumber(r.percent, locale)} %</td>
                <td>{r.warnings || ""}</td>
                <td>{r.openQueries || ""}</td>
                <td>{formatDateTime(r.lastActivity, locale)}</td>
                <td>{r.correspondents.join(", ")}</td>
                <td>{r.deadline ? formatDate(r.deadline, locale) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="card space-above">
          <h2>{t("assign")}</h2>
          <AssignForm cycle={slug} countries={countries} people={await correspondentsList(db)} />
        </div>
        <div className="card">
          <h2>{t("extend")}</h2>
          <ExtendDeadlineForm cycle={slug} countries={countries} />
        </div>
      </>
    );
  })(props);
}

export const generateMetadata = pageTitle<{ slug: string }>("cycle", (p) => ({ slug: p.slug }));
