// The working-day calendar (admins): fixed holidays come from the law; here the per-year extra
// days off (movable religious holidays, transfers) and extra working days.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { listAdjustments } from "@/modules/reporting/server/calendar";
import { PUBLIC_HOLIDAYS } from "@/modules/reporting/calendar";
import { CalendarForm } from "@/modules/reporting/components/admin-forms";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, locale, format] = await Promise.all([getTranslations("calendar"), getLocale(), getFormatter()]);
  const rows = listAdjustments(db);
  // Each holiday once, with its days: "Nauryz meyramy (21, 22, 23 March)" as the language writes them.
  const days = new Map<string, string[]>();
  for (const h of PUBLIC_HOLIDAYS) {
    const day = format.dateTime(new Date(Date.UTC(2000, h.month - 1, h.day)), { day: "numeric", month: "long", timeZone: "UTC" });
    days.set(h.key, [...(days.get(h.key) ?? []), day]);
  }
  const holidays = [...days].map(([key, on]) => `${t(`holidays.${key}` as never)} (${on.join(", ")})`).join("; ");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { holidays })}</p>
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
