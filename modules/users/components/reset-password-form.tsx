"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { resetPasswordAction, type UserActionState } from "@/modules/users/actions";

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<UserActionState, FormData>(resetPasswordAction, {});
  const error = state.errors?.password;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="id" value={userId} />
      {state.ok && <p className="alert ok" role="status">{t("passwordReset", { email: "" })}</p>}
      <label className="field"><span>{t("newPassword")}</span>
        <input type="password" name="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} />
        {error && <span className="error" role="alert">{t("passwordTooShort", { min: MIN_PASSWORD_LENGTH })}</span>}
      </label>
      <button type="submit" disabled={pending}>{t("resetPassword")}</button>
    </form>
  );
}
