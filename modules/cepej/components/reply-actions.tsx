"use client";
// Submit (correspondent) and return / validate / reopen (reviewer). A refused submission lists
// what to fix, each item linked to its question.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";
import type { Blocker } from "@/modules/questionnaire/submit-check";
import { SubmitCheck } from "./submit-check";
import { TEXT_MAX } from "@/lib/text-limits";

type Props = { api: string; base: string; questionnaireUrl: string; actions: ("submit" | "return" | "validate" | "reopen")[] };

export function ReplyActions({ api, base, questionnaireUrl, actions }: Props) {
  const t = useTranslations("workflow");
  const refused = useRefusal();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [blockers, setBlockers] = useState<Blocker[]>([]);

  const run = (action: string) =>
    start(async () => {
      setError(null);
      setBlockers([]);
      const response = await fetch(`${api}/transitions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action, note: note || null }),
      });
      if (response.ok) {
        setNote("");
        router.refresh();
        return;
      }
      const body = await response.json().catch(() => ({}));
      setError(refused(body, response.status));
      if (Array.isArray(body.details)) setBlockers(body.details);
    });

  if (!actions.length) return null;
  return (
    <div className="card" data-testid="reply-actions">
      {actions.some((a) => a !== "submit") && (
        <label className="field">
          <span>{t("note")}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={TEXT_MAX.comment} aria-label={t("note")} />
        </label>
      )}
      <div className="inline-form">
        {actions.map((a) => (
          <button key={a} type="button" disabled={pending} onClick={() => run(a)} className={a === "submit" || a === "validate" ? "" : "secondary"}>
            {t(a)}
          </button>
        ))}
      </div>
      {error && (
        <p className="alert error" role="alert" data-testid="workflow-error">
          {error}
        </p>
      )}
      {blockers.length > 0 && <SubmitCheck blockers={blockers} base={base} questionnaireUrl={questionnaireUrl} />}
    </div>
  );
}
