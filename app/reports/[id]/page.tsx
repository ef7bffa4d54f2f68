// One report: the form (rendered from its definition by the questionnaire engine), its deadline
// and state, submit / return.
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { reportFormTitle, reportingBodyName } from "@/lib/i18n/reference";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { FORM_DEFINITIONS, findFiling } from "@/modules/reporting/server/filings";
import { findForm } from "@/modules/reporting/forms";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { progressOf } from "@/modules/questionnaire/progress";
import { questionsOf } from "@/modules/questionnaire/walk";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import { FilingActions } from "@/modules/reporting/components/filing-actions";
import { pageTitle } from "@/lib/ui/page-title";

export default page<{ id: string }>(async ({ params, db }) => {
  await requireUser();
  const id = Number(params.id);
  const found = Number.isInteger(id) ? await findFiling(db, id) : undefined;
  const user = await requireAccess("read", { kind: "reportingBody", bodyId: found?.filing.bodyId ?? -1 });
  if (!found) notFound();
  const { filing, body } = found;
  const t = await getTranslations("reports");
  const locale = await getLocale();
  const form = findForm(filing.formNumber)!;
  const index = await loadQuestionnaire(db, FORM_DEFINITIONS[filing.formNumber]);
  const stored = await loadAnswers(db, filing.responseId);
  const chapter = index.questionnaire.parts[0];
  const canWrite = decide(user, "write", { kind: "reportingBody", bodyId: body.id }).allowed && filing.status !== "submitted";
  const reviewer = decide(user, "review", { kind: "reportingBody", bodyId: body.id }).allowed;
  const progress = progressOf(questionsOf(chapter), (k) => stored.get(k)?.answer);
  return (
    <>
      <p className="breadcrumb">{user.role === "admin" ? <Link href="/admin/reports">{t("dashboard")}</Link> : <Link href="/reports">{t("back")}</Link>}</p>
      <h1>
        {form.code} — {reportFormTitle(form.number, form.title, locale)}
      </h1>
      <p>
        {reportingBodyName(body.name, locale)} · {t("period")} <strong>{filing.period}</strong> · {t("due")}{" "}
        <strong data-testid="filing-due">{formatDate(filing.due, locale)}</strong> ·{" "}
        <strong data-testid="filing-status">
          {filing.status === "submitted"
            ? t(filing.daysLate ? "submittedLate" : "submittedOnTime", { days: filing.daysLate ?? 0 })
            : t(`status.${filing.status}`)}
        </strong>
      </p>
      {filing.returnComment && <p className="alert">{t("returnedWith", { comment: filing.returnComment })}</p>}
      <FilingActions api={`/api/reports/${filing.id}`} canSubmit={canWrite && user.role === "reporter"} canReturn={reviewer && filing.status === "submitted"} />
      <ReplyForm
        chapter={chapter}
        chapters={[{ id: chapter.id, title: `${form.code} ${filing.period}`, href: `/reports/${filing.id}`, ...progress, warnings: 0, errors: 0 }]}
        locale={locale}
        answers={Object.fromEntries(stored)}
        saveUrl={`/api/reports/${filing.id}/answers`}
        readOnly={!canWrite}
        previous={{}}
        previousCycle={null}
        variationThreshold={20}
        review={{ api: `/api/reports/${filing.id}`, reviewer: false, queries: [], flags: {}, series: null }}
      />
    </>
  );
});

export const generateMetadata = pageTitle("report");
