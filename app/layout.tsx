import "./globals.css";
import "./a11y.css";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { TopBar } from "@/lib/ui/top-bar";
import { SessionKeepAlive } from "@/lib/ui/session-keepalive";
import { DemoBanner } from "@/lib/ui/demo-banner";
import { SignOutGuard } from "@/modules/survey/device/components/sign-out-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  // The web app manifest: interviewers install the app (public/manifest.webmanifest, lib/pwa/sw.ts).
  return { title: t("name"), description: t("tagline"), manifest: "/manifest.webmanifest" };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered for each request, never prerendered: the scripts Next.js writes into a page carry the
  // request's CSP nonce (middleware.ts), and a page built ahead would carry none and not run.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <DemoBanner />
          <TopBar />
          <SessionKeepAlive />
          <SignOutGuard />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
