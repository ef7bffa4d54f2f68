"use client";
// The live parts of a question: the computed sum beside a typed total, the question's rule
// messages, and whether the question is enabled. Each watches only the fields it depends on,
// so typing re-renders the cell, its totals and its question's messages, never the whole form.
import { memo, useEffect, useLayoutEffect, useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import { useIssueText } from "./use-issue-text";
import type { Question } from "@/modules/questionnaire/definition";
import { cellsOf, commentKey, type Cell } from "@/modules/questionnaire/cells";
import { computeSum, sameIssue, type Issue } from "@/modules/questionnaire/rules";
import { conditionKeys, questionEnabled } from "@/modules/questionnaire/conditions";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { statusField } from "@/modules/questionnaire/form-values";
import { useAnswerReader, useLocalized, useReply, useTextLang } from "./reply-context";
import { useFieldsChange } from "./field-hub";

// Totals and messages follow the keystroke by one frame, so that the typed digit shows at once (field-hub.ts).
const AFTER_PAINT = { afterPaint: true } as const;
import { ExplainWarning, ReusedCommentNote } from "./explain-warning";
import { issueId, useCellIssues, useIssueStore } from "./question-issues";

/** Fields to watch for a set of keys: number cells have their NA/NAP field too. */
function useFields(keys: string[]) {
  const { index } = useReply();
  return useMemo(
    () =>
      keys
        .filter((k) => index.keys.has(k))
        .flatMap((k) => {
          const info = index.keys.get(k);
          return info?.kind === "cell" && info.cell.spec.kind === "number" ? [k, statusField(k)] : [k];
        }),
    [keys, index],
  );
}

export function ComputedSum({ total, parts }: { total: string; parts: string[] }) {
  const t = useTranslations("form");
  const read = useAnswerReader();
  const { locale } = useReply();
  const fields = useFields(useMemo(() => [total, ...parts], [total, parts]));
  useFieldsChange(useFormContext().control, fields, AFTER_PAINT);
  const sum = computeSum(parts, read);
  const typed = read(total);
  const state = sum === null ? "unknown" : typed?.num === null || typed?.num === undefined ? "empty" : typed.num === sum ? "match" : "mismatch";
  return (
    <span className={`computed ${state}`} data-testid={`sum-${total}`} title={t("computedSum")}>
      Σ {sum === null ? "—" : formatNumber(sum, locale)}
    </span>
  );
}

/** Is the question enabled by its condition? Re-evaluated when the fields it looks at change. */
export function useQuestionEnabled(q: Question): boolean {
  const read = useAnswerReader();
  const keys = useMemo(() => conditionKeys(q), [q]);
  const fields = useFields(keys);
  useFieldsChange(useFormContext().control, fields);
  return questionEnabled(q, read);
}

export function QuestionIssues({ question }: { question: Question }) {
  const read = useAnswerReader();
  const { previous } = useReply();
  const store = useIssueStore()!;
  useFieldsChange(useFormContext().control, store.fields, AFTER_PAINT); // the comment is among them
  const issues = store.all();
  // The cells' messages (CellIssues) follow this evaluation, in the same commit.
  useLayoutEffect(() => store.publish(), [store, issues]);
  const signature = issues.map((i) => `${i.cell}:${i.severity}:${i.explained}`).join("|");

  // Mark the cells themselves, without re-rendering them.
  useEffect(() => {
    const root = document.getElementById(`q-${question.id}`);
    if (!root) return;
    root.querySelectorAll("[data-issue]").forEach((el) => el.removeAttribute("data-issue"));
    for (const i of issues) {
      const el = root.querySelector(`[data-cell="${CSS.escape(i.cell)}"]`);
      if (el) el.setAttribute("data-issue", i.severity === "warning" && i.explained ? "explained" : i.severity);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, question.id]);

  // The question's cells by key, once per question: each message names its cell's row and column
  // (cellsOf rebuilds every cell of a grid, and used to run once per message per keystroke).
  const byKey = useMemo(() => new Map(cellsOf(question).map((c) => [c.key, c])), [question]);
  const comment = read(commentKey(question.id))?.text ?? undefined;
  // A grid cell's message is shown under the cell (CellIssues); the list keeps the others.
  const listed = issues.filter((i) => !store.placedAtCell(i));
  // "The comment is last cycle's, reused as is" is said here, for the warnings of the cells too.
  const before = previous[commentKey(question.id)]?.text?.trim();
  const reused = !!comment && !!before && comment.trim() === before && issues.some((i) => i.severity === "warning");
  if (!listed.length && !reused) return null;
  return (
    <ul className="issues" data-testid={`issues-${question.id}`}>
      {reused && <ReusedCommentNote questionId={question.id} comment={comment} />}
      {listed.map((i) => (
        <IssueLine key={`${i.code}-${i.cell}`} issue={i} cell={byKey.get(i.cell)} questionId={question.id} hasComment={!!comment?.trim()} />
      ))}
    </ul>
  );
}

// memo: a keystroke re-evaluates the question's rules, but most of its messages (a dozen on Q091)
// stay the same and need not render again.
const IssueLine = memo(
  function IssueLine({ issue, cell, questionId, hasComment }: { issue: Issue; cell: Cell | undefined; questionId: string; hasComment: boolean }) {
    const t = useTranslations("form");
    const text = useIssueText();
    const l = useLocalized();
    const lang = useTextLang();
    const where = cell?.row ? `${l(cell.row.label).slice(0, 60)} / ${l(cell.col!.label)}` : questionId;
    const kind = issue.severity === "error" ? "error" : issue.explained ? "explained" : "warning";
    return (
      <li className={`issue ${kind}`} data-code={issue.code}>
        <strong>{t(`severity.${kind}`)}</strong> <span lang={cell?.row ? lang(cell.row.label) : undefined}>{where}</span>: {text(issue.code, issue.params)}{" "}
        <ExplainWarning issue={issue} hasComment={hasComment} />
      </li>
    );
  },
  (a, b) => a.cell === b.cell && a.questionId === b.questionId && a.hasComment === b.hasComment && sameIssue(a.issue, b.issue),
);

/** A grid cell's messages, under the cell; its control names them in aria-describedby (useCellIssueId).
 *  The cell's row and column need no repeating here: the message sits in them. */
export function CellIssues({ cellKey, questionId }: { cellKey: string; questionId: string }) {
  const issues = useCellIssues(cellKey);
  if (!issues.length) return null;
  return (
    <span className="cell-issues" id={issueId(cellKey)} data-testid={issueId(cellKey)}>
      {issues.map((i) => (
        <CellIssueLine key={i.code} issue={i} questionId={questionId} />
      ))}
    </span>
  );
}

function CellIssueLine({ issue, questionId }: { issue: Issue; questionId: string }) {
  const t = useTranslations("form");
  const text = useIssueText();
  const read = useAnswerReader();
  useFieldsChange(useFormContext().control, useFields(useMemo(() => [commentKey(questionId)], [questionId])));
  const hasComment = !!read(commentKey(questionId))?.text?.trim();
  const kind = issue.severity === "error" ? "error" : issue.explained ? "explained" : "warning";
  return (
    <span className={`issue ${kind}`} data-code={issue.code}>
      <strong>{t(`severity.${kind}`)}</strong>: {text(issue.code, issue.params)} <ExplainWarning issue={issue} hasComment={hasComment} />
    </span>
  );
}
