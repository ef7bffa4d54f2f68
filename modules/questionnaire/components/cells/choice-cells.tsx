"use client";
// Choice (radio), multiple choice (check boxes, exclusive options, at most N), a single tick box,
// and the short text an option may carry ("If yes, please specify", an internet address).
import { useFormContext } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { Option } from "@/modules/questionnaire/definition";
import { optionTextKey } from "@/modules/questionnaire/cells";
import { OPTION_TEXT_MAX } from "@/modules/questionnaire/rules";
import { useLocalized, useReply, useTextLang } from "../reply-context";
import { useFieldValue } from "../field-hub";
import { useCellIssueId } from "../question-issues";

/** The language to mark inside a group whose name is in `groupLang`: the text's own, or the page's
 *  again where the group is marked English and the text is not. */
function useLangWithin(groupLang: string | undefined) {
  const lang = useTextLang();
  const { locale } = useReply();
  return (text: Parameters<typeof lang>[0]) => lang(text) ?? (groupLang ? locale : undefined);
}

function OptionText({ cellKey, option, shown, groupLang }: { cellKey: string; option: Option; shown: boolean; groupLang?: string }) {
  const { register } = useFormContext();
  const { readOnly } = useReply();
  const l = useLocalized();
  const lang = useLangWithin(groupLang);
  if (!option.text) return null;
  return (
    <input
      type="text"
      className="option-text"
      placeholder={l(option.text)}
      lang={lang(option.text)}
      aria-label={l(option.text)}
      maxLength={OPTION_TEXT_MAX}
      disabled={readOnly || !shown}
      {...register(optionTextKey(cellKey, option.id))}
    />
  );
}

export function ChoiceCell({ cellKey, options, label, labelLang }: { cellKey: string; options: Option[]; label: string; labelLang?: string }) {
  const { register, setValue, control } = useFormContext();
  const { readOnly, locale } = useReply();
  const l = useLocalized();
  const lang = useLangWithin(labelLang);
  const t = useTranslations("form");
  const chosen = useFieldValue(control, cellKey) as string;
  const describedBy = useCellIssueId(cellKey);
  return (
    <span className="choices" role="radiogroup" aria-label={label} lang={labelLang} aria-describedby={describedBy}>
      {options.map((o) => (
        <span key={o.id} className="choice">
          <label lang={lang(o.label)}>
            <input type="radio" value={o.id} disabled={readOnly} {...register(cellKey)} /> {l(o.label)}
          </label>
          <OptionText cellKey={cellKey} option={o} shown={chosen === o.id} groupLang={labelLang} />
        </span>
      ))}
      {chosen && !readOnly && (
        <button type="button" className="link" lang={labelLang ? locale : undefined} onClick={() => setValue(cellKey, "", { shouldDirty: true })}>
          {t("clear")}
        </button>
      )}
    </span>
  );
}

export function MultiCell({
  cellKey,
  options,
  maxSelected,
  label,
  labelLang,
}: {
  cellKey: string;
  options: Option[];
  maxSelected?: number;
  label: string;
  labelLang?: string;
}) {
  const { register, setValue, getValues, control } = useFormContext();
  const { readOnly, locale } = useReply();
  const l = useLocalized();
  const lang = useLangWithin(labelLang);
  const t = useTranslations("rules");
  const chosen = ((useFieldValue(control, cellKey) as string[] | boolean | undefined) || []) as string[];
  const list = Array.isArray(chosen) ? chosen : [];
  const field = register(cellKey);
  return (
    <span className="choices" role="group" aria-label={label} lang={labelLang}>
      {options.map((o) => (
        <span key={o.id} className="choice">
          <label lang={lang(o.label)}>
            <input
              type="checkbox"
              value={o.id}
              disabled={readOnly}
              {...field}
              onChange={(e) => {
                const result = field.onChange(e);
                // An exclusive option ("No", "NAP") clears the others, and the others clear it.
                const now = ([] as string[]).concat((getValues(cellKey) as string[]) || []);
                if (e.target.checked) {
                  const next = o.exclusive ? [o.id] : now.filter((id) => !options.find((x) => x.id === id)?.exclusive);
                  if (next.length !== now.length) setValue(cellKey, next, { shouldDirty: true });
                }
                return result;
              }}
            />{" "}
            {l(o.label)}
          </label>
          <OptionText cellKey={cellKey} option={o} shown={list.includes(o.id)} groupLang={labelLang} />
        </span>
      ))}
      {maxSelected && list.length > maxSelected && (
        <span className="field-error" role="alert" lang={labelLang ? locale : undefined}>
          {t("tooManySelected", { max: maxSelected })}
        </span>
      )}
    </span>
  );
}

export function CheckCell({ cellKey, label, labelLang }: { cellKey: string; label: string; labelLang?: string }) {
  const { register } = useFormContext();
  const { readOnly } = useReply();
  const describedBy = useCellIssueId(cellKey);
  return <input type="checkbox" aria-label={label} lang={labelLang} aria-describedby={describedBy} disabled={readOnly} {...register(cellKey)} />;
}
