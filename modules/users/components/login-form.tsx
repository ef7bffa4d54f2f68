"use client";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { loginAction, type LoginState } from "@/lib/auth/actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const format = useFormatter();
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const message =
    state.error === "locked"
      ? t("locked", { time: format.dateTime(new Date(state.retryAt ?? Date.now()), { hour: "2-digit", minute: "2-digit" }) })
      : state.error
        ? t(state.error)
        : null;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {message && (
        <p className="alert error" role="alert" data-testid="login-error">
          {message}
        </p>
      )}
      <label className="field">
        <span>{t("email")}</span>
        <input type="email" name="email" autoComplete="username" defaultValue={state.email} required />
      </label>
      <label className="field">
        <span>{t("password")}</span>
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
