"use client";
// Derived indicators shown beside the question they come from (clearance rate under Q091 …),
// recomputed live from the figures on the page; the formula shows on hover.
import { memo, useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { computeIndicators, type Indicator } from "@/modules/cepej/indicators";
import { EMPTY } from "@/modules/questionnaire/answers";
import { statusField } from "@/modules/questionnaire/form-values";
import { useAnswerReader, useReply } from "../../questionnaire/components/reply-context";
import { useFieldsChange } from "../../questionnaire/components/field-hub";

// Which indicators exist beside which question does not depend on the answers: computed once.
let byQuestion: Map<string, Indicator[]> | null = null;
const indicatorsOf = (questionId: string) => {
  if (!byQuestion) {
    byQuestion = new Map();
    for (const i of computeIndicators(() => EMPTY)) byQuestion.set(i.questionId, [...(byQuestion.get(i.questionId) ?? []), i]);
  }
  return byQuestion.get(questionId) ?? [];
};

export function IndicatorsBeside({ questionId }: { questionId: string }) {
  return indicatorsOf(questionId).length ? <LiveIndicators questionId={questionId} /> : null;
}

function LiveIndicators({ questionId }: { questionId: string }) {
  const read = useAnswerReader();
  const { index } = useReply();
  const meta = indicatorsOf(questionId);
  const fields = useMemo(() => [...new Set(meta.flatMap((i) => i.inputs))].filter((k) => index.keys.has(k)).flatMap((k) => [k, statusField(k)]), [meta, index]);
  useFieldsChange(useFormContext().control, fields, { afterPaint: true }); // a frame after the keystroke (field-hub.ts)
  // Only this question's indicators: computing all of them (~100) and keeping a dozen cost every keystroke.
  const list = computeIndicators(read, { questionId });
  return <IndicatorList list={list} testId={`indicators-${questionId}`} />;
}

export function IndicatorList({ list, testId }: { list: Indicator[]; testId?: string }) {
  return (
    <table className="indicators" data-testid={testId}>
      <tbody>
        {list.map((i) => (
          <IndicatorRow key={i.id} id={i.id} label={i.label} value={i.value} unit={i.unit} formula={i.formula} />
        ))}
      </tbody>
    </table>
  );
}

// memo on what a row shows: a keystroke in one row of a case-flow grid changes a few of the
// question's indicators (that row's, the totals'), the others need not render and format again.
const IndicatorRow = memo(function IndicatorRow({ id, label, value, unit, formula }: Pick<Indicator, "id" | "label" | "value" | "unit" | "formula">) {
  const t = useTranslations("indicators");
  const format = useFormatter();
  const locale = useLocale();
  // Indicators are named and defined in CEPEJ's English, like its questionnaire (the row, and its
  // title, the formula); the value and its unit are the page's.
  return (
    <tr title={formula} data-indicator={id} lang="en">
      <th>{label}</th>
      <td className="value" lang={locale}>
        {value === null ? "—" : `${format.number(value, { maximumFractionDigits: 3 })}${unit === "%" ? " %" : unit === "€" ? " €" : ""}`}
      </td>
      <td className="muted" lang={locale}>
        {unit === "%" || unit === "€" ? "" : t(`unit.${unit === "days" ? "days" : "per100k"}`)}
      </td>
      <td className="formula muted">{formula}</td>
    </tr>
  );
});
