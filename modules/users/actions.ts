"use server";
// User administration actions. Each one checks the policy first, validates with the shared zod
// schema, and writes the log-journal.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/server";
import { CreateUserInput, ResetPasswordInput, UserFields } from "@/modules/users/schemas";
import { createUser, resetPassword, setActive, updateUser, type FieldErrors } from "@/modules/users/server/users";

export type UserActionState = { ok?: string; errors?: FieldErrors; denied?: string };

const zodErrors = (error: z.ZodError): FieldErrors =>
  Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), { key: i.message }]));

async function admin() {
  return checkApiAccess("write", { kind: "administration" });
}

export async function createUserAction(_: UserActionState, form: FormData): Promise<UserActionState> {
  const access = await admin();
  if (!access.ok) return { denied: (await access.response.json()).error };
  const parsed = CreateUserInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const result = await createUser(parsed.data);
  if (!result.ok) return { errors: result.errors };
  audit({ action: "user.create", object: `${parsed.data.email} (${parsed.data.role})`, user: access.user });
  revalidatePath("/admin/users");
  return { ok: parsed.data.email };
}

const Id = z.coerce.number().int().positive();

export async function updateUserAction(_: UserActionState, form: FormData): Promise<UserActionState> {
  const access = await admin();
  if (!access.ok) return { denied: (await access.response.json()).error };
  const id = Id.safeParse(form.get("id"));
  const parsed = UserFields.safeParse(Object.fromEntries(form));
  if (!id.success) return { errors: { form: { key: "required" } } };
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const result = updateUser(id.data, parsed.data);
  if (!result.ok) return { errors: result.errors };
  audit({ action: "user.update", object: `user ${id.data} → ${parsed.data.role}`, user: access.user });
  revalidatePath("/admin/users");
  return { ok: "updated" };
}

export async function resetPasswordAction(_: UserActionState, form: FormData): Promise<UserActionState> {
  const access = await admin();
  if (!access.ok) return { denied: (await access.response.json()).error };
  const id = Id.safeParse(form.get("id"));
  const parsed = ResetPasswordInput.safeParse(Object.fromEntries(form));
  if (!id.success) return { errors: { form: { key: "required" } } };
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  await resetPassword(id.data, parsed.data.password);
  audit({ action: "user.password_reset", object: `user ${id.data}`, user: access.user });
  return { ok: "passwordReset" };
}

export async function setActiveAction(form: FormData) {
  const access = await admin();
  if (!access.ok) return;
  const id = Id.parse(form.get("id"));
  const active = form.get("active") === "true";
  if (!active && id === access.user.id) return; // an admin cannot lock themselves out
  setActive(id, active);
  audit({ action: active ? "user.activate" : "user.deactivate", object: `user ${id}`, user: access.user });
  revalidatePath("/admin/users");
}
