// Legal-statistics reports of the user's body: upcoming deadlines, and every report filed.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { reportFormTitle, reportingBodyName } from "@/lib/i18n/reference";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { filingsOfBody, findBody, upcomingDeadlines } from "@/modules/reporting/server/filings";
import { OpenFiling } from "@/modules/reporting/components/open-filing";
import { findForm } from "@/modules/reporting/forms";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  const user = await requireUser();
  // A body's own page: its reporters only (administrators see every body on /admin/reports).
  const { bodyId } = scopeOf(user);
  if (user.role !== "reporter" || typeof bodyId !== "number") forbidden();
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale()]);
  const body = (await findBody(db, bodyId))!;
  const deadlines = await upcomingDeadlines(db, bodyId);
  const filings = (await filingsOfBody(db, bodyId)).slice(0, 36);
  return (
    <>
      <h1>{t("title", { body: reportingBodyName(body.name, locale) })}</h1>
      <div className="card">
        <h2>{t("deadlines")}</h2>
        <table className="list" data-testid="deadlines">
          <thead>
            <tr>
              <th>{t("form")}</th>
              <th>{t("period")}</th>
              <th>{t("due")}</th>
              <th>{t("placementDue")}</th>
              <th>{t("state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={`${d.form}-${d.period}`} className={d.overdue ? "overdue" : ""} data-period={d.period}>
                <td>
                  {d.code} — {reportFormTitle(d.form, d.title, locale)}
                </td>
                <td>{d.period}</td>
                <td>{formatDate(d.due, locale)}</td>
                <td>{formatDate(d.placementDue, locale)}</td>
                <td>
                  {d.filing?.status === "submitted"
                    ? t(d.filing.daysLate ? "submittedLate" : "submittedOnTime", { days: d.filing.daysLate ?? 0 })
                    : d.overdue
                      ? t(d.filing?.status === "returned" ? "overdueReturned" : "overdue")
                      : d.filing
                        ? t(`status.${d.filing.status}`)
                        : t("notFiled")}
                </td>
                <td>
                  {d.filing ? (
                    <Link href={`/reports/${d.filing.id}`}>{t("open")}</Link>
                  ) : (
                    <OpenFiling bodyId={bodyId} form={d.form} period={d.period} label={t("file")} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t("otherPeriod")}</p>
        <OpenFiling bodyId={bodyId} form={1} label={t("fileOther")} />
      </div>
      <div className="card">
        <h2>{t("filed")}</h2>
        <table className="list">
          <thead>
            <tr>
              <th>{t("form")}</th>
              <th>{t("period")}</th>
              <th>{t("due")}</th>
              <th>{t("state")}</th>
            </tr>
          </thead>
          <tbody>
            {filings.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link href={`/reports/${f.id}`}>
                    {findForm(f.formNumber)?.code} {f.period}
                  </Link>
                </td>
                <td>{f.period}</td>
                <td>{formatDate(f.due, locale)}</td>
                <td>{f.status === "submitted" ? t(f.daysLate ? "submittedLate" : "submittedOnTime", { days: f.daysLate ?? 0 }) : t(`status.${f.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});

export const generateMetadata = pageTitle("reports");
