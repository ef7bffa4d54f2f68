"use client";
// Deactivate or reactivate a user; the page shows the new status once the action has run.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/admin-action";
import { setActiveAction } from "@/modules/users/actions";

export function ActiveForm({ userId, active }: { userId: number; active: boolean }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<ActionState, FormData>(setActiveAction, {});
  return (
    <form action={action} className="card">
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      {(state.denied ?? state.error) && <p className="alert error">{state.denied ?? state.error}</p>}
      <button type="submit" className="secondary" disabled={pending}>
        {active ? t("deactivate") : t("activate")}
      </button>
    </form>
  );
}
