// The bar on every page: the app's name, the areas the user may open, language and sign-out.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { changeLanguage, signOutAction } from "@/lib/auth/actions";

export async function TopBar() {
  const [t, user, locale] = await Promise.all([getTranslations(), currentUser(), getLocale()]);
  return (
    <header className="top">
      <Link href="/" className="brand">{t("app.name")}</Link>
      <nav>
        {user && <Link href="/">{t("nav.home")}</Link>}
        {user?.role === "admin" && <Link href="/admin/cycles">{t("nav.cycles")}</Link>}
        {user?.role === "admin" && <Link href="/admin/users">{t("nav.users")}</Link>}
        {user?.role === "admin" && <Link href="/admin/reports">{t("nav.reports")}</Link>}
        {user?.role === "reporter" && <Link href="/reports">{t("nav.reports")}</Link>}
        {user && ["admin", "supervisor", "interviewer"].includes(user.role) && <Link href="/survey">{t("nav.survey")}</Link>}
        <Link href="/open-data">{t("nav.openData")}</Link>
      </nav>
      <form action={changeLanguage} className="inline-form">
        <select name="locale" defaultValue={locale} aria-label={t("nav.language")}>
          {LOCALES.map((l) => <option key={l} value={l}>{LOCALE_NAMES[l]}</option>)}
        </select>
        <button type="submit" className="secondary">{t("language.change")}</button>
      </form>
      {user && (
        <>
          <span className="who" data-testid="signed-in-as">{t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
          <form action={signOutAction}>
            <button type="submit" className="secondary">{t("nav.signOut")}</button>
          </form>
        </>
      )}
    </header>
  );
}
