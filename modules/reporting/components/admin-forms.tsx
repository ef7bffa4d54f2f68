"use client";
// Small admin forms with their result shown in place.
import { useActionState } from "react";
import { calendarAction, registerRequestAction, type FormState } from "@/modules/reporting/admin-actions";

function Result({ state, ok }: { state: FormState; ok: string }) {
  if (state.error) return <p className="alert error" role="alert">{state.error}</p>;
  if (state.ok) return <p className="alert ok" role="status">{ok}</p>;
  return null;
}

export function CalendarForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(calendarAction, {});
  return (
    <form action={action} className="inline-form" data-testid="calendar-form">
      <input type="date" name="date" aria-label="Date" />
      <select name="kind" aria-label="Kind">
        <option value="off">Extra day off</option>
        <option value="working">Extra working day</option>
        <option value="remove">Remove</option>
      </select>
      <input type="text" name="note" placeholder="Reason" aria-label="Reason" />
      <button type="submit" disabled={pending}>Save</button>
      <Result state={state} ok={`Saved ${state.ok ?? ""}.`} />
    </form>
  );
}

export function RequestForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(registerRequestAction, {});
  return (
    <form action={action} data-testid="request-form">
      <Result state={state} ok={`Request No. ${state.ok ?? ""} registered.`} />
      <div className="form-grid">
        <label className="field"><span>Requester type</span>
          <select name="requesterKind"><option value="state_body">State body</option><option value="individual">Individual</option><option value="legal_entity">Legal entity</option></select>
        </label>
        <label className="field"><span>Requester</span><input type="text" name="requester" /></label>
        <label className="field"><span>Signatory</span><input type="text" name="signatory" /></label>
        <label className="field"><span>Channel</span>
          <select name="channel"><option value="eds">Unified e-document system</option><option value="kadagalau">Kadagalau (prosecutor&apos;s offices)</option><option value="other">Other (oral, messenger, e-mail…)</option></select>
        </label>
        <label className="field"><span>Unit</span>
          <select name="unit"><option value="crime">crime</option><option value="offense">offense</option><option value="criminal_case">criminal case</option><option value="person">person</option></select>
        </label>
        <label className="field"><span>Period requested</span><input type="text" name="period" placeholder="2025" /></label>
        <label className="field"><span>Received on</span><input type="date" name="receivedOn" defaultValue={today} /></label>
      </div>
      <label className="field"><span>Requested indicators</span><textarea name="indicators" rows={2} /></label>
      <button type="submit" disabled={pending}>Register the request</button>
    </form>
  );
}
