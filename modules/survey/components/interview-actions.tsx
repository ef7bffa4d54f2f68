"use client";
// Complete an interview (interviewer), or approve / reject it with comments on questions (supervisor).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { settleAutosaves } from "@/modules/questionnaire/components/use-autosave";

type Props = { api: string; canComplete: boolean; canReview: boolean; questions: { id: string; label: string }[] };

export function InterviewActions({ api, canComplete, canReview, questions }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ text: string; details?: { question: string; code: string }[] } | null>(null);
  const [comments, setComments] = useState([{ question: questions[0]?.id ?? "", text: "" }]);
  const post = (body: { action: string; comments?: unknown }) =>
    start(async () => {
      setError(null);
      // Completing acts on the stored answers: the last ones typed are saved first.
      if (body.action === "complete" && !(await settleAutosaves())) {
        setError({ text: "Some answers could not be saved yet (see the message above the form). Nothing was completed." });
        return;
      }
      const r = await fetch(`${api}/transitions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (r.ok) return router.refresh();
      const b = await r.json().catch(() => ({}));
      setError({ text: b.error ?? `HTTP ${r.status}`, details: b.details });
    });
  return (
    <div className="card" data-testid="interview-actions">
      {canComplete && (
        <button type="button" disabled={pending} onClick={() => post({ action: "complete" })}>
          Complete the interview
        </button>
      )}
      {canReview && (
        <>
          <button type="button" disabled={pending} onClick={() => post({ action: "approve" })}>
            Approve
          </button>
          <h3>Reject with comments</h3>
          {comments.map((c, i) => (
            <div className="inline-form" key={i}>
              <select
                aria-label={`Question ${i + 1}`}
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
                aria-label={`Comment ${i + 1}`}
                value={c.text}
                onChange={(e) => setComments((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
              />
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setComments((all) => [...all, { question: questions[0]?.id ?? "", text: "" }])}>
            Add a comment
          </button>{" "}
          <button
            type="button"
            className="secondary"
            disabled={pending || !comments.some((c) => c.text.trim())}
            onClick={() => post({ action: "reject", comments: comments.filter((c) => c.text.trim()) })}
          >
            Reject
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
                  {d.question}: {d.code}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
