"use client";
// A number cell: typed figure, or NA / NAP. One tab stop: typing NA or NAP in the figure sets the
// status when the cell is left; the NA/NAP boxes are there for the mouse, out of the tab order.
// Typing a figure clears NA/NAP. Malformed input is refused here, at the field, and never saved.
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { NumberSpec } from "@/modules/questionnaire/definition";
import { formatNumber, parseNumber, statusWord, type NumberError } from "@/modules/questionnaire/numbers";
import { statusField } from "@/modules/questionnaire/form-values";
import { useReply } from "../reply-context";
import { useFieldValue } from "../field-hub";
import { useCellIssueId } from "../question-issues";

/** What a figure cell's text may look like half-way through typing NA, N/A or NAP. */
const STATUS_SO_FAR = /^\s*n(a|\/|\/a|ap)?\s*$/i;

type CellError = NumberError | { code: "statusNotAllowed"; status: "NA" | "NAP" };

/** The error of a cell's text, or "typing" for a status word not finished; null when it reads. */
function errorOf(text: string, spec: NumberSpec): CellError | "typing" | null {
  const word = statusWord(text);
  if (word) return (word === "NA" ? spec.allowNA : spec.allowNAP) ? "typing" : { code: "statusNotAllowed", status: word };
  if ((spec.allowNA || spec.allowNAP) && STATUS_SO_FAR.test(text)) return "typing";
  const parsed = parseNumber(text, spec);
  return parsed.ok ? null : parsed.error;
}

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
  // Derived from the field, not kept beside it: a paste or an undo (grid-keys.ts) sets the text
  // through the form, and its error must show as if it had been typed.
  const text = (useFieldValue(control, cellKey) as string | undefined) ?? "";
  const found = st ? null : errorOf(text, spec);
  const error = found === "typing" ? null : found;
  if (found) invalid.add(cellKey);
  else invalid.delete(cellKey);
  const field = register(cellKey);

  const setStatus = (value: "NA" | "NAP" | "") => {
    setValue(cellKey, "", { shouldDirty: true });
    setValue(statusField(cellKey), value, { shouldDirty: true });
  };
  const errorId = `error-${cellKey}`;
  const issueId = useCellIssueId(cellKey);
  const describedBy = [error ? errorId : null, issueId].filter(Boolean).join(" ") || undefined;

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
          aria-describedby={describedBy}
          placeholder={st || undefined}
          className={st ? "has-status" : undefined}
          disabled={readOnly}
          {...field}
          onChange={(e) => {
            if (st) setValue(statusField(cellKey), "", { shouldDirty: true });
            return field.onChange(e);
          }}
          onKeyDown={(e) => {
            // With NA/NAP set the figure is empty: Backspace or Delete takes the status away.
            if (st && !e.currentTarget.value && (e.key === "Backspace" || e.key === "Delete")) {
              e.preventDefault();
              setStatus("");
            }
          }}
          onBlur={(e) => {
            const value = e.target.value;
            const word = statusWord(value);
            if (word && (word === "NA" ? spec.allowNA : spec.allowNAP)) setStatus(word);
            else {
              const parsed = parseNumber(value, spec);
              if (parsed.ok && parsed.value !== null) setValue(cellKey, formatNumber(parsed.value, locale));
            }
            return field.onBlur(e);
          }}
        />
        {spec.unit && <span className="unit">{spec.unit}</span>}
      </span>
      {spec.allowNA && (
        <label className="status">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`${t("na")} — ${label}`}
            lang={labelLang}
            disabled={readOnly}
            checked={st === "NA"}
            onChange={(e) => setStatus(e.target.checked ? "NA" : "")}
          />{" "}
          {t("na")}
        </label>
      )}
      {spec.allowNAP && (
        <label className="status">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`${t("nap")} — ${label}`}
            lang={labelLang}
            disabled={readOnly}
            checked={st === "NAP"}
            onChange={(e) => setStatus(e.target.checked ? "NAP" : "")}
          />{" "}
          {t("nap")}
        </label>
      )}
      {BesideNumber && <BesideNumber cellKey={cellKey} threshold={threshold} />}
      {error && (
        <span className="field-error" role="alert" id={errorId} data-testid={errorId}>
          {tr(error.code, error as never)}
        </span>
      )}
    </span>
  );
}
