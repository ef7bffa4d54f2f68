"use client";
// Create or edit a user. The same zod schema checks each field here (at the field, as you type)
// and again in the server action.
import { useActionState, useRef, startTransition } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ROLES } from "@/db/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import type { ActionState } from "@/lib/auth/admin-action";
import { CreateUserInput } from "@/modules/users/schemas";
import { createUserAction, updateUserAction } from "@/modules/users/actions";

type Values = { email: string; name: string; role: string; password: string; countries: string; regions: string; bodyId: string; supervisorId: string };
type Props = {
  mode: "create" | "edit";
  user?: { id: number; email: string; name: string; role: string; countries: string[]; regions: string[]; bodyId: number | null; supervisorId: number | null };
  bodies: { id: number; name: string }[];
  supervisors: { id: number; name: string }[];
};

/** A field validator from the shared schema: the message key of the first problem, or true. */
const check = (schema: z.ZodType) => (value: unknown) => {
  const r = schema.safeParse(value);
  return r.success || r.error.issues[0].message;
};

export function UserForm({ mode, user, bodies, supervisors }: Props) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState<ActionState, FormData>(mode === "create" ? createUserAction : updateUserAction, {});
  const { register, handleSubmit, watch, formState } = useForm<Values>({
    mode: "onBlur",
    defaultValues: {
      email: user?.email ?? "",
      name: user?.name ?? "",
      role: user?.role ?? "correspondent",
      password: "",
      countries: user?.countries.join(", ") ?? "",
      regions: user?.regions.join(", ") ?? "",
      bodyId: user?.bodyId ? String(user.bodyId) : "",
      supervisorId: user?.supervisorId ? String(user.supervisorId) : "",
    },
  });
  const role = watch("role");
  const message = (key?: string, values?: Record<string, string | number>) =>
    !key
      ? null
      : key === "passwordTooShort"
        ? t("passwordTooShort", { min: MIN_PASSWORD_LENGTH })
        : t.has(key as never)
          ? t(key as never, values as never)
          : key;
  const fieldError = (name: keyof Values) => {
    const server = state.fieldErrors?.[name];
    const text = formState.errors[name]?.message ? message(String(formState.errors[name]!.message)) : server ? message(server.key, server.values) : null;
    return text ? (
      <span className="error" role="alert" data-testid={`error-${name}`}>
        {text}
      </span>
    ) : null;
  };
  const submit = handleSubmit(() => startTransition(() => action(new FormData(formRef.current!))));

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid={`user-form-${mode}`}>
      {user && <input type="hidden" name="id" value={user.id} />}
      {(state.denied ?? (!state.fieldErrors && state.error)) && <p className="alert error">{state.denied ?? state.error}</p>}
      {state.ok && (
        <p className="alert ok" role="status">
          {mode === "create" ? t("created", { email: state.ok }) : t("updated", { email: user!.email })}
        </p>
      )}
      {mode === "create" && (
        <label className="field">
          <span>{t("email")}</span>
          <input type="email" {...register("email", { validate: check(CreateUserInput.shape.email) })} />
          {fieldError("email")}
        </label>
      )}
      <label className="field">
        <span>{t("name")}</span>
        <input type="text" {...register("name", { validate: check(CreateUserInput.shape.name) })} />
        {fieldError("name")}
      </label>
      <label className="field">
        <span>{t("role")}</span>
        <select {...register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
      </label>
      {role === "correspondent" && (
        <label className="field">
          <span>{t("countries")}</span>
          <input type="text" {...register("countries")} placeholder="KZ, FR" />
          {fieldError("countries")}
        </label>
      )}
      {(role === "supervisor" || role === "interviewer") && (
        <label className="field">
          <span>{t("regions")}</span>
          <input type="text" {...register("regions")} placeholder="AST, ALA" />
          {fieldError("regions")}
        </label>
      )}
      {role === "interviewer" && (
        <label className="field">
          <span>{t("supervisor")}</span>
          <select {...register("supervisorId")}>
            <option value="">{t("none")}</option>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError("supervisorId")}
        </label>
      )}
      {role === "reporter" && (
        <label className="field">
          <span>{t("body")}</span>
          <select {...register("bodyId")}>
            <option value="">{t("none")}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          {fieldError("bodyId")}
        </label>
      )}
      {mode === "create" && (
        <label className="field">
          <span>{t("password")}</span>
          <input type="password" autoComplete="new-password" {...register("password", { validate: check(CreateUserInput.shape.password) })} />
          {fieldError("password")}
        </label>
      )}
      <button type="submit" disabled={pending}>
        {mode === "create" ? t("save") : t("saveChanges")}
      </button>
    </form>
  );
}
