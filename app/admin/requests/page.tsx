// Register of requests for legal statistical information (admins): register, answer, overdue flags.
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { listRequests, REQUEST_DAYS } from "@/modules/reporting/server/registers";
import { today } from "@/modules/reporting/server/filings";
import { AnswerRequestForm, RequestForm } from "@/modules/reporting/components/admin-forms";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  const user = await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("requests"), getLocale()]);
  // The Committee is its administrators: the only ones who see answers "For official use".
  const requests = await listRequests(db, { committee: decide(user, "write", { kind: "administration" }).allowed });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { days: REQUEST_DAYS })}</p>
      <div className="card">
        <RequestForm today={today()} />
      </div>
      <table className="list" data-testid="requests">
        <thead>
          <tr>
            <th>{t("number")}</th>
            <th>{t("requester")}</th>
            <th>{t("channel")}</th>
            <th>{t("indicators")}</th>
            <th>{t("unitPeriod")}</th>
            <th>{t("received")}</th>
            <th>{t("due")}</th>
            <th>{t("status")}</th>
            <th>{t("answer")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} className={r.overdue ? "overdue" : ""} data-request={r.id}>
              <td>{r.id}</td>
              <td>
                {/* What the register holds as received and answered: shown as written. */}
                <span translate="no">{r.requester}</span>{" "}
                <span className="muted">
                  {t.rich("signed", { kind: t(`kinds.${r.requesterKind}`), signatory: r.signatory, data: (chunks) => <span translate="no">{chunks}</span> })}
                </span>
              </td>
              <td>{t(`channels.${r.channel}`)}</td>
              <td translate="no">{r.indicators}</td>
              <td>
                {t(`units.${r.unit}`)} · {r.period}
              </td>
              <td>{formatDate(r.receivedOn, locale)}</td>
              <td>
                {formatDate(r.dueOn, locale)}
                {r.overdue && <strong className="error"> {t("overdue")}</strong>}
              </td>
              <td>
                {t(`statuses.${r.status}`)}
                {r.late ? ` ${t("late")}` : ""}
                {r.exclusion && <div data-testid="exclusion">{t(`exclusions.${r.exclusion}`)}</div>}
              </td>
              <td>
                {r.status === "registered" ? (
                  <AnswerRequestForm id={r.id} />
                ) : (
                  <>
                    {r.officialUse && <strong className="official-use">{t("officialUse")} </strong>}
                    {r.answer === null && r.officialUse ? t("withheld") : <span translate="no">{r.answer}</span>}{" "}
                    {r.answeredOn && <span className="muted">({formatDate(r.answeredOn, locale)})</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

export const generateMetadata = pageTitle("requests");
