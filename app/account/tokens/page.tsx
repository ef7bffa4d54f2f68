// The signed-in user's personal API tokens: create, list (never the secret), revoke.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { listTokens } from "@/modules/users/server/api-tokens";
import { CreateTokenForm, RevokeTokenButton } from "@/modules/users/components/api-tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("apiTokens.title")} — ${t("app.name")}` };
}

export default page(async ({ db }) => {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("apiTokens"), getLocale()]);
  const now = new Date().toISOString();
  const tokens = await listTokens(db, user.id);
  const day = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), locale) : "—");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t.rich("intro", { code: (chunks) => <code translate="no">{chunks}</code> })} <a href="/api-docs">{t("docsLink")}</a>
      </p>
      <CreateTokenForm />
      <table className="list" data-testid="api-tokens">
        <thead>
          <tr>
            <th>{t("name")}</th>
            <th>{t("scope")}</th>
            <th>{t("created")}</th>
            <th>{t("expires")}</th>
            <th>{t("lastUsed")}</th>
            <th>{t("state")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colSpan={7}>{t("none")}</td>
            </tr>
          )}
          {tokens.map((token) => {
            const state = token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : "active";
            return (
              <tr key={token.id} data-token-id={token.id}>
                {/* the name its owner typed: data, not interface text (as user names on /admin/users) */}
                <td translate="no">{token.name}</td>
                <td>{token.scope === "write" ? t("scopeWrite") : t("scopeRead")}</td>
                <td>{day(token.createdAt)}</td>
                <td>{day(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : "—"}</td>
                <td>{t(`states.${state}`)}</td>
                <td>{state === "active" && <RevokeTokenButton id={token.id} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
});
