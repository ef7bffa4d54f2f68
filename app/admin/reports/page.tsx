// Compliance dashboard (the Committee): period × body × form — on time, late by N days, missing,
// overdue now; filters; CSV.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { regionName, reportingBodyName } from "@/lib/i18n/reference";
import { requireAccess } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { COMPLIANCE_STATES, compliance, today } from "@/modules/reporting/server/filings";
import { REGIONS } from "@/db/reference-data";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ searchParams, db }) => {
  const user = await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale()]);
  const p = pageQuery(searchParams);
  const s = {
    region: REGIONS.some((r) => r.code === p.one("region")) ? p.one("region") : undefined,
    state: COMPLIANCE_STATES.find((x) => x === p.one("state")),
  };
  const now = today();
  const defaultFrom = `${Number(now.slice(0, 4)) - 1}-${now.slice(5, 7)}-01`;
  let [from, to] = [p.date("from") ?? defaultFrom, p.date("to") ?? now];
  // A range that ends before it starts is ignored as a whole: the default range is shown.
  if (from > to) [from, to] = [defaultFrom, now];
  const rows = (await compliance(db, scopeOf(user), { from, to, region: s.region || undefined })).filter((r) => !s.state || r.state === s.state);
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {});
  const query = new URLSearchParams({ from, to, ...(s.region ? { region: s.region } : {}), ...(s.state ? { state: s.state } : {}) });
  return (
    <>
      <h1>{t("dashboardTitle")}</h1>
      <p className="admin-links">
        <Link href="/admin/calendar">{t("calendar")}</Link> · <Link href="/admin/placements">{t("placements")}</Link> ·{" "}
        <Link href="/admin/requests">{t("requests")}</Link> · <Link href="/admin/collections">{t("collections")}</Link> ·{" "}
        <Link href="/admin/audit">{t("audit")}</Link>
      </p>
      <form method="get" className="inline-form">
        <label>
          {t("from")} <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          {t("to")} <input type="date" name="to" defaultValue={to} />
        </label>
        <select name="region" defaultValue={s.region ?? ""} aria-label={t("region")}>
          <option value="">{t("allRegions")}</option>
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {regionName(r.code, locale)}
            </option>
          ))}
        </select>
        <select name="state" defaultValue={s.state ?? ""} aria-label={t("state")}>
          <option value="">{t("allStates")}</option>
          {["on_time", "late", "overdue", "missing", "draft"].map((x) => (
            <option key={x} value={x}>
              {t(`complianceState.${x}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("filter")}
        </button>
        <a className="button secondary" href={`/api/admin/compliance?${query}`}>
          CSV
        </a>
      </form>
      <p data-testid="compliance-counts">
        {Object.entries(counts)
          .map(([k, n]) => `${t(`complianceState.${k}`)}: ${n}`)
          .join(" · ")}
      </p>
      <table className="list" data-testid="compliance">
        <thead>
          <tr>
            <th>{t("period")}</th>
            <th>{t("body")}</th>
            <th>{t("form")}</th>
            <th>{t("due")}</th>
            <th>{t("state")}</th>
            <th>{t("submittedAt")}</th>
            <th>{t("placementDue")}</th>
            <th>{t("placement")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map((r) => (
            <tr key={`${r.form}-${r.bodyId}-${r.period}`} className={`state-${r.state}`} data-body={r.bodyId} data-period={r.period}>
              <td>{r.period}</td>
              <td>{reportingBodyName(r.body, locale)}</td>
              <td>{r.code}</td>
              <td>{formatDate(r.due, locale)}</td>
              <td>
                {r.filingId ? (
                  <Link href={`/reports/${r.filingId}`}>{t(`compliance.${r.state}`, { days: r.daysLate ?? 0 })}</Link>
                ) : (
                  t(`compliance.${r.state}`, { days: r.daysLate ?? 0 })
                )}
              </td>
              <td>{r.submittedAt ? formatDate(r.submittedAt.slice(0, 10), locale) : ""}</td>
              <td>{formatDate(r.placementDue, locale)}</td>
              <td data-placement={r.placement}>
                {t(`placementState.${r.placement}`)}
                {r.placedOn ? ` ${formatDate(r.placedOn, locale)}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 500 && <p className="muted">{t("more", { count: rows.length - 500 })}</p>}
    </>
  );
});

export const generateMetadata = pageTitle("adminReports");
