// One user (admins): change role and scope, reset the password, deactivate or reactivate.
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { listReportingBodies, listUsers } from "@/modules/users/server/users";
import { UserForm } from "@/modules/users/components/user-form";
import { ResetPasswordForm } from "@/modules/users/components/reset-password-form";
import { setActiveAction } from "../../../../modules/users/actions";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireAccess("read", { kind: "administration" });
  const t = await getTranslations("users");
  const { id } = await params;
  const users = listUsers();
  const user = users.find((u) => String(u.id) === id);
  if (!user) notFound();
  const supervisors = users.filter((u) => u.role === "supervisor").map((u) => ({ id: u.id, name: u.name }));
  return (
    <>
      <h1>{user.email}</h1>
      <p>{t("status")}: <strong data-testid="user-status">{user.active ? t("active") : t("inactive")}</strong></p>
      <div className="card">
        <UserForm mode="edit" user={user} bodies={listReportingBodies()} supervisors={supervisors} />
      </div>
      <div className="card">
        <h2>{t("resetPassword")}</h2>
        <ResetPasswordForm userId={user.id} />
      </div>
      {user.id !== me.id && (
        <form action={setActiveAction} className="card">
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="active" value={String(!user.active)} />
          <button type="submit" className="secondary">{user.active ? t("deactivate") : t("activate")}</button>
        </form>
      )}
    </>
  );
}
