"use client";
// A number cell: typed figure, or NA / NAP. Ticking NA or NAP clears and disables the figure;
// typing a figure clears NA/NAP. Malformed input is refused here, at the field, and never saved.
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { NumberSpec } from "@/modules/questionnaire/definition";
import { formatNumber, parseNumber, type NumberError } from "@/modules/questionnaire/numbers";
import { statusField } from "@/modules/questionnaire/form-values";
import { useReply } from "../reply-context";
import { useFieldValue } from "../field-hub";

export function NumberCell({
  cellKey,
  spec,
  label,
  labelLang,
  threshold,
}: {
  cellKey: string;
  spec: NumberSpec;
  label: string;
  /** The language of `label` when it is not the page's (reply-context's useTextLang). */
  labelLang?: string;
  threshold?: number;
}) {
  const t = useTranslations("form");
  const tr = useTranslations("rules");
  const { register, setValue, control } = useFormContext();
  const { readOnly, invalid, slots, locale } = useReply();
  const BesideNumber = slots?.besideNumber;
  const st = useFieldValue(control, statusField(cellKey)) as string;
  const [error, setError] = useState<NumberError | null>(null);
  const field = register(cellKey);

  const check = (raw: string) => {
    const parsed = parseNumber(raw, spec);
    if (parsed.ok) invalid.delete(cellKey);
    else invalid.add(cellKey);
    setError(parsed.ok ? null : parsed.error);
    return parsed;
  };
  const toggle = (value: "NA" | "NAP", checked: boolean) => {
    setValue(cellKey, "", { shouldDirty: true });
    setError(null);
    invalid.delete(cellKey);
    setValue(statusField(cellKey), checked ? value : "", { shouldDirty: true });
  };

  return (
    <span className="num-cell">
      <span className="num-input">
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-label={label}
          lang={labelLang}
          aria-invalid={!!error}
          disabled={readOnly || !!st}
          {...field}
          onChange={(e) => {
            check(e.target.value);
            if (st) setValue(statusField(cellKey), "", { shouldDirty: true });
            return field.onChange(e);
          }}
          onBlur={(e) => {
            const parsed = check(e.target.value);
            if (parsed.ok && parsed.value !== null) setValue(cellKey, formatNumber(parsed.value, locale));
            return field.onBlur(e);
          }}
        />
        {spec.unit && <span className="unit">{spec.unit}</span>}
      </span>
      {spec.allowNA && (
        <label className="status">
          <input type="checkbox" disabled={readOnly} checked={st === "NA"} onChange={(e) => toggle("NA", e.target.checked)} /> {t("na")}
        </label>
      )}
      {spec.allowNAP && (
        <label className="status">
          <input type="checkbox" disabled={readOnly} checked={st === "NAP"} onChange={(e) => toggle("NAP", e.target.checked)} /> {t("nap")}
        </label>
      )}
      {BesideNumber && <BesideNumber cellKey={cellKey} threshold={threshold} />}
      {error && (
        <span className="field-error" role="alert" data-testid={`error-${cellKey}`}>
          {tr(error.code, error as never)}
        </span>
      )}
    </span>
  );
}
