// One interview: the interviewer enters it (keyboard first); the supervisor reviews it.
import { notFound } from "next/navigation";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { regionName } from "@/lib/i18n/reference";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { inLocale } from "@/modules/survey/labels";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { eventsOf, findHousehold, findWave, reviewCommentsOf } from "@/modules/survey/server/households";
import { isEditable } from "@/modules/survey/server/interviews";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { questionsOf } from "@/modules/questionnaire/walk";
import { progressOf } from "@/modules/questionnaire/progress";
import { InterviewForm } from "@/modules/survey/components/interview-form";
import { isInterviewLanguage } from "@/modules/survey/paradata";
import { InterviewActions } from "@/modules/survey/components/interview-actions";
import { DeviceGuard } from "@/modules/survey/device/components/device-guard";
import { pageTitle } from "@/lib/ui/page-title";

export default page<{ id: string }>(async ({ params, db }) => {
  await requireUser();
  const id = Number(params.id);
  const h = Number.isInteger(id) ? await findHousehold(db, id) : undefined;
  const user = await requireAccess("read", { kind: "interview", region: h?.region ?? "-", interviewerId: h?.interviewerId ?? null });
  if (!h) notFound();
  const wave = (await findWave(db, h.wave))!;
  const index = await loadQuestionnaire(db, "udn");
  const stored = h.responseId ? await loadAnswers(db, h.responseId) : new Map();
  const resource = { kind: "interview" as const, region: h.region, interviewerId: h.interviewerId };
  const canWrite = decide(user, "write", resource).allowed && isEditable(h.status);
  const canReview = decide(user, "review", resource).allowed && h.status === "completed";
  const comments = await reviewCommentsOf(db, h.id);
  const events = await eventsOf(db, h.id);
  const questions = index.questionnaire.parts.flatMap((p) => questionsOf(p));
  const read = (k: string) => stored.get(k)?.answer;
  const [locale, t, tNav, format] = await Promise.all([getLocale(), getTranslations("survey"), getTranslations("nav"), getFormatter()]);
  const state = (status: string) => t(`states.${status}` as never);
  // The history's notes are stored as the services write them (interviews.ts, households.ts): shown in the user's language.
  const noteText = (note: string) => {
    const assigned = /^assigned to (.+)$/.exec(note);
    if (assigned) return t("interview.notes.assigned", { name: assigned[1] });
    const comments = /^(\d+) comment\(s\)$/.exec(note);
    if (comments) return t("interview.notes.comments", { count: Number(comments[1]) });
    return note === "imported" ? t("interview.notes.imported") : note;
  };
  const form = t("interview.form");
  // The whole instrument on one page and in one form, so that skip logic across sections is live.
  const instrument = { id: "0", title: { en: form }, questions: [], parts: index.questionnaire.parts };
  return (
    <>
      <p className="breadcrumb">
        <Link href="/survey">{tNav("survey")}</Link>
      </p>
      <h1>{t("interview.title", { household: h.householdId })}</h1>
      <p>
        {t("interview.region", { region: regionName(h.region, locale) })} · {t(h.settlement === "1" ? "settlements.1" : "settlements.2")} ·{" "}
        <span translate="no">{h.address}</span> · {t("interview.weight", { weight: format.number(h.weight, { maximumFractionDigits: 4 }) })} ·{" "}
        {t("interview.fieldwork", { start: formatDate(wave.fieldworkStart, locale), end: formatDate(wave.fieldworkEnd, locale) })} ·{" "}
        <strong data-testid="interview-status">{state(h.status)}</strong>
      </p>
      {canWrite && user.role === "interviewer" && <DeviceGuard id={h.id} />}
      <InterviewActions
        api={`/api/survey/interviews/${h.id}`}
        canComplete={canWrite}
        canReview={canReview}
        questions={questions.map((q) => ({ id: q.id, label: inLocale(q.label, locale) }))}
      />
      <InterviewForm
        api={`/api/survey/interviews/${h.id}`}
        language={h.interviewLanguage ?? (isInterviewLanguage(locale) ? locale : "ru")}
        canWrite={canWrite}
        comments={comments}
        chapter={instrument}
        chapters={[{ id: "0", title: form, href: `/survey/interviews/${h.id}`, ...progressOf(questions, read), warnings: 0, errors: 0 }]}
        answers={Object.fromEntries(stored)}
        saveUrl={`/api/survey/interviews/${h.id}/answers`}
        readOnly={!canWrite}
        previous={{}}
        previousCycle={null}
        variationThreshold={20}
        review={{ api: "", reviewer: false, queries: [], flags: {}, series: null }}
        context={{ fieldwork: { start: wave.fieldworkStart, end: wave.fieldworkEnd } }}
      />
      <div className="card history">
        <h2>{t("interview.history")}</h2>
        <ol>
          {events.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, locale)} · {e.by ?? "—"}: {state(e.from)} → {state(e.to)}
              {/* An import's note repeats its state ("imported from a file"). */}
              {e.note && !(e.from === "imported" && e.note === "imported") ? ` — ${noteText(e.note)}` : ""}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
});

export const generateMetadata = pageTitle("interview");
