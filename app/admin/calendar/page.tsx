// The working-day calendar (admins): the holidays of a year as the dated rules in force give them
// (which rule, from when, on what legal source), the days off moved from weekends, the rules
// themselves (editable), and the per-year extra days off and working days.
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { listAdjustments, loadAdjustments } from "@/modules/reporting/server/calendar";
import { HOLIDAY_NOTES, holidaysOf, legalToday, movedDaysOff, type HolidayRule } from "@/modules/reporting/calendar";
import { isWeekend } from "@/lib/dates/dates";
import { CalendarForm } from "@/modules/reporting/components/admin-forms";
import { HolidayRuleForm } from "@/modules/reporting/components/instruction-forms";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db, searchParams }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("calendar"), getLocale()]);
  const current = Number(legalToday().slice(0, 4));
  const asked = pageQuery(searchParams).int("year", { min: 2000, max: 2100 });
  const year = asked ?? current;
  const rows = await listAdjustments(db);
  const rules = (await loadAdjustments(db)).holidayRules!;
  // An administrator's rule without a catalogue name is shown as written.
  const name = (r: HolidayRule) => (r.key && t.has(`holidays.${r.key}` as never) ? t(`holidays.${r.key}` as never) : <span translate="no">{r.name}</span>);
  const validity = (r: HolidayRule) =>
    r.validFrom && r.validTo
      ? t("validity.between", { from: formatDate(r.validFrom, locale), to: formatDate(r.validTo, locale) })
      : r.validFrom
        ? t("validity.since", { from: formatDate(r.validFrom, locale) })
        : r.validTo
          ? t("validity.until", { to: formatDate(r.validTo, locale) })
          : t("validity.always");
  const moved = movedDaysOff(year, rules);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" className="inline-form">
        <label>
          {t("year")} <input type="number" name="year" min={2000} max={2100} defaultValue={year} />
        </label>
        <button type="submit" className="secondary">
          {t("show")}
        </button>
      </form>
      <h2>{t("holidaysOf", { year })}</h2>
      <table className="list" data-testid="holidays">
        <thead>
          <tr>
            <th>{t("date")}</th>
            <th>{t("holiday")}</th>
            <th>{t("rule")}</th>
            <th>{t("source")}</th>
            <th>{t("dayOff")}</th>
          </tr>
        </thead>
        <tbody>
          {holidaysOf(year, rules).map(({ date, rule }) => {
            const m = moved.find((x) => x.from === date);
            return (
              <tr key={`${rule.id}-${date}`} data-date={date} data-rule={rule.id}>
                <td>{formatDate(date, locale)}</td>
                <td>{name(rule)}</td>
                <td>
                  <span translate="no">{rule.id}</span> · {validity(rule)}
                </td>
                <td translate="no">{rule.source}</td>
                <td>
                  {m
                    ? t("movedTo", { date: formatDate(m.date, locale) })
                    : isWeekend(date)
                      ? t(rule.movesOffWeekend ? "onWeekend" : "notMoved")
                      : t("holidayOff")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="card">
        <summary>{t("notesTitle")}</summary>
        {/* The legal sources and assumptions, as the shipped data states them. */}
        <ul translate="no">
          {HOLIDAY_NOTES.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
      <h2>{t("rulesTitle")}</h2>
      <table className="list" data-testid="holiday-rules">
        <thead>
          <tr>
            <th>{t("rule")}</th>
            <th>{t("holiday")}</th>
            <th>{t("date")}</th>
            <th>{t("validityTitle")}</th>
            <th>{t("source")}</th>
          </tr>
        </thead>
        <tbody>
          {[...rules]
            .sort((a, b) => a.month - b.month || a.day - b.day || (a.validFrom ?? "").localeCompare(b.validFrom ?? ""))
            .map((r) => (
              <tr key={r.id} data-rule={r.id}>
                <td translate="no">{r.id}</td>
                <td>{name(r)}</td>
                <td>
                  {String(r.day).padStart(2, "0")}.{String(r.month).padStart(2, "0")}
                </td>
                <td>{validity(r)}</td>
                <td translate="no">{r.source}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="card">
        <h2>{t("ruleForm.title")}</h2>
        <p className="muted">{t("ruleForm.intro")}</p>
        <HolidayRuleForm />
      </div>
      <h2>{t("adjustmentsTitle")}</h2>
      <div className="card">
        <CalendarForm />
      </div>
      <table className="list" data-testid="adjustments">
        <thead>
          <tr>
            <th>{t("date")}</th>
            <th>{t("kind")}</th>
            <th>{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <td>{formatDate(r.date, locale)}</td>
              <td>{t(r.kind === "off" ? "kinds.off" : "kinds.working")}</td>
              <td translate="no">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

export const generateMetadata = pageTitle("calendar");
