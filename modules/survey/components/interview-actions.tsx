"use client";
// Complete an interview (interviewer), or approve / reject it with comments on questions (supervisor).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";
import { useIssueText } from "@/modules/questionnaire/components/use-issue-text";
import { saveExtrasFor, settleAutosaves } from "@/modules/questionnaire/components/use-autosave";

/** A question the completion found wrong: its rule's code and values, worded like the form's messages. */
type Detail = { question: string; code: string; params?: Record<string, string | number> };

type Props = { api: string; canComplete: boolean; canReview: boolean; questions: { id: string; label: string }[] };

export function InterviewActions({ api, canComplete, canReview, questions }: Props) {
  const t = useTranslations("survey.interview");
  const refused = useRefusal();
  const router = useRouter();
  const [pending, start] = useTransition();
  const issueText = useIssueText();
  const [error, setError] = useState<{ text: string; details?: Detail[] } | null>(null);
  const labels = new Map(questions.map((q) => [q.id, q.label]));
  const [comments, setComments] = useState([{ question: questions[0]?.id ?? "", text: "" }]);
  const post = (body: { action: string; comments?: unknown }) =>
    start(async () => {
      setError(null);
      // Completing acts on the stored answers: the last ones typed are saved first.
      if (body.action === "complete" && !(await settleAutosaves())) {
        setError({ text: t("unsavedBeforeComplete") });
        return;
      }
      // the completion carries the session's last paradata (the autosave's extras)
      const extra = body.action === "complete" ? saveExtrasFor(`${api}/answers`) : {};
      const r = await fetch(`${api}/transitions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...extra, ...body }),
      });
      if (r.ok) return router.refresh();
      const b = await r.json().catch(() => ({}));
      // Only the rule messages of a completion are listed (a refused save's details are its cells).
      const details = Array.isArray(b.details)
        ? (b.details as Detail[]).filter((d) => d && typeof d.code === "string" && typeof d.question === "string")
        : undefined;
      setError({ text: refused(b, r.status), details });
    });
  return (
    <div className="card" data-testid="interview-actions">
      {canComplete && (
        <button type="button" disabled={pending} onClick={() => post({ action: "complete" })}>
          {t("complete")}
        </button>
      )}
      {canReview && (
        <>
          <button type="button" disabled={pending} onClick={() => post({ action: "approve" })}>
            {t("approve")}
          </button>
          <h3>{t("rejectWithComments")}</h3>
          {comments.map((c, i) => (
            <div className="inline-form" key={i}>
              <select
                aria-label={t("question", { n: i + 1 })}
                value={c.question}
                onChange={(e) => setComments((all) => all.map((x, j) => (j === i ? { ...x, question: e.target.value } : x)))}
              >
                {questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.id} — {q.label.slice(0, 60)}
                  </option>
                ))}
              </select>
              <input
                type="text"
                aria-label={t("comment", { n: i + 1 })}
                value={c.text}
                onChange={(e) => setComments((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
              />
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setComments((all) => [...all, { question: questions[0]?.id ?? "", text: "" }])}>
            {t("addComment")}
          </button>{" "}
          <button
            type="button"
            className="secondary"
            disabled={pending || !comments.some((c) => c.text.trim())}
            onClick={() => post({ action: "reject", comments: comments.filter((c) => c.text.trim()) })}
          >
            {t("reject")}
          </button>
        </>
      )}
      {error && (
        <div className="alert error" role="alert" data-testid="interview-error">
          {error.text}
          {error.details && (
            <ul>
              {error.details.slice(0, 30).map((d, i) => (
                <li key={i}>
                  {labels.get(d.question) ?? d.question}: {issueText(d.code, d.params)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
