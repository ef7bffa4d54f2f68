// Placement of consolidated reports (the Committee): for each ended period, the accepted reports,
// the bodies' filing deadline and the placement term; consolidate and place (by region and for the
// country); and the filing deadline of each form, in working days before its placement term.
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { reportFormTitle } from "@/lib/i18n/reference";
import { addDays } from "@/lib/dates/dates";
import { REPORT_FORMS } from "@/modules/reporting/forms";
import { legalToday } from "@/modules/reporting/calendar";
import { filingDaysBefore } from "@/modules/reporting/server/calendar";
import { placementOverview } from "@/modules/reporting/server/placements";
import { FilingDaysForm, PlaceForm } from "@/modules/reporting/components/instruction-forms";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("placements");

export default page(async ({ db, searchParams }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("placements"), getLocale()]);
  const p = pageQuery(searchParams);
  const now = legalToday();
  let [from, to] = [p.date("from") ?? addDays(now, -400), p.date("to") ?? now];
  if (from > to) [from, to] = [addDays(now, -400), now];
  const rows = await placementOverview(db, { from, to });
  const daysBefore = await filingDaysBefore(db);
  // A form's code is its name in every language; the form without one is named by its number.
  const label = (number: number) => {
    const code = REPORT_FORMS[number - 1].code;
    return code ? <span translate="no">{code}</span> : t("formNo", { number });
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" className="inline-form">
        <label>
          {t("from")} <input type="date" name="from" defaultValue={from} />
        </label>
        <label>
          {t("to")} <input type="date" name="to" defaultValue={to} />
        </label>
        <button type="submit" className="secondary">
          {t("show")}
        </button>
      </form>
      <table className="list" data-testid="placements">
        <thead>
          <tr>
            <th>{t("form")}</th>
            <th>{t("period")}</th>
            <th>{t("accepted")}</th>
            <th>{t("filingDue")}</th>
            <th>{t("placementDue")}</th>
            <th>{t("state")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.form}-${r.period}`} data-period={r.period} className={`state-${r.state}`}>
              <td>{label(r.form)}</td>
              <td>{r.period}</td>
              <td>{t("acceptedOf", { accepted: r.accepted, bodies: r.bodies })}</td>
              <td>{formatDate(r.filingDue, locale)}</td>
              <td>{formatDate(r.due, locale)}</td>
              <td>
                {t(`states.${r.state}`, { days: r.daysLate ?? 0 })}
                {r.placedOn && <span className="muted"> {t("placedOn", { date: formatDate(r.placedOn, locale), by: r.placedBy ?? "—" })}</span>}
              </td>
              <td>{!r.placedOn && r.accepted > 0 && <PlaceForm form={r.form} period={r.period} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("filingTitle")}</h2>
      <p className="muted">{t("filingIntro")}</p>
      <table className="list" data-testid="filing-deadlines">
        <thead>
          <tr>
            <th>{t("form")}</th>
            <th>{t("daysBefore")}</th>
          </tr>
        </thead>
        <tbody>
          {REPORT_FORMS.map((f) => (
            <tr key={f.number}>
              <td>
                {label(f.number)} — {reportFormTitle(f.number, f.title, locale)}
              </td>
              <td>
                <FilingDaysForm form={f.number} daysBefore={daysBefore(f.number)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
