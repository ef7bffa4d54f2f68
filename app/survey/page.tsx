// The household survey, as each role sees it: administrators manage waves; supervisors assign and
// review in their regions; interviewers see their own assignments.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { householdsFor, interviewersOf, listWaves, myAssignments, statusCounts } from "@/modules/survey/server/households";
import { AssignTable } from "@/modules/survey/components/assign-form";
import { WaveAdmin } from "@/modules/survey/components/wave-admin";
import { REGIONS } from "@/db/reference-data";
import { regionName } from "@/lib/i18n/reference";
import { formatDate } from "@/lib/i18n/format";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { fieldworkWave, todayUtc } from "@/modules/survey/fieldwork";
import { DeviceStatus } from "@/modules/survey/device/components/device-status";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ searchParams, db }) => {
  const user = await requireUser();
  if (!["admin", "supervisor", "interviewer"].includes(user.role)) forbidden();
  const p = pageQuery(searchParams);
  const s = { region: p.one("region"), settlement: p.one("settlement"), status: p.one("status") };
  const waves = await listWaves(db);
  const [t, tDevice, locale] = await Promise.all([getTranslations("survey"), getTranslations("device"), getLocale()]);
  const state = (status: string) => t(`states.${status}` as never);

  if (user.role === "interviewer") {
    const mine = await myAssignments(db, user.id);
    const rejected = mine.filter((h) => h.status === "rejected").length;
    return (
      <>
        <h1>{t("myInterviews")}</h1>
        {rejected > 0 && (
          <p className="alert error" role="alert" data-testid="rejected-alert">
            {t("rejectedWaiting", { count: rejected })}
          </p>
        )}
        <DeviceStatus userId={user.id} />
        <p>
          <a href="/survey/device">{tDevice("workOffline")}</a>
        </p>
        <table className="list" data-testid="my-assignments">
          <thead>
            <tr>
              <th>{t("wave")}</th>
              <th>{t("household")}</th>
              <th>{t("region")}</th>
              <th>{t("address")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((h) => (
              <tr key={h.id} data-household={h.householdId} data-status={h.status} className={h.status === "rejected" ? "error" : undefined}>
                <td>{h.wave}</td>
                <td>
                  <Link href={`/survey/interviews/${h.id}`}>{h.householdId}</Link>
                </td>
                <td>{regionName(h.region, locale)}</td>
                <td translate="no">{h.address}</td>
                <td>{state(h.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }

  // A wave that does not exist (or is not a year) shows the one in fieldwork today.
  const asked = p.int("wave", { min: 1900, max: 2999 });
  const wave = waves.find((w) => w.year === asked)?.year ?? fieldworkWave(waves, todayUtc())?.year ?? 0;
  const { rows, total } = await householdsFor(db, user, wave, s);
  const counts = await statusCounts(db, user, wave);
  const interviewers = await interviewersOf(db, user);
  const scope = scopeOf(user);
  const regions = REGIONS.filter((r) => !scope.regions || scope.regions.includes(r.code));
  return (
    <>
      <h1>{t("title", { wave })}</h1>
      {user.role === "admin" && (
        <WaveAdmin
          waves={waves.map((w) => ({
            year: w.year,
            fieldwork: `${formatDate(w.fieldworkStart, locale)} – ${formatDate(w.fieldworkEnd, locale)}`,
            published: !!w.publishedAt,
          }))}
        />
      )}
      <p data-testid="status-counts">
        {counts.map((c) => `${state(c.status)}: ${formatNumber(c.n, locale)}`).join(" · ")} · <Link href={`/survey/waves/${wave}/results`}>{t("results")}</Link>{" "}
        · <Link href={`/survey/quality?wave=${wave}`}>{t("quality.link")}</Link>
      </p>
      <form method="get" className="inline-form">
        <select name="wave" defaultValue={wave} aria-label={t("wave")}>
          {waves.map((w) => (
            <option key={w.year} value={w.year}>
              {w.year}
            </option>
          ))}
        </select>
        <select name="region" defaultValue={s.region ?? ""} aria-label={t("region")}>
          <option value="">{t("allMyRegions")}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {regionName(r.code, locale)}
            </option>
          ))}
        </select>
        <select name="settlement" defaultValue={s.settlement ?? ""} aria-label={t("settlement")}>
          <option value="">{t("urbanAndRural")}</option>
          <option value="1">{t("settlements.1")}</option>
          <option value="2">{t("settlements.2")}</option>
        </select>
        <select name="status" defaultValue={s.status ?? ""} aria-label={t("status")}>
          <option value="">{t("allStatuses")}</option>
          {["unassigned", "assigned", "in_progress", "completed", "rejected", "approved"].map((x) => (
            <option key={x} value={x}>
              {state(x)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("filter")}
        </button>
      </form>
      <p className="muted">{total > rows.length ? t("householdsShown", { count: total, shown: rows.length }) : t("householdsCount", { count: total })}</p>
      <AssignTable
        rows={rows.map(({ h, interviewer }) => ({
          id: h.id,
          householdId: h.householdId,
          region: h.region,
          regionName: regionName(h.region, locale),
          settlement: h.settlement,
          address: h.address,
          status: h.status,
          interviewer,
        }))}
        interviewers={interviewers}
      />
    </>
  );
});

export const generateMetadata = pageTitle("survey");
