// Languages of the UI: English (the reference catalogue), Russian and Kazakh (Kazakhstan's users),
// French (CEPEJ's second official language). A key missing in a catalogue falls back to English.
export const LOCALES = ["en", "ru", "kk", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ru: "Русский", kk: "Қазақша", fr: "Français" };

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
