"use server";
// User administration actions: adminAction asks the policy (administration) and parses the form
// with the shared zod schema; each service writes its change and its audit row in one transaction.
// The handlers are async, as the services are (Next's compiler refuses a function inside a
// "use server" file that is not async).
import { adminAction } from "@/lib/auth/admin-action";
import { CreateUserInput, ResetPasswordInput, SetActiveInput, UpdateUserInput } from "@/modules/users/schemas";
import { createUser, resetPassword, setActive, updateUser } from "@/modules/users/server/users";

export const createUserAction = adminAction(
  CreateUserInput,
  async ({ db, user, input, ip }) => {
    await createUser(db, input, { user, ip });
    return input.email;
  },
  { revalidate: "/admin/users" },
);

export const updateUserAction = adminAction(
  UpdateUserInput,
  async ({ db, user, input: { id, ...fields }, ip }) => {
    await updateUser(db, id, fields, { user, ip });
    return "updated";
  },
  { revalidate: "/admin/users" },
);

export const resetPasswordAction = adminAction(ResetPasswordInput, async ({ db, user, input, ip }) => {
  await resetPassword(db, input.id, input.password, { user, ip });
  return "passwordReset";
});

export const setActiveAction = adminAction(SetActiveInput, async ({ db, user, input, ip }) => setActive(db, input.id, input.active, { user, ip }), {
  revalidate: "/admin/users",
});
