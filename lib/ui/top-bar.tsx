// The bar on every page: the app's name, the areas the user may open, language and sign-out.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { areasOf } from "@/lib/auth/policy";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { changeLanguage, signOutAction } from "@/lib/auth/actions";
import { navLinks } from "./nav-links";

export async function TopBar() {
  const [t, user, locale] = await Promise.all([getTranslations(), currentUser(), getLocale()]);
  return (
    <header className="top">
      <Link href="/" className="brand">
        {t("app.name")}
      </Link>
      <nav>
        {user && <Link href="/">{t("nav.home")}</Link>}
        {user &&
          navLinks(areasOf(user)).map((l) => (
            <Link key={l.href} href={l.href}>
              {t(`nav.${l.label}`)}
            </Link>
          ))}
        <Link href="/open-data">{t("nav.openData")}</Link>
        {user && <Link href="/account/tokens">{t("nav.apiTokens")}</Link>}
      </nav>
      <form action={changeLanguage} className="inline-form">
        <select name="locale" defaultValue={locale} aria-label={t("nav.language")}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("language.change")}
        </button>
      </form>
      {user && (
        <>
          <span className="who" data-testid="signed-in-as">
            {t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
          </span>
          {/* data-sign-out: the survey's device store warns before it (modules/survey/device/components/sign-out-guard.tsx) */}
          <form action={signOutAction} data-sign-out>
            <button type="submit" className="secondary">
              {t("nav.signOut")}
            </button>
          </form>
        </>
      )}
    </header>
  );
}
