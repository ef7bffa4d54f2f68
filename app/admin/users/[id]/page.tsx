// One user (admins): change role and scope, reset the password, deactivate or reactivate.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { reportingBodyName } from "@/lib/i18n/reference";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listReportingBodies, listUsers } from "@/modules/users/server/users";
import { UserForm } from "@/modules/users/components/user-form";
import { ResetPasswordForm } from "@/modules/users/components/reset-password-form";
import { ActiveForm } from "@/modules/users/components/active-form";
import { pageTitle } from "@/lib/ui/page-title";

export default page<{ id: string }>(async ({ params, db }) => {
  const me = await requireAccess("read", { kind: "administration" });
  const [t, locale] = await Promise.all([getTranslations("users"), getLocale()]);
  const users = await listUsers(db);
  const user = users.find((u) => String(u.id) === params.id);
  if (!user) notFound();
  const supervisors = users.filter((u) => u.role === "supervisor").map((u) => ({ id: u.id, name: u.name }));
  const bodies = (await listReportingBodies(db)).map((b) => ({ id: b.id, name: reportingBodyName(b.name, locale) }));
  return (
    <>
      <h1>{user.email}</h1>
      <p>
        {t("status")}: <strong data-testid="user-status">{user.active ? t("active") : t("inactive")}</strong>
      </p>
      <div className="card">
        <UserForm mode="edit" user={user} bodies={bodies} supervisors={supervisors} />
      </div>
      <div className="card">
        <h2>{t("resetPassword")}</h2>
        <ResetPasswordForm userId={user.id} />
      </div>
      {user.id !== me.id && <ActiveForm userId={user.id} active={user.active} />}
    </>
  );
});

export const generateMetadata = pageTitle("user");
