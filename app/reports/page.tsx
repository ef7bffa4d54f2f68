// Legal-statistics reports of the user's body: upcoming deadlines, and every report filed.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { filingsOfBody, findBody, upcomingDeadlines } from "@/modules/reporting/server/filings";
import { OpenFiling } from "@/modules/reporting/components/open-filing";
import { findForm } from "@/modules/reporting/forms";

export default page(async ({ db }) => {
  const user = await requireUser();
  // A body's own page: its reporters only (administrators see every body on /admin/reports).
  const { bodyId } = scopeOf(user);
  if (user.role !== "reporter" || typeof bodyId !== "number") forbidden();
  const t = await getTranslations("reports");
  const body = findBody(db, bodyId)!;
  const deadlines = upcomingDeadlines(db, bodyId);
  const filings = filingsOfBody(db, bodyId).slice(0, 36);
  return (
    <>
      <h1>{t("title", { body: body.name })}</h1>
      <div className="card">
        <h2>{t("deadlines")}</h2>
        <table className="list" data-testid="deadlines">
          <thead>
            <tr>
              <th>{t("form")}</th>
              <th>{t("period")}</th>
              <th>{t("due")}</th>
              <th>{t("state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={`${d.form}-${d.period}`} className={d.overdue ? "overdue" : ""} data-period={d.period}>
                <td>
                  {d.code} — {d.title}
                </td>
                <td>{d.period}</td>
                <td>{d.due}</td>
                <td>
                  {d.filing?.status === "submitted"
                    ? t(d.filing.daysLate ? "submittedLate" : "submittedOnTime", { days: d.filing.daysLate ?? 0 })
                    : d.overdue
                      ? t("overdue")
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
                <td>{f.due}</td>
                <td>{f.status === "submitted" ? t(f.daysLate ? "submittedLate" : "submittedOnTime", { days: f.daysLate ?? 0 }) : t(`status.${f.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});
