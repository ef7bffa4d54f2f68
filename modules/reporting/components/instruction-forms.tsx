"use client";
// The Committee's forms under the Instruction: a holiday rule, a form's filing deadline, the
// placement of a period; each with its result shown in place.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { filingDaysAction, holidayRuleAction, placeAction } from "@/modules/reporting/instruction-actions";
import { Result } from "./admin-forms";

function Outcome({ state, ok }: { state: ActionState; ok: string }) {
  const t = useTranslations("placements");
  return <Result state={state} ok={ok} invalid={() => t("invalid")} />;
}

export function HolidayRuleForm() {
  const t = useTranslations("calendar.ruleForm");
  const [state, action, pending] = useActionState<ActionState, FormData>(holidayRuleAction, {});
  return (
    <form action={action} data-testid="holiday-rule-form">
      <div className="form-grid">
        <label className="field">
          <span>{t("id")}</span>
          <input type="text" name="id" />
        </label>
        <label className="field">
          <span>{t("name")}</span>
          <input type="text" name="name" />
        </label>
        <label className="field">
          <span>{t("month")}</span>
          <input type="number" name="month" min={1} max={12} />
        </label>
        <label className="field">
          <span>{t("day")}</span>
          <input type="number" name="day" min={1} max={31} />
        </label>
        <label className="field">
          <span>{t("validFrom")}</span>
          <input type="date" name="validFrom" />
        </label>
        <label className="field">
          <span>{t("validTo")}</span>
          <input type="date" name="validTo" />
        </label>
        <label className="field">
          <span>{t("source")}</span>
          <input type="text" name="source" />
        </label>
        <label className="field">
          <span>{t("moves")}</span>
          <input type="checkbox" name="movesOffWeekend" defaultChecked />
        </label>
      </div>
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>
      <Outcome state={state} ok={t("saved", { id: state.ok ?? "" })} />
    </form>
  );
}

export function FilingDaysForm({ form, daysBefore }: { form: number; daysBefore: number }) {
  const t = useTranslations("placements");
  const [state, action, pending] = useActionState<ActionState, FormData>(filingDaysAction, {});
  return (
    <form action={action} className="inline-form" data-testid={`filing-days-${form}`}>
      <input type="hidden" name="form" value={form} />
      <label>
        {t("daysBefore")} <input type="number" name="daysBefore" min={0} max={15} defaultValue={daysBefore} />
      </label>
      <button type="submit" className="secondary" disabled={pending}>
        {t("saveDays")}
      </button>
      <Outcome state={state} ok={t("daysSaved", { days: state.ok ?? "" })} />
    </form>
  );
}

export function PlaceForm({ form, period }: { form: number; period: string }) {
  const t = useTranslations("placements");
  const [state, action, pending] = useActionState<ActionState, FormData>(placeAction, {});
  const [, reports, regions] = (state.ok ?? "").split("|");
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="form" value={form} />
      <input type="hidden" name="period" value={period} />
      {!state.ok && (
        <button type="submit" disabled={pending}>
          {t("place")}
        </button>
      )}
      <Outcome state={state} ok={t("placed", { period, reports: Number(reports ?? 0), regions: Number(regions ?? 0) })} />
    </form>
  );
}
