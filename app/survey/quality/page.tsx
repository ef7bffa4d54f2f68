// Fieldwork quality (supervisors, administrators): per interviewer of a wave, the interviews
// assigned, handed in, rejected and approved, the median duration, the interviews shorter than a
// threshold, and the item non-response and refusal rates; by region.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { REGIONS } from "@/db/reference-data";
import { regionName } from "@/lib/i18n/reference";
import { listWaves } from "@/modules/survey/server/households";
import { fieldworkQuality } from "@/modules/survey/server/quality";
import { fieldworkWave, todayUtc } from "@/modules/survey/fieldwork";
import { DEFAULT_THRESHOLD_MINUTES } from "@/modules/survey/quality";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("fieldQuality");

export default page(async ({ searchParams, db }) => {
  const user = await requireAccess("read", { kind: "fieldworkQuality" });
  const p = pageQuery(searchParams);
  const waves = await listWaves(db);
  const asked = p.int("wave", { min: 1900, max: 2999 });
  const wave = waves.find((w) => w.year === asked)?.year ?? fieldworkWave(waves, todayUtc())?.year ?? 0;
  const scope = scopeOf(user);
  const regions = REGIONS.filter((r) => !scope.regions || scope.regions.includes(r.code));
  const region = regions.find((r) => r.code === p.one("region"))?.code;
  const threshold = p.int("threshold", { min: 1, max: 240 }) ?? DEFAULT_THRESHOLD_MINUTES;
  const { interviewers: rows, flagged } = await fieldworkQuality(db, user, wave, { region, thresholdSeconds: threshold * 60 });
  const [t, tSurvey, locale, format] = await Promise.all([getTranslations("survey.quality"), getTranslations("survey"), getLocale(), getFormatter()]);
  const pct = (x: number | null) => (x === null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 1 }));
  const minutes = (s: number | null) => (s === null ? "—" : format.number(s / 60, { maximumFractionDigits: 1 }));
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/survey?wave=${wave}`}>{tSurvey("title", { wave })}</Link>
      </p>
      <h1>{t("title", { wave })}</h1>
      <form method="get" className="inline-form">
        <select name="wave" defaultValue={wave} aria-label={tSurvey("wave")}>
          {waves.map((w) => (
            <option key={w.year} value={w.year}>
              {w.year}
            </option>
          ))}
        </select>
        <select name="region" defaultValue={region ?? ""} aria-label={tSurvey("region")}>
          <option value="">{tSurvey("allMyRegions")}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {regionName(r.code, locale)}
            </option>
          ))}
        </select>
        <label>
          {t("threshold")} <input type="number" name="threshold" min={1} max={240} defaultValue={threshold} className="year-field" />
        </label>
        <button type="submit" className="secondary">
          {tSurvey("filter")}
        </button>
      </form>
      <table className="list" data-testid="quality">
        <thead>
          <tr>
            <th>{tSurvey("interviewer")}</th>
            <th>{t("assigned")}</th>
            <th>{t("completed")}</th>
            <th>{t("rejected")}</th>
            <th>{t("approved")}</th>
            <th>{t("medianDuration")}</th>
            <th>{t("short", { minutes: threshold })}</th>
            <th>{t("itemNonResponse")}</th>
            <th>{t("refusalRate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-interviewer={r.id}>
              <td>{r.name}</td>
              <td>{r.assigned}</td>
              <td>{r.completed}</td>
              <td>{r.rejected}</td>
              <td>{r.approved}</td>
              <td>{minutes(r.medianDurationSeconds)}</td>
              <td className={r.short ? "error" : undefined}>{r.short}</td>
              <td>{pct(r.itemNonResponse)}</td>
              <td>{pct(r.refusalRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!rows.length && <p className="muted">{t("none")}</p>}
      {flagged.length > 0 && (
        <>
          <h2>{t("flagged", { minutes: threshold })}</h2>
          <table className="list" data-testid="quality-flagged">
            <thead>
              <tr>
                <th>{tSurvey("household")}</th>
                <th>{tSurvey("interviewer")}</th>
                <th>{tSurvey("status")}</th>
                <th>{t("duration")}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.slice(0, 500).map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={`/survey/interviews/${f.id}`}>{f.householdId}</Link>
                  </td>
                  <td>{f.interviewer}</td>
                  <td>{tSurvey(`states.${f.status}` as never)}</td>
                  <td>{minutes(f.durationSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="muted small">{t("notes")}</p>
      <p>
        <a href={`/api/survey/waves/${wave}/paradata?format=csv`}>{t("paradata")}</a> ·{" "}
        <a href={`/api/survey/waves/${wave}/paradata?format=codebook`}>{t("paradataCodebook")}</a>
      </p>
    </>
  );
});
