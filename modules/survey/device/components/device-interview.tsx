"use client";
// One interview from the device store, in the same form and under the same rules as online: the
// autosave writes into the device store; Complete checks the rules here and queues the interview.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRefusalReason } from "@/lib/i18n/use-refusal";
import { evaluateAll } from "@/modules/questionnaire/rules";
import { questionsOf } from "@/modules/questionnaire/walk";
import { progressOf } from "@/modules/questionnaire/progress";
import type { AnswerChange } from "@/modules/questionnaire/schemas";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import { COMMENT_SLOTS, CommentThreads, type InterviewComment } from "@/modules/survey/components/interview-form";
import { settleAutosaves } from "@/modules/questionnaire/components/use-autosave";
import type { LocalizedText, Questionnaire } from "@/modules/questionnaire/definition";
import { answersOf, editableHere } from "../queue";
import { completeHere, deviceDb, discardHere, replyHere, saveHere } from "../store";
import type { DeviceInterview } from "../types";

const inLocale = (text: LocalizedText, locale: string) => (text as Record<string, string | undefined>)[locale] ?? text.en;

type Props = { interview: DeviceInterview; questionnaire: Questionnaire; regionName: string };

export function DeviceInterviewView({ interview, questionnaire, regionName }: Props) {
  const t = useTranslations("device");
  const reason = useRefusalReason();
  const ts = useTranslations("survey");
  const locale = useLocale();
  // The form is built from the interview as it was when opened; later writes (its own saves, a sync)
  // must not reset what is on the screen.
  const [opened, setOpened] = useState(interview);
  // ...except when it becomes editable (a rejection brought by a sync while it was open read-only).
  const live = editableHere(interview);
  useEffect(() => {
    if (live) setOpened((o) => (editableHere(o) ? o : interview));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the switch to editable reopens it
  }, [live]);
  const [problems, setProblems] = useState<{ question: string; label: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const answers = useMemo(() => answersOf(opened), [opened]);
  const questions = useMemo(() => questionnaire.parts.flatMap((p) => questionsOf(p)), [questionnaire]);
  const form = ts("interview.form");
  const instrument = useMemo(() => ({ id: "0", title: { en: form }, questions: [], parts: questionnaire.parts }), [questionnaire, form]);
  const context = useMemo(() => ({ fieldwork: opened.fieldwork }), [opened]);
  // The supervisor's comments with the replies: the one written here (unsent) over the server's.
  const comments = useMemo(
    (): InterviewComment[] =>
      opened.comments.map((c) => ({
        id: c.id,
        questionId: c.question,
        by: c.by,
        text: c.text,
        at: c.at,
        reply: opened.replies?.[c.id] ?? c.reply,
        repliedAt: c.repliedAt,
      })),
    [opened],
  );
  const review = useMemo(() => ({ api: "", reviewer: false, queries: [], flags: {}, series: null }), []);
  const sendReply = useCallback(async (comment: number, text: string) => ((await replyHere(opened.id, comment, text)) ? null : t("notFound")), [opened.id, t]);
  const canWrite = editableHere(interview);
  const readOnly = !editableHere(opened);

  // The autosave's PUT, answered by the device store as the server would answer it.
  const fetcher = useCallback(
    async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { changes } = JSON.parse(String(init?.body)) as { changes: AnswerChange[] };
      if (!(await saveHere(opened.id, changes))) return Response.json({ error: t("notFound") }, { status: 404 });
      return Response.json({ saved: changes.map((c) => ({ cell: c.cell, version: c.baseVersion })), conflicts: [] });
    },
    [opened.id, t],
  ) as typeof fetch;

  const complete = async () => {
    setBusy(true);
    try {
      if (!(await settleAutosaves())) return setProblems([]);
      const now = await deviceDb().interviews.get(opened.id);
      if (!now || !editableHere(now)) return;
      const stored = answersOf(now);
      const errors = evaluateAll(questionnaire, (k) => stored[k]?.answer, { submit: true, context: { fieldwork: now.fieldwork } }).filter(
        (i) => i.severity === "error",
      );
      if (errors.length) {
        const seen = new Set<string>();
        setProblems(
          errors
            .filter((e) => !seen.has(e.question) && seen.add(e.question))
            .map((e) => ({ question: e.question, label: inLocale(questions.find((q) => q.id === e.question)?.label ?? { en: e.question }, locale) })),
        );
        return;
      }
      await completeHere(opened.id);
      location.href = "/survey/device";
    } finally {
      setBusy(false);
    }
  };

  const read = (k: string) => answers[k]?.answer;
  return (
    <>
      <h1>{ts("interview.title", { household: interview.householdId })}</h1>
      <p>
        {ts("interview.region", { region: regionName })} · {ts(interview.settlement === "1" ? "settlements.1" : "settlements.2")} ·{" "}
        <span translate="no">{interview.address}</span> · <strong data-testid="interview-status">{ts(`states.${interview.status}` as never)}</strong>
        {interview.completedHere && <> · {t("completedHere")}</>}
      </p>
      {interview.unassigned && (
        <TakenAway interview={interview} label={(cell) => inLocale(questions.find((q) => q.id === cell)?.label ?? { en: cell }, locale)} />
      )}
      {interview.refusal && (
        <div className="alert error" role="alert" data-testid="device-refusal">
          {t("refused", { reason: reason(interview.refusal) })}
        </div>
      )}
      <div className="card" data-testid="interview-actions">
        {canWrite && (
          <button type="button" disabled={busy} onClick={() => void complete()}>
            {ts("interview.complete")}
          </button>
        )}
        {problems && (
          <div className="alert error" role="alert" data-testid="interview-error">
            {problems.length ? t("completeErrors", { count: problems.length }) : ts("interview.unsavedBeforeComplete")}
            <ul>
              {problems.slice(0, 30).map((p) => (
                <li key={p.question}>
                  {p.question}: {p.label}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <CommentThreads comments={comments} canReply={!readOnly} sendReply={sendReply}>
        <ReplyForm
          key={readOnly ? "read" : "write"}
          slots={COMMENT_SLOTS}
          chapter={instrument}
          chapters={[{ id: "0", title: form, href: `/survey/device?i=${opened.id}`, ...progressOf(questions, read), warnings: 0, errors: 0 }]}
          locale={locale}
          answers={answers}
          saveUrl={`device:${opened.id}`}
          readOnly={readOnly}
          previous={{}}
          previousCycle={null}
          variationThreshold={20}
          review={review}
          context={context}
          fetcher={fetcher}
        />
      </CommentThreads>
    </>
  );
}

/** An interview the server no longer lists as this interviewer's (reassigned, or taken back): said
 *  plainly; what was typed here and not accepted stays visible and can be downloaded until the
 *  interviewer discards the copy (after confirming). */
function TakenAway({ interview, label }: { interview: DeviceInterview; label: (cell: string) => string }) {
  const t = useTranslations("device");
  const cells = Object.keys(interview.local);
  const unsent = cells.length + Object.keys(interview.replies ?? {}).length;
  const download = () => {
    const body = JSON.stringify(
      { wave: interview.wave, household: interview.householdId, interview: interview.id, answers: interview.local, replies: interview.replies ?? {} },
      null,
      2,
    );
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    a.download = `interview-${interview.wave}-${interview.householdId}-not-sent.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const discard = async () => {
    if (!window.confirm(t("discardConfirm", { household: interview.householdId, count: unsent }))) return;
    await discardHere(interview.id);
    location.href = "/survey/device";
  };
  return (
    <div className="alert error" role="alert" data-testid="device-taken-away">
      <p>{t("takenAway")}</p>
      {unsent > 0 && (
        <p data-testid="device-not-accepted">
          {t("notAccepted", { count: unsent })} {cells.map(label).join("; ")}
        </p>
      )}
      <p className="inline-form">
        {unsent > 0 && (
          <button type="button" className="secondary" onClick={download}>
            {t("downloadNotSent")}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void discard()}>
          {t("discard")}
        </button>
      </p>
    </div>
  );
}
