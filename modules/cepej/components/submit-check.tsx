"use client";
// The refused submission's list: by chapter (with its counts), then question, each item named by
// its row and column and linked to the cell itself (the chapter's form focuses it). Every item is
// listed: a reply with 1 300 unanswered cells shows 1 300, grouped.
import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { LocalizedText, Questionnaire } from "@/modules/questionnaire/definition";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { blockerHref, groupBlockers, type Blocker } from "@/modules/questionnaire/submit-check";
import { useIssueText } from "@/modules/questionnaire/components/use-issue-text";

export function SubmitCheck({ blockers, base, questionnaireUrl }: { blockers: Blocker[]; base: string; questionnaireUrl: string }) {
  const t = useTranslations("submitCheck");
  const locale = useLocale();
  const issueText = useIssueText();
  const [definition, setDefinition] = useState<Questionnaire | null>(null);
  useEffect(() => {
    let live = true;
    fetch(questionnaireUrl)
      .then((r) => (r.ok ? r.json() : null))
      .then((q) => live && q && setDefinition(q))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [questionnaireUrl]);
  const groups = useMemo(() => (definition ? groupBlockers(indexQuestionnaire(definition), blockers) : null), [definition, blockers]);
  const l = (text: LocalizedText | null | undefined) => (text ? ((text as Record<string, string | undefined>)[locale] ?? text.en) : "");
  // A text shown in English for want of the reader's language is marked so (screen readers, the text measure).
  const langOf = (text: LocalizedText | null | undefined) =>
    text && locale !== "en" && !(text as Record<string, string | undefined>)[locale] ? "en" : undefined;
  if (!groups)
    return (
      <p className="muted" data-testid="blockers-loading">
        {t("loading", { count: blockers.length })}
      </p>
    );
  return (
    <div className="blockers" data-testid="blockers">
      <p>{t("summary", { count: blockers.length, chapters: groups.length })}</p>
      {groups.map((g) => (
        <details key={g.chapter} open className="blocker-chapter" data-testid={`blockers-chapter-${g.chapter}`}>
          <summary>
            <strong>
              {g.chapter}. <span lang={langOf(g.title)}>{l(g.title)}</span>
            </strong>{" "}
            <span className="counts" data-testid={`blockers-count-${g.chapter}`}>
              {t("chapterCount", { count: g.count, errors: g.errors, warnings: g.warnings })}
            </span>
          </summary>
          {g.questions.map((q) => (
            <section key={q.question} className="blocker-question" data-testid={`blockers-q-${q.question}`}>
              <h3 className="small">
                <Link href={`${base}/${g.chapter}#q-${q.question}`}>
                  {q.question}. <span lang={langOf(q.label)}>{l(q.label).slice(0, 120)}</span>
                </Link>
              </h3>
              <ul>
                {q.items.map((b, i) => (
                  <li key={`${b.code}-${b.cell}-${i}`} className={b.severity === "warning" ? "warning" : "error"}>
                    <Link href={blockerHref(base, b)} data-cell-link={b.cell}>
                      {b.row ? <span lang={langOf(b.row)}>{`${l(b.row)} / ${l(b.col)}`}</span> : t("answer")}
                    </Link>{" "}
                    — {issueText(b.code, b.params)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      ))}
    </div>
  );
}
