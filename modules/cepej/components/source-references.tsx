"use client";
// Beside a CEPEJ cell: the figure a national report gives for it (with its source, a copy button
// and the difference); after the questions on trust and satisfaction surveys: the household
// survey's latest published trust in courts. The figures come from the page (other features' data,
// composed in app/); the copy goes through the form, so the autosave sends it with its source.
import { createContext, useContext, useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { variationOf } from "@/modules/questionnaire/rules";
import { statusField } from "@/modules/questionnaire/form-values";
import { markSource } from "@/modules/questionnaire/components/value-source";
import { useAnswerReader, useReply } from "@/modules/questionnaire/components/reply-context";
import { useFieldsChange } from "@/modules/questionnaire/components/field-hub";
import type { Question } from "@/modules/questionnaire/definition";

export type NationalFigureView = { mapping: string; num: number; threshold: number; source: string; year: number };
export type TrustReference = { wave: number; n: number; fully: number; partially: number; ci95: [number, number] };
export type SourceData = { national: Record<string, NationalFigureView>; trust: TrustReference | null };

export const SourceContext = createContext<SourceData>({ national: {}, trust: null });

/** CEPEJ questions about surveys of trust in justice and satisfaction (chapter 2, users of courts). */
export const TRUST_SURVEY_QUESTIONS = new Set(["038"]);

export function NationalFigure({ cellKey }: { cellKey: string }) {
  const { national } = useContext(SourceContext);
  if (!national[cellKey]) return null;
  return <LiveNationalFigure cellKey={cellKey} figure={national[cellKey]} />;
}

function LiveNationalFigure({ cellKey, figure }: { cellKey: string; figure: NationalFigureView }) {
  const t = useTranslations("sources");
  const { locale, readOnly } = useReply();
  const read = useAnswerReader();
  const { control, setValue } = useFormContext();
  const fields = useMemo(() => [cellKey, statusField(cellKey)], [cellKey]);
  useFieldsChange(control, fields, { afterPaint: true });
  const current = read(cellKey)?.num;
  const v = variationOf(current, figure.num);
  const differs = v !== null && Math.abs(v) > figure.threshold;
  const copy = () => {
    markSource(control, cellKey, figure.mapping, figure.num);
    setValue(statusField(cellKey), "", { shouldDirty: true });
    setValue(cellKey, formatNumber(figure.num, locale), { shouldDirty: true });
  };
  return (
    <span className={differs ? "national-figure differs" : "national-figure"} data-testid={`national-${cellKey}`}>
      <span title={figure.source}>{t("national", { value: formatNumber(figure.num, locale), year: figure.year })}</span>{" "}
      {v !== null && v !== 0 && <span>({t("difference", { difference: Number.isFinite(v) ? `${v > 0 ? "+" : ""}${formatNumber(v, locale)}` : "∞" })}) </span>}
      {!readOnly && current !== figure.num && (
        <button type="button" className="link" onClick={copy} data-testid={`copy-national-${cellKey}`}>
          {t("copy")}
        </button>
      )}
      <span className="muted"> {t("source", { source: figure.source })}</span>
    </span>
  );
}

export function TrustReferenceNote({ question }: { question: Question }) {
  const { trust } = useContext(SourceContext);
  const t = useTranslations("sources");
  const { locale } = useReply();
  if (!trust || !TRUST_SURVEY_QUESTIONS.has(question.id)) return null;
  const one = (n: number) => formatNumber(n, locale);
  return (
    <p className="muted" data-testid={`trust-reference-${question.id}`}>
      {t("trust", {
        wave: trust.wave,
        fully: one(trust.fully),
        partially: one(trust.partially),
        low: one(trust.ci95[0]),
        high: one(trust.ci95[1]),
        n: one(trust.n),
      })}
    </p>
  );
}
