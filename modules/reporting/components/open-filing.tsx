"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { openFilingAction } from "@/modules/reporting/actions";

export function OpenFiling({ bodyId, form, period, label }: { bodyId: number; form: number; period?: string; label: string }) {
  const t = useTranslations("reports");
  const [state, action, pending] = useActionState<ActionState, FormData>(openFilingAction, {});
  const refused = useTranslations("refusals");
  // The only field refusal this form gets is a missing or malformed form/period.
  const refusal = state.denied ?? state.error ?? (state.fieldErrors ? refused("chooseFormAndPeriod") : undefined);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="form" value={form} />
      {period ? (
        <input type="hidden" name="period" value={period} />
      ) : (
        <input type="text" name="period" placeholder="2026-03" aria-label={t("period")} className="period-field" />
      )}
      <button type="submit" disabled={pending}>
        {label}
      </button>
      {refusal && (
        <span className="error" role="alert">
          {refusal}
        </span>
      )}
    </form>
  );
}
