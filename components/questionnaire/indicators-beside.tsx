"use client";
// Derived indicators shown beside the question they come from (clearance rate under Q091 …),
// recomputed live from the figures on the page; the formula shows on hover.
import { useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { useFormatter, useTranslations } from "next-intl";
import { computeIndicators, type Indicator } from "@/lib/cepej/indicators";
import { EMPTY } from "@/lib/questionnaire/answers";
import { statusField } from "@/lib/questionnaire/form-values";
import { useAnswerReader, useReply } from "./reply-context";
import { useFieldsChange } from "./field-hub";

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
  const fields = useMemo(
    () => [...new Set(meta.flatMap((i) => i.inputs))].filter((k) => index.keys.has(k)).flatMap((k) => [k, statusField(k)]),
    [meta, index],
  );
  useFieldsChange(useFormContext().control, fields);
  // Only this question's indicators: computing all of them (~100) and keeping a dozen cost every keystroke.
  const list = computeIndicators(read, { questionId });
  return <IndicatorList list={list} testId={`indicators-${questionId}`} />;
}

export function IndicatorList({ list, testId }: { list: Indicator[]; testId?: string }) {
  const t = useTranslations("indicators");
  const format = useFormatter();
  return (
    <table className="indicators" data-testid={testId}>
      <tbody>
        {list.map((i) => (
          <tr key={i.id} title={i.formula} data-indicator={i.id}>
            <th>{i.label}</th>
            <td className="value">{i.value === null ? "—" : `${format.number(i.value, { maximumFractionDigits: 3 })}${i.unit === "%" ? " %" : i.unit === "€" ? " €" : ""}`}</td>
            <td className="muted">{i.unit === "%" || i.unit === "€" ? "" : t(`unit.${i.unit === "days" ? "days" : "per100k"}`)}</td>
            <td className="formula muted">{i.formula}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
