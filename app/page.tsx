// Home: what the signed-in user's role can do, and what waits for them. The sections shown are the
// areas the policy gives the user (areasOf), as in the top bar.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { countryName, regionName, reportingBodyName } from "@/lib/i18n/reference";
import { cycleName } from "@/modules/cepej/cycle-name";
import { areasOf, type Area } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { repliesVisibleTo } from "@/modules/cepej/server/replies";
import { waitingFor } from "@/modules/cepej/server/waiting";
import { upcomingDeadlines } from "@/modules/reporting/server/filings";
import { describeScope } from "@/modules/users/server/users";
import { rejectedCount } from "@/modules/survey/server/households";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  const user = await requireUser();
  const [t, tReply, tCycles, locale] = await Promise.all([getTranslations("home"), getTranslations("reply"), getTranslations("cycles"), getLocale()]);
  const areas = areasOf(user);
  const has = (area: Area) => areas.includes(area);
  const replies = has("cepej") ? await repliesVisibleTo(db, user) : [];
  const waiting = has("cepej") ? await waitingFor(db, user) : { queriesToAnswer: 0, repliesToReview: 0, returned: 0 };
  const scope = await describeScope(db, user);
  const rejected = user.role === "interviewer" ? await rejectedCount(db, user.id) : 0;
  const deadlines = has("reports") && !has("administration") && user.bodyId ? await upcomingDeadlines(db, user.bodyId) : null;

  return (
    <div data-testid={`home-${user.role}`}>
      <h1>{t("title", { name: user.name })}</h1>
      {rejected > 0 && (
        <div className="alert error" role="alert" data-testid="home-rejected">
          <Link href="/survey">{t("interviewer.rejected", { count: rejected })}</Link>
        </div>
      )}
      <div className="card">
        <p>
          {t(`${user.role}.intro`, {
            countries: scope.countries,
            regions: user.regions
              .map((code) => regionName(code, locale))
              .sort((a, b) => a.localeCompare(b, locale))
              .join(", "),
            body: scope.body ? reportingBodyName(scope.body, locale) : "—",
          })}
        </p>
        {has("administration") && (
          <p>
            <Link href="/admin/cycles">{t("admin.cycles")}</Link> · <Link href="/admin/users">{t("admin.users")}</Link> ·{" "}
            <Link href="/admin/translations">{t("admin.translations")}</Link> · <Link href="/analysis/unrecorded-crime">{t("admin.analysis")}</Link>
          </p>
        )}
        {(waiting.queriesToAnswer > 0 || waiting.repliesToReview > 0 || waiting.returned > 0) && (
          <ul className="waiting" data-testid="waiting">
            {waiting.queriesToAnswer > 0 && <li>{t("waiting.queries", { count: waiting.queriesToAnswer })}</li>}
            {waiting.returned > 0 && <li>{t("waiting.returned", { count: waiting.returned })}</li>}
            {waiting.repliesToReview > 0 && <li>{t("waiting.review", { count: waiting.repliesToReview })}</li>}
          </ul>
        )}
        {deadlines && (
          <>
            <p>
              <Link href="/reports">{t("reporter.reports")}</Link>
            </p>
            <ul data-testid="home-deadlines">
              {deadlines
                .filter((d) => d.filing?.status !== "submitted")
                .map((d) => (
                  <li key={`${d.form}-${d.period}`} className={d.overdue ? "error" : ""}>
                    {t("reporter.deadline", { code: d.code ?? "", period: d.period, due: formatDate(d.due, locale) })}
                    {d.overdue ? ` — ${t("reporter.overdue")}` : ""}
                  </li>
                ))}
            </ul>
          </>
        )}
        {has("reports") && has("administration") && (
          <p>
            <Link href="/admin/reports">{t("admin.reports")}</Link>
          </p>
        )}
        {has("survey") && (
          <p>
            <Link href="/survey">{t("survey")}</Link>
          </p>
        )}
      </div>
      {replies.length > 0 && (
        <div className="card">
          <h2>{has("administration") ? t("admin.replies") : t("correspondent.replies")}</h2>
          <ul>
            {replies.map((r) => (
              <li key={r.id}>
                <Link href={`/cepej/${r.cycle}/${r.country}`}>
                  {cycleName({ slug: r.cycle, name: r.cycleName }, (years) => tCycles("defaultName", years))} · {countryName(r.country, r.countryName, locale)}
                </Link>{" "}
                <span className="muted">({tReply(`status.${r.status}` as never)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

export const generateMetadata = pageTitle("home");
