// The log-journal (admins): who did what, to which object, from where — search and CSV.
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { searchAudit } from "@/lib/audit/query";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { formatDateTime } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ searchParams, db }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, tRoles, locale] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getLocale()]);
  const p = pageQuery(searchParams);
  const s = Object.fromEntries(
    Object.entries({ q: p.one("q"), action: p.one("action"), from: p.date("from"), to: p.date("to") }).filter((e): e is [string, string] => !!e[1]),
  ) as { q?: string; action?: string; from?: string; to?: string };
  const rows = searchAudit(db, s);
  const query = new URLSearchParams(s);
  // Actions (login, report.submit) are the journal's codes; roles are shown by their names.
  const role = (r: string | null) => (r && tRoles.has(r as never) ? tRoles(r as never) : (r ?? ""));
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="inline-form">
        <input type="text" name="q" defaultValue={s.q} placeholder={t("userOrObject")} aria-label={t("userOrObject")} />
        <input type="text" name="action" defaultValue={s.action} placeholder={t("actionHint")} aria-label={t("action")} />
        <input type="date" name="from" defaultValue={s.from} aria-label={t("from")} />
        <input type="date" name="to" defaultValue={s.to} aria-label={t("to")} />
        <button type="submit" className="secondary">
          {t("search")}
        </button>
        <a className="button secondary" href={`/api/admin/audit?${query}`}>
          CSV
        </a>
      </form>
      <table className="list" data-testid="audit">
        <thead>
          <tr>
            <th>{t("time")}</th>
            <th>{t("user")}</th>
            <th>{t("role")}</th>
            <th>{t("action")}</th>
            <th>{t("object")}</th>
            <th>{t("ip")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at, locale, { timeZone: "UTC", seconds: true })}</td>
              {/* The journal's records: who, its action codes, the objects as recorded. */}
              <td translate="no">{r.user}</td>
              <td>{role(r.role)}</td>
              <td translate="no">{r.action}</td>
              <td translate="no">{r.object}</td>
              <td translate="no">{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});

export const generateMetadata = pageTitle("audit");
