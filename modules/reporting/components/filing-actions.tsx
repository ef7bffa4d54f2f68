"use client";
// Submit a report (its body's reporter) or return it with a comment (the Committee).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";
import { useIssueText } from "@/modules/questionnaire/components/use-issue-text";
import { settleAutosaves } from "@/modules/questionnaire/components/use-autosave";

export function FilingActions({ api, canSubmit, canReturn }: { api: string; canSubmit: boolean; canReturn: boolean }) {
  const t = useTranslations("reports");
  const refused = useRefusal();
  const text = useIssueText();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<{ reason: string; details?: { cell: string; code: string; params?: Record<string, string | number> }[] } | null>(null);
  const run = (body: { action: string; comment?: string }) =>
    start(async () => {
      setError(null);
      // Submitting acts on the stored answers: the last ones typed are saved first.
      if (body.action === "submit" && !(await settleAutosaves())) return setError({ reason: t("unsavedBeforeSubmit") });
      const r = await fetch(`${api}/transitions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (r.ok) return router.refresh();
      const b = await r.json().catch(() => ({}));
      setError({ reason: refused(b, r.status), details: b.details });
    });
  // Nothing to do (a submitted report seen by its body): no empty card.
  if (!canSubmit && !canReturn && !error) return null;
  return (
    <div className="card" data-testid="filing-actions">
      {canSubmit && (
        <button type="button" disabled={pending} onClick={() => run({ action: "submit" })}>
          {t("submit")}
        </button>
      )}
      {canReturn && (
        <div className="inline-form">
          <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t("returnComment")} aria-label={t("returnComment")} />
          <button type="button" className="secondary" disabled={pending || !comment.trim()} onClick={() => run({ action: "return", comment })}>
            {t("return")}
          </button>
        </div>
      )}
      {error && (
        <div className="alert error" role="alert" data-testid="filing-error">
          {error.reason}
          {error.details && (
            <ul>
              {error.details.slice(0, 30).map((d) => (
                <li key={d.cell + d.code}>
                  {d.cell}: {text(d.code, d.params ?? {})}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
