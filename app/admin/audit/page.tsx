// The log-journal (admins): who did what, to which object, from where — in Kazakhstan's time, searched
// by action name, user, reporting body and object; CSV.
import { getLocale, getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { searchAudit } from "@/lib/audit/query";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";
import { formatDateTime, TIME_ZONE } from "@/lib/i18n/format";
import { reportingBodyName } from "@/lib/i18n/reference";
import { listBodies } from "@/modules/reporting/server/filings";
import { pageTitle } from "@/lib/ui/page-title";

export default page(async ({ searchParams, db }) => {
  await requireAccess("read", { kind: "administration" });
  const [t, tRoles, locale] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getLocale()]);
  const p = pageQuery(searchParams);
  const body = p.int("body", { min: 1, max: 1_000_000_000 });
  const s = Object.fromEntries(
    Object.entries({
      q: p.one("q"),
      action: p.one("action"),
      user: p.one("user"),
      object: p.one("object"),
      body: body === undefined ? undefined : String(body),
      from: p.date("from"),
      to: p.date("to"),
    }).filter((e): e is [string, string] => !!e[1]),
  ) as { q?: string; action?: string; user?: string; object?: string; body?: string; from?: string; to?: string };
  const rows = await searchAudit(db, { ...s, body });
  const bodies = await listBodies(db);
  const query = new URLSearchParams(s);
  // Actions (login, report.submit) are the journal's codes; roles are shown by their names.
  const role = (r: string | null) => (r && tRoles.has(r as never) ? tRoles(r as never) : (r ?? ""));
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="inline-form">
        <input type="text" name="q" defaultValue={s.q} placeholder={t("userOrObject")} aria-label={t("userOrObject")} />
        <input type="text" name="action" defaultValue={s.action} placeholder={t("actionHint")} aria-label={t("action")} />
        <input type="text" name="user" defaultValue={s.user} placeholder={t("user")} aria-label={t("user")} />
        <input type="text" name="object" defaultValue={s.object} placeholder={t("object")} aria-label={t("object")} />
        <select name="body" defaultValue={s.body ?? ""} aria-label={t("body")}>
          <option value="">{t("allBodies")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {reportingBodyName(b.name, locale)}
            </option>
          ))}
        </select>
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
              <td>{formatDateTime(r.at, locale, { timeZone: TIME_ZONE, seconds: true })}</td>
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
