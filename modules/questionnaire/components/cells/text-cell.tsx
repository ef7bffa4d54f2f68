"use client";
// Free text with a maximum length and a live counter (long texts, sources, comments, text cells).
import { useFormContext } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { useReply } from "../reply-context";
import { useFieldValue } from "../field-hub";

function Counter({ name, max }: { name: string; max: number }) {
  const t = useTranslations("form");
  // Grouped the same on the server and in any browser (numbers.ts), whatever locale data the browser has.
  const locale = useLocale();
  const value = (useFieldValue(useFormContext().control, name) as string | undefined) ?? "";
  return (
    <span className={`counter${value.length > max ? " over" : ""}`}>
      {t("characters", { count: formatNumber(value.length, locale), max: formatNumber(max, locale) })}
    </span>
  );
}

export function TextCell({
  name,
  maxLength,
  label,
  labelLang,
  rows = 3,
  single = false,
}: {
  name: string;
  maxLength: number;
  label: string;
  labelLang?: string;
  rows?: number;
  single?: boolean;
}) {
  const { register } = useFormContext();
  const { readOnly } = useReply();
  if (single) return <input type="text" aria-label={label} lang={labelLang} maxLength={maxLength} disabled={readOnly} {...register(name)} />;
  return (
    <span className="text-cell">
      <textarea aria-label={label} lang={labelLang} rows={rows} maxLength={maxLength} disabled={readOnly} {...register(name)} />
      <Counter name={name} max={maxLength} />
    </span>
  );
}
