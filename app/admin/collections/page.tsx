// Electronic collections (Appendix 1): recipients and copies, and each period's dispatch (admins).
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { ELECTRONIC_COLLECTIONS, totalCopies } from "@/modules/reporting/collections";
import { dispatchSchedule } from "@/modules/reporting/server/registers";
import { today } from "@/modules/reporting/server/filings";
import { DispatchForm } from "@/modules/reporting/components/admin-forms";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("collections"), getLocale()]);
  const schedule = await dispatchSchedule(db);
  const now = today();
  return (
    <>
      <h1>{t("title")}</h1>
      <table className="list">
        <thead>
          <tr>
            <th>{t("number")}</th>
            <th>{t("collection")}</th>
            <th>{t("recipients")}</th>
            <th>{t("totalCopies")}</th>
          </tr>
        </thead>
        <tbody>
          {ELECTRONIC_COLLECTIONS.map((c) => (
            <tr key={c.number}>
              <td>{c.number}</td>
              <td>{t(`titles.${c.number}` as never)}</td>
              <td>
                {Object.entries(c.copies)
                  .map(([id, n]) => `${t(`recipientNames.${id}` as never)} (${n})`)
                  .join("; ")}
                {c.unplaced.length ? `; ${t("others")}` : ""}
              </td>
              <td>{totalCopies(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("dispatches")}</h2>
      <table className="list" data-testid="dispatches">
        <thead>
          <tr>
            <th>{t("collection")}</th>
            <th>{t("period")}</th>
            <th>{t("due")}</th>
            <th>{t("sent")}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((d) => (
            <tr key={`${d.collection}-${d.period}`} className={d.overdue ? "overdue" : ""}>
              <td>{d.collection}</td>
              <td>{d.period}</td>
              <td>
                {formatDate(d.due, locale)}
                {d.overdue && <strong className="error"> {t("overdue")}</strong>}
              </td>
              <td>
                {d.sentOn ? (
                  t.rich("sentTo", {
                    date: formatDate(d.sentOn, locale),
                    recipients: d.recipients ?? "",
                    by: d.by ?? "—",
                    data: (chunks) => <span translate="no">{chunks}</span>,
                  })
                ) : (
                  <DispatchForm collection={d.collection} period={d.period} today={now} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

export const generateMetadata = pageTitle("collections");
