"use client";
// The Committee's small forms (calendar, requests, dispatches), each with its result shown in place.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState, FieldError } from "@/lib/auth/admin-action";
import { answerRequestAction, calendarAction, dispatchAction, registerRequestAction } from "@/modules/reporting/actions";

type FieldErrors = Record<string, FieldError>;

/** The refusal keys of modules/reporting/schemas.ts, worded from the catalogue (registers.errors). */
function useRefusals() {
  const t = useTranslations("registers");
  const message = (e: FieldError) => (t.has(`errors.${e.key}` as never) ? t(`errors.${e.key}` as never) : e.key);
  return (errors: FieldErrors) => [...new Set(Object.values(errors).map(message))].join(" ");
}

/** An admin form's outcome in place: its refusal, or what it did. */
export function Result({ state, ok, invalid }: { state: ActionState; ok: string; invalid: (errors: FieldErrors) => string }) {
  const refusal = state.denied ?? state.error ?? (state.fieldErrors ? invalid(state.fieldErrors) : undefined);
  if (refusal)
    return (
      <p className="alert error" role="alert">
        {refusal}
      </p>
    );
  if (state.ok)
    return (
      <p className="alert ok" role="status">
        {ok}
      </p>
    );
  return null;
}

export function CalendarForm() {
  const t = useTranslations("calendar");
  const allMessages = useRefusals();
  const [state, action, pending] = useActionState<ActionState, FormData>(calendarAction, {});
  const invalid = (errors: FieldErrors) => (errors.date || errors.kind ? t("invalid") : allMessages(errors));
  return (
    <form action={action} className="inline-form" data-testid="calendar-form">
      <input type="date" name="date" aria-label={t("date")} />
      <select name="kind" aria-label={t("kind")}>
        <option value="off">{t("addOff")}</option>
        <option value="working">{t("addWorking")}</option>
        <option value="remove">{t("remove")}</option>
      </select>
      <input type="text" name="note" placeholder={t("reason")} aria-label={t("reason")} />
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>
      <Result state={state} ok={t("saved", { date: state.ok ?? "" })} invalid={invalid} />
    </form>
  );
}

const FIELDS = ["requesterKind", "requester", "signatory", "channel", "subject", "unit", "period", "receivedOn", "indicators"] as const;

export function RequestForm({ today }: { today: string }) {
  const t = useTranslations("requests");
  const tr = useTranslations("registers");
  const [state, action, pending] = useActionState<ActionState, FormData>(registerRequestAction, {});
  const label = (field: string) => ((FIELDS as readonly string[]).includes(field) ? t(`form.${field as (typeof FIELDS)[number]}`) : field);
  const invalid = (errors: FieldErrors) => tr("checkFields", { fields: Object.keys(errors).map(label).join(", ") });
  return (
    <form action={action} data-testid="request-form">
      <Result state={state} ok={t("form.registered", { id: state.ok ?? "" })} invalid={invalid} />
      <div className="form-grid">
        <label className="field">
          <span>{t("form.requesterKind")}</span>
          <select name="requesterKind">
            <option value="state_body">{t("kinds.state_body")}</option>
            <option value="individual">{t("kinds.individual")}</option>
            <option value="legal_entity">{t("kinds.legal_entity")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("form.requester")}</span>
          <input type="text" name="requester" />
        </label>
        <label className="field">
          <span>{t("form.signatory")}</span>
          <input type="text" name="signatory" />
        </label>
        <label className="field">
          <span>{t("form.channel")}</span>
          <select name="channel">
            <option value="eds">{t("channelOptions.eds")}</option>
            <option value="kadagalau">{t("channelOptions.kadagalau")}</option>
            <option value="other">{t("channelOptions.other")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("form.subject")}</span>
          <select name="subject">
            <option value="indicators">{t("subjects.indicators")}</option>
            <option value="open_sources">{t("subjects.open_sources")}</option>
            <option value="copies">{t("subjects.copies")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("form.unit")}</span>
          <select name="unit">
            <option value="crime">{t("units.crime")}</option>
            <option value="offense">{t("units.offense")}</option>
            <option value="criminal_case">{t("units.criminal_case")}</option>
            <option value="person">{t("units.person")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("form.period")}</span>
          <input type="text" name="period" placeholder="2025" />
        </label>
        <label className="field">
          <span>{t("form.receivedOn")}</span>
          <input type="date" name="receivedOn" defaultValue={today} />
        </label>
      </div>
      <label className="field">
        <span>{t("form.indicators")}</span>
        <textarea name="indicators" rows={2} />
      </label>
      <button type="submit" disabled={pending}>
        {t("form.register")}
      </button>
    </form>
  );
}

/** The answer to a registered request, in its row of the register. */
export function AnswerRequestForm({ id }: { id: number }) {
  const t = useTranslations("requests.form");
  const invalid = useRefusals();
  const [state, action, pending] = useActionState<ActionState, FormData>(answerRequestAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="text" name="answer" aria-label={t("answerTo", { id })} />
      <label>
        <input type="checkbox" name="officialUse" /> {t("officialUse")}
      </label>
      <button type="submit" disabled={pending}>
        {t("answerButton")}
      </button>
      {!state.ok && <Result state={state} ok="" invalid={invalid} />}
    </form>
  );
}

/** Records the dispatch of a collection's period, in its row of the schedule. */
export function DispatchForm({ collection, period, today }: { collection: number; period: string; today: string }) {
  const t = useTranslations("collections");
  const invalid = useRefusals();
  const [state, action, pending] = useActionState<ActionState, FormData>(dispatchAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="collection" value={collection} />
      <input type="hidden" name="period" value={period} />
      <input type="date" name="sentOn" defaultValue={today} aria-label={t("sentOn")} />
      <input type="text" name="recipients" placeholder={t("recipientsField")} aria-label={t("recipientsField")} />
      <button type="submit" disabled={pending}>
        {t("record")}
      </button>
      {!state.ok && <Result state={state} ok="" invalid={invalid} />}
    </form>
  );
}
