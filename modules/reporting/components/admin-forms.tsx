"use client";
// The Committee's small forms (calendar, requests, dispatches), each with its result shown in place.
import { useActionState } from "react";
import type { ActionState, FieldError } from "@/lib/auth/admin-action";
import { answerRequestAction, calendarAction, dispatchAction, registerRequestAction } from "@/modules/reporting/actions";

/** The catalogue of the refusal keys of modules/reporting/schemas.ts (these pages are in English only). */
const MESSAGES: Record<string, string> = {
  invalidDate: "Give a valid date (YYYY-MM-DD).",
  invalidKind: "Choose a kind.",
  invalidChoice: "Choose one of the options.",
  reasonRequired: "Say why (e.g. Kurban ait, Government decree No. …).",
  required: "Fill this in.",
  tooLong: "This is too long.",
};
type FieldErrors = Record<string, FieldError>;
const message = (e: FieldError) => MESSAGES[e.key] ?? e.key;
const allMessages = (errors: FieldErrors) => [...new Set(Object.values(errors).map(message))].join(" ");

function Result({ state, ok, invalid = allMessages }: { state: ActionState; ok: string; invalid?: (errors: FieldErrors) => string }) {
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
  const [state, action, pending] = useActionState<ActionState, FormData>(calendarAction, {});
  const invalid = (errors: FieldErrors) => (errors.date || errors.kind ? "Give a valid date (YYYY-MM-DD) and a kind." : allMessages(errors));
  return (
    <form action={action} className="inline-form" data-testid="calendar-form">
      <input type="date" name="date" aria-label="Date" />
      <select name="kind" aria-label="Kind">
        <option value="off">Extra day off</option>
        <option value="working">Extra working day</option>
        <option value="remove">Remove</option>
      </select>
      <input type="text" name="note" placeholder="Reason" aria-label="Reason" />
      <button type="submit" disabled={pending}>
        Save
      </button>
      <Result state={state} ok={`Saved ${state.ok ?? ""}.`} invalid={invalid} />
    </form>
  );
}

export function RequestForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(registerRequestAction, {});
  const invalid = (errors: FieldErrors) => `Check the fields: ${Object.keys(errors).join(", ")}.`;
  return (
    <form action={action} data-testid="request-form">
      <Result state={state} ok={`Request No. ${state.ok ?? ""} registered.`} invalid={invalid} />
      <div className="form-grid">
        <label className="field">
          <span>Requester type</span>
          <select name="requesterKind">
            <option value="state_body">State body</option>
            <option value="individual">Individual</option>
            <option value="legal_entity">Legal entity</option>
          </select>
        </label>
        <label className="field">
          <span>Requester</span>
          <input type="text" name="requester" />
        </label>
        <label className="field">
          <span>Signatory</span>
          <input type="text" name="signatory" />
        </label>
        <label className="field">
          <span>Channel</span>
          <select name="channel">
            <option value="eds">Unified e-document system</option>
            <option value="kadagalau">Kadagalau (prosecutor&apos;s offices)</option>
            <option value="other">Other (oral, messenger, e-mail…)</option>
          </select>
        </label>
        <label className="field">
          <span>Unit</span>
          <select name="unit">
            <option value="crime">crime</option>
            <option value="offense">offense</option>
            <option value="criminal_case">criminal case</option>
            <option value="person">person</option>
          </select>
        </label>
        <label className="field">
          <span>Period requested</span>
          <input type="text" name="period" placeholder="2025" />
        </label>
        <label className="field">
          <span>Received on</span>
          <input type="date" name="receivedOn" defaultValue={today} />
        </label>
      </div>
      <label className="field">
        <span>Requested indicators</span>
        <textarea name="indicators" rows={2} />
      </label>
      <button type="submit" disabled={pending}>
        Register the request
      </button>
    </form>
  );
}

/** The answer to a registered request, in its row of the register. */
export function AnswerRequestForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(answerRequestAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="text" name="answer" aria-label={`Answer to request ${id}`} />
      <button type="submit" disabled={pending}>
        Answer
      </button>
      {!state.ok && <Result state={state} ok="" />}
    </form>
  );
}

/** Records the dispatch of a collection's period, in its row of the schedule. */
export function DispatchForm({ collection, period, today }: { collection: number; period: string; today: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(dispatchAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="collection" value={collection} />
      <input type="hidden" name="period" value={period} />
      <input type="date" name="sentOn" defaultValue={today} aria-label="Sent on" />
      <input type="text" name="recipients" placeholder="Recipients" aria-label="Recipients" />
      <button type="submit" disabled={pending}>
        Record dispatch
      </button>
      {!state.ok && <Result state={state} ok="" />}
    </form>
  );
}
