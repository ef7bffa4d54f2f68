// next-intl request configuration: the language comes from the user's remembered choice (a
// cookie set at login and by the language switcher); missing translations fall back to English.
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "./locales";
import en from "@/messages/en.json";

type Messages = { [key: string]: string | Messages };

function withFallback(base: Messages, override: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const b = base[key];
    out[key] = typeof value === "object" && typeof b === "object" ? withFallback(b, value) : value;
  }
  return out;
}

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = locale === "en" ? en : withFallback(en, (await import(`@/messages/${locale}.json`)).default);
  return { locale, messages, timeZone: "Asia/Almaty" };
});
