"use client";
// Renders any question of a definition: the type decides the body; number, choice, tick and text
// cells are shared by single questions and grids. No question has a component of its own.
import { memo } from "react";
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { Column, Question, Row } from "@/modules/questionnaire/definition";
import { cellKey, commentKey, questionStatusKey } from "@/modules/questionnaire/cells";
import { sumsOf } from "@/modules/questionnaire/rules";
import { rowEnabled } from "@/modules/questionnaire/conditions";
import { COMMENT_MAX } from "@/modules/questionnaire/rules";
import { NumberCell } from "./cells/number-cell";
import { CheckCell, ChoiceCell, MultiCell } from "./cells/choice-cells";
import { TextCell } from "./cells/text-cell";
import { CellIssues, ComputedSum, QuestionIssues, useQuestionEnabled } from "./live";
import { IssueStoreProvider, useCellIssueId, useQuestionIssueStore } from "./question-issues";
import { useAnswerReader, useLocalized, useReply, useTextLang } from "./reply-context";
import { useFieldsChange } from "./field-hub";
import { useGridKeys } from "./grid-keys";
import { formatDateTime } from "@/lib/i18n/format";

export const QuestionBlock = memo(function QuestionBlock({ question }: { question: Question }) {
  return (
    <IssueStoreProvider value={useQuestionIssueStore(question)}>
      <QuestionSection question={question} />
    </IssueStoreProvider>
  );
});

function QuestionSection({ question }: { question: Question }) {
  const t = useTranslations("form");
  const l = useLocalized();
  const lang = useTextLang();
  const AfterQuestion = useReply().slots?.afterQuestion;
  const enabled = useQuestionEnabled(question);
  const number = question.displayId ?? question.id;
  const label = `${number}. ${l(question.label)}`;
  return (
    <section id={`q-${question.id}`} className={`question${enabled ? "" : " disabled"}`} data-question={question.id}>
      <h3 className="question-label" lang={lang(question.label)}>
        <span className="qnum" translate="no">
          {question.type === "sources" ? number : `${number}.`}
        </span>{" "}
        {l(question.label)}
      </h3>
      {question.note && (
        <details className="note">
          <summary>{t("explanatoryNote")}</summary>
          <p lang={lang(question.note)}>{l(question.note)}</p>
        </details>
      )}
      {!enabled && <p className="muted small">{t("notApplicableNow")}</p>}
      <fieldset disabled={!enabled} className="answer">
        <QuestionBody question={question} label={label} labelLang={lang(question.label)} />
        {question.questionStatus?.length ? <WholeQuestionStatus question={question} /> : null}
      </fieldset>
      {question.comment !== false && (
        <label className="comment">
          {question.comment ? <span lang={lang(question.comment)}>{l(question.comment)}</span> : <span>{t("comments")}</span>}
          <TextCell name={commentKey(question.id)} maxLength={COMMENT_MAX} label={`${number} ${t("comments")}`} rows={2} />
          <PreviousComment questionId={question.id} />
        </label>
      )}
      <QuestionIssues question={question} />
      <QuestionNotes questionId={question.id} />
      {AfterQuestion && <AfterQuestion question={question} />}
    </section>
  );
}

/** labelLang: the language of a cell's accessible name when it is not the page's (a definition's
 *  English); set on the control, whose aria-label it is. */
function QuestionBody({ question: q, label, labelLang }: { question: Question; label: string; labelLang?: string }) {
  switch (q.type) {
    case "number":
      return (
        <span data-cell={q.id}>
          <NumberCell cellKey={q.id} spec={q.number} label={label} labelLang={labelLang} threshold={q.variationThreshold} />
        </span>
      );
    case "choice":
      return (
        <span data-cell={q.id}>
          <ChoiceCell cellKey={q.id} options={q.options} label={label} labelLang={labelLang} />
        </span>
      );
    case "multi":
      return (
        <span data-cell={q.id}>
          <MultiCell cellKey={q.id} options={q.options} maxSelected={q.maxSelected} label={label} labelLang={labelLang} />
        </span>
      );
    case "text":
    case "sources":
      return (
        <span data-cell={q.id}>
          <TextCell name={q.id} maxLength={q.maxLength} label={label} labelLang={labelLang} rows={q.type === "sources" ? 3 : 6} />
        </span>
      );
    case "date":
      return (
        <span data-cell={q.id}>
          <DateCell cellKey={q.id} label={label} labelLang={labelLang} />
        </span>
      );
    case "grid":
      return <GridBody question={q} />;
  }
}

function GridBody({ question: q }: { question: Extract<Question, { type: "grid" }> }) {
  const l = useLocalized();
  const lang = useTextLang();
  const sums = new Map(
    sumsOf(q)
      .filter((s) => s.total.startsWith(`${q.id}:`))
      .map((s) => [s.total, s.parts]),
  );
  const rowsWithConditions = q.rows.some((r) => r.enabledWhen);
  const t = useTranslations("form");
  const { handlers, pasted } = useGridKeys();
  // A read-only grid has no control to tab to: its scroll area takes the focus itself (named after
  // the question), so that a keyboard user can scroll it.
  const { readOnly } = useReply();
  const scrollable = readOnly ? { tabIndex: 0, role: "region", "aria-label": l(q.label) } : {};
  return (
    <div className="grid-wrap" {...scrollable} {...handlers}>
      <table className="grid">
        <thead>
          <tr>
            <th className="corner" />
            {q.columns.map((c) => (
              <th key={c.id} scope="col" lang={lang(c.label)}>
                {l(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.rows.map((row) =>
            rowsWithConditions && row.enabledWhen ? (
              <ConditionalRow key={row.id} question={q} row={row} sums={sums} />
            ) : (
              <GridRow key={row.id} question={q} row={row} sums={sums} enabled />
            ),
          )}
        </tbody>
      </table>
      {pasted && (
        <p className="paste-note small" role="status" data-testid={`pasted-${q.id}`}>
          {t("pasted", { ...pasted })}
        </p>
      )}
    </div>
  );
}

function ConditionalRow(props: { question: Extract<Question, { type: "grid" }>; row: Row; sums: Map<string, string[]> }) {
  const read = useAnswerReader();
  useFieldsChange(useFormContext().control, null); // row conditions are rare: re-check on any change of this form
  return <GridRow {...props} enabled={rowEnabled(props.row, read)} />;
}

function GridRow({
  question: q,
  row,
  sums,
  enabled,
}: {
  question: Extract<Question, { type: "grid" }>;
  row: Row;
  sums: Map<string, string[]>;
  enabled: boolean;
}) {
  const l = useLocalized();
  const lang = useTextLang();
  const rowLabel = l(row.label);
  return (
    <tr className={`${row.sumOf ? "total-row" : ""}${enabled ? "" : " disabled"}`}>
      <th scope="row" lang={lang(row.label)} className={row.indent ? `indent-${row.indent}` : undefined}>
        {rowLabel}
      </th>
      {q.columns.map((col) => {
        if (row.emptyColumns?.includes(col.id)) return <td key={col.id} className="empty" />;
        const key = cellKey({ q: q.id, row: row.id, col: col.id });
        const parts = sums.get(key);
        return (
          <td key={col.id} data-cell={key}>
            <fieldset disabled={!enabled}>
              <GridCell
                cellKey={key}
                column={col}
                label={`${q.id} ${rowLabel} / ${l(col.label)}`}
                labelLang={lang(row.label) ?? lang(col.label)}
                threshold={q.variationThreshold}
              />
              {parts && <ComputedSum total={key} parts={parts} />}
            </fieldset>
            <CellIssues cellKey={key} questionId={q.id} />
          </td>
        );
      })}
    </tr>
  );
}

function GridCell({
  cellKey: key,
  column,
  label,
  labelLang,
  threshold,
}: {
  cellKey: string;
  column: Column;
  label: string;
  labelLang?: string;
  threshold?: number;
}) {
  const spec = column.cell;
  switch (spec.kind) {
    case "number":
      return <NumberCell cellKey={key} spec={spec.number} label={label} labelLang={labelLang} threshold={threshold} />;
    case "choice":
      return <ChoiceCell cellKey={key} options={spec.options} label={label} labelLang={labelLang} />;
    case "multi":
      return <MultiCell cellKey={key} options={spec.options} maxSelected={spec.maxSelected} label={label} labelLang={labelLang} />;
    case "check":
      return <CheckCell cellKey={key} label={label} labelLang={labelLang} />;
    case "text":
      return <TextCell name={key} maxLength={spec.maxLength} label={label} labelLang={labelLang} single />;
    case "date":
      return <DateCell cellKey={key} label={label} labelLang={labelLang} />;
  }
}

function WholeQuestionStatus({ question }: { question: Question }) {
  const { register } = useFormContext();
  const { readOnly } = useReply();
  const t = useTranslations("form");
  const name = questionStatusKey(question.id);
  return (
    <span className="whole-status">
      {question.questionStatus!.map((s) => (
        <label key={s} className="status">
          <input type="radio" value={s} disabled={readOnly} {...register(name)} /> {s === "NA" ? t("na") : t("nap")} ({t("wholeQuestion")})
        </label>
      ))}
    </span>
  );
}

/** Read-only notes at the question (a supervisor's comments on a rejected interview). */
function QuestionNotes({ questionId }: { questionId: string }) {
  const { review, locale } = useReply();
  const notes = review.notes?.[questionId] ?? [];
  if (!notes.length) return null;
  return (
    <div className="query open" data-testid={`notes-${questionId}`}>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>
            <span className="muted">
              {n.by} · {formatDateTime(n.at, locale)}:
            </span>{" "}
            {n.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The previous cycle's comment, with one click to reuse it (CEPEJ asks for comments to be repeated). */
function PreviousComment({ questionId }: { questionId: string }) {
  const t = useTranslations("review");
  const { previous, previousCycle, readOnly } = useReply();
  const { setValue } = useFormContext();
  const text = previous[commentKey(questionId)]?.text;
  if (!text) return null;
  return (
    <span className="previous-comment" data-testid={`previous-comment-${questionId}`}>
      <span className="muted">{t("previousComment", { cycle: previousCycle ?? "" })}</span> <span translate="no">{text}</span>{" "}
      {!readOnly && (
        <button type="button" className="link" onClick={() => setValue(commentKey(questionId), text, { shouldDirty: true })}>
          {t("reuse")}
        </button>
      )}
    </span>
  );
}

function DateCell({ cellKey, label, labelLang }: { cellKey: string; label: string; labelLang?: string }) {
  const { register } = useFormContext();
  const { readOnly } = useReply();
  return <input type="date" aria-label={label} lang={labelLang} aria-describedby={useCellIssueId(cellKey)} disabled={readOnly} {...register(cellKey)} />;
}
