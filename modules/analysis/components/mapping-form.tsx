"use client";
// One mapping of survey offences to lines of form 1-M, edited in place (administrators).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { offenceMappingAction } from "@/modules/analysis/actions";

export function MappingForm({ mapping }: { mapping: { id: string; surveyOffences: string[]; formLines: string[]; note: string } }) {
  const t = useTranslations("analysis.mappings");
  const offences = useTranslations("analysis.offences");
  const [state, action, pending] = useActionState<ActionState, FormData>(offenceMappingAction, {});
  const refusal =
    state.denied ??
    state.error ??
    (state.fieldErrors
      ? Object.keys(state.fieldErrors)
          .map((f) => t(`invalid.${f}` as never))
          .join(" ")
      : undefined);
  return (
    <form action={action} className="card" data-testid={`mapping-${mapping.id}`}>
      <input type="hidden" name="id" value={mapping.id} />
      <h2>
        {offences.has(mapping.id as never) ? offences(mapping.id as never) : mapping.id}{" "}
        <span className="muted" translate="no">
          ({mapping.id})
        </span>
      </h2>
      <div className="form-grid">
        <label className="field">
          <span>{t("surveyOffences")}</span>
          <input type="text" name="surveyOffences" defaultValue={mapping.surveyOffences.join(", ")} />
        </label>
        <label className="field">
          <span>{t("formLines")}</span>
          <input type="text" name="formLines" defaultValue={mapping.formLines.join(", ")} />
        </label>
      </div>
      <label className="field">
        <span>{t("note")}</span>
        {/* the administrators' own text (the shipped one in English): data, not interface */}
        <textarea name="note" rows={4} defaultValue={mapping.note} translate="no" />
      </label>
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>
      {refusal ? (
        <p className="alert error" role="alert">
          {refusal}
        </p>
      ) : state.ok ? (
        <p className="alert ok" role="status">
          {t("saved")}
        </p>
      ) : null}
    </form>
  );
}
