"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import type { ActionState } from "@/lib/auth/admin-action";
import { resetPasswordAction } from "@/modules/users/actions";

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction, {});
  const error = state.fieldErrors?.password;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="id" value={userId} />
      {(state.denied ?? state.error) && <p className="alert error">{state.denied ?? state.error}</p>}
      {state.ok && (
        <p className="alert ok" role="status">
          {t("passwordReset", { email: "" })}
        </p>
      )}
      <label className="field">
        <span>{t("newPassword")}</span>
        <input type="password" name="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
        {error && (
          <span className="error" role="alert">
            {t("passwordTooShort", { min: MIN_PASSWORD_LENGTH })}
          </span>
        )}
      </label>
      <button type="submit" disabled={pending}>
        {t("resetPassword")}
      </button>
    </form>
  );
}
