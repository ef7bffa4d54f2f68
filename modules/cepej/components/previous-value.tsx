"use client";
// Beside a number cell: the previous cycle's value and the variation in %, live as you type, and
// the reviewer's "not retained for publication" mark.
import { useMemo } from "react";
import { useFormContext } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { variationOf } from "@/modules/questionnaire/rules";
import { statusField } from "@/modules/questionnaire/form-values";
import { useAnswerReader, useReply } from "../../questionnaire/components/reply-context";
import { useFieldsChange } from "../../questionnaire/components/field-hub";

export function PreviousValue({ cellKey, threshold }: { cellKey: string; threshold?: number }) {
  const { previous, review } = useReply();
  // Nothing to show without a previous value or a flag: no need to follow the cell's value.
  if (!previous[cellKey] && !review.flags[cellKey]) return null;
  return <LivePreviousValue cellKey={cellKey} threshold={threshold} />;
}

function LivePreviousValue({ cellKey, threshold }: { cellKey: string; threshold?: number }) {
  const t = useTranslations("review");
  const { previous, previousCycle, variationThreshold, review } = useReply();
  // Figures in the reader's language (the reply's locale is its questionnaire's: CEPEJ's English).
  const locale = useLocale();
  const read = useAnswerReader();
  // Re-renders when the figure or its NA/NAP changes (the variation depends on nothing else).
  const { control } = useFormContext();
  const fields = useMemo(() => [cellKey, statusField(cellKey)], [cellKey]);
  useFieldsChange(control, fields, { afterPaint: true }); // a frame after the keystroke (field-hub.ts)
  const flag = review.flags[cellKey];
  const prev = previous[cellKey];
  const v = variationOf(read(cellKey)?.num, prev?.num);
  const limit = threshold ?? variationThreshold;
  const shown = prev ? (prev.status ?? (prev.num !== null ? formatNumber(prev.num, locale) : "—")) : null;
  return (
    <span className="previous" data-testid={`previous-${cellKey}`}>
      {prev && (
        <>
          {previousCycle}: {shown}
          {v !== null && (
            <span className={Math.abs(v) > limit ? "variation over" : "variation"}>
              {" "}
              ({Number.isFinite(v) ? `${v > 0 ? "+" : ""}${formatNumber(v, locale)} %` : t("newValue")})
            </span>
          )}
        </>
      )}
      {flag && (
        <span className="flag" title={flag}>
          {t("notRetained")}: {flag}
        </span>
      )}
    </span>
  );
}
