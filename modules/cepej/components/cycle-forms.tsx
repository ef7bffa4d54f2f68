"use client";
// One cycle's administration forms: assign a correspondent to a country, extend a country's
// deadline. A refusal is shown under the form.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { assignAction, extendDeadlineAction } from "@/modules/cepej/actions";

type Country = { code: string; name: string };

function Refusal({ state }: { state: ActionState }) {
  const reason = state.denied ?? state.error ?? (state.fieldErrors ? Object.keys(state.fieldErrors).join(", ") : null);
  return reason ? (
    <p className="alert error" role="alert">
      {reason}
    </p>
  ) : null;
}

export function AssignForm({ cycle, countries, people }: { cycle: string; countries: Country[]; people: { id: number; name: string; email: string }[] }) {
  const t = useTranslations("cycles");
  const [state, action, pending] = useActionState<ActionState, FormData>(assignAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="cycle" value={cycle} />
      <select name="country" aria-label={t("assignCountry")}>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <select name="userId" aria-label={t("correspondent")}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.email})
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        {t("assignButton")}
      </button>
      <Refusal state={state} />
    </form>
  );
}

export function ExtendDeadlineForm({ cycle, countries }: { cycle: string; countries: Country[] }) {
  const t = useTranslations("cycles");
  const [state, action, pending] = useActionState<ActionState, FormData>(extendDeadlineAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="cycle" value={cycle} />
      <select name="country" aria-label={t("extendCountry")}>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <input type="date" name="deadline" aria-label={t("deadline")} />
      <button type="submit" disabled={pending}>
        {t("extendButton")}
      </button>
      <Refusal state={state} />
    </form>
  );
}
