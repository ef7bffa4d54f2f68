// Legal-statistics reports of the user's body: upcoming deadlines, and every report filed.
import Link from "next/link";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/db/client";
import { reportingBodies } from "@/db/schema";
import { filingsOfBody, upcomingDeadlines } from "@/modules/reporting/server/filings";
import { OpenFiling } from "@/modules/reporting/components/open-filing";
import { findForm } from "@/modules/reporting/forms";

export default async function ReportsPage() {
  const user = await requireUser();
  if (user.role !== "reporter" || !user.bodyId) forbidden();
  const t = await getTranslations("reports");
  const body = getDb().select().from(reportingBodies).where(eq(reportingBodies.id, user.bodyId)).get()!;
  const deadlines = upcomingDeadlines(user.bodyId);
  const filings = filingsOfBody(user.bodyId).slice(0, 36);
  return (
    <>
      <h1>{t("title", { body: body.name })}</h1>
      <div className="card">
        <h2>{t("deadlines")}</h2>
        <table className="list" data-testid="deadlines">
          <thead><tr><th>{t("form")}</th><th>{t("period")}</th><th>{t("due")}</th><th>{t("state")}</th><th /></tr></thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={`${d.form}-${d.period}`} className={d.overdue ? "overdue" : ""} data-period={d.period}>
                <td>{d.code} — {d.title}</td>
                <td>{d.period}</td>
                <td>{d.due}</td>
                <td>{d.filing?.status === "submitted" ? t(d.filing.daysLate ? "submittedLate" : "submittedOnTime", { days: d.filing.daysLate ?? 0 }) : d.overdue ? t("overdue") : d.filing ? t(`status.${d.filing.status}`) : t("notFiled")}</td>
                <td>{d.filing ? <Link href={`/reports/${d.filing.id}`}>{t("open")}</Link> : <OpenFiling bodyId={user.bodyId!} form={d.form} period={d.period} label={t("file")} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t("otherPeriod")}</p>
        <OpenFiling bodyId={user.bodyId} form={1} label={t("fileOther")} />
      </div>
      <div className="card">
        <h2>{t("filed")}</h2>
        <table className="list">
          <thead><tr><th>{t("form")}</th><th>{t("period")}</th><th>{t("due")}</th><th>{t("state")}</th></tr></thead>
          <tbody>
            {filings.map((f) => (
              <tr key={f.id}>
                <td><Link href={`/reports/${f.id}`}>{findForm(f.formNumber)?.code} {f.period}</Link></td>
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
}
