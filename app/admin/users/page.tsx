// Users page (admins): everyone with role, scope and status; create a user.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listReportingBodies, listUsers } from "@/modules/users/server/users";
import { UserForm } from "@/modules/users/components/user-form";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const t = await getTranslations();
  const users = listUsers(db);
  const supervisors = users.filter((u) => u.role === "supervisor").map((u) => ({ id: u.id, name: u.name }));
  return (
    <>
      <h1>{t("users.title")}</h1>
      <table className="list" data-testid="users-table">
        <thead>
          <tr>
            <th>{t("users.email")}</th>
            <th>{t("users.name")}</th>
            <th>{t("users.role")}</th>
            <th>{t("users.scope")}</th>
            <th>{t("users.status")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/users/${u.id}`}>{u.email}</Link>
              </td>
              <td>{u.name}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.scope || t("users.none")}</td>
              <td>{u.active ? t("users.active") : t("users.inactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card space-above">
        <h2>{t("users.create")}</h2>
        <UserForm mode="create" bodies={listReportingBodies(db)} supervisors={supervisors} />
      </div>
    </>
  );
});
