// Users page (admins): everyone with role, scope and status; create a user.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reportingBodyName } from "@/lib/i18n/reference";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listReportingBodies, listUsers } from "@/modules/users/server/users";
import { UserForm } from "@/modules/users/components/user-form";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const users = await listUsers(db);
  const bodies = (await listReportingBodies(db)).map((b) => ({ id: b.id, name: reportingBodyName(b.name, locale) }));
  const bodyName = new Map(bodies.map((b) => [b.id, b.name]));
  // Countries and regions by their codes, a reporter's body by its name in the user's language.
  const scopeOf = (u: (typeof users)[number]) => [...u.countries, ...u.regions, ...(u.bodyId ? [bodyName.get(u.bodyId) ?? ""] : [])].join(", ");
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
              <td translate="no">
                <Link href={`/admin/users/${u.id}`}>{u.email}</Link>
              </td>
              <td translate="no">{u.name}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{scopeOf(u) || t("users.none")}</td>
              <td>{u.active ? t("users.active") : t("users.inactive")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card space-above">
        <h2>{t("users.create")}</h2>
        <UserForm mode="create" bodies={bodies} supervisors={supervisors} />
      </div>
    </>
  );
});

export const generateMetadata = pageTitle("users");
