// Dates as the user's language writes them. Stored dates are ISO (2026-01-15, and timestamps in
// UTC). English keeps ISO 8601: its readers are international (the CEPEJ secretariat, correspondents
// of many countries), for whom 01/15/2026 (Intl's "en") or 15/01/2026 would each mislead someone.
// The patterns are CLDR's short dates of each language, assembled here from Intl's numeric parts so
// that the server and the browser (each with its own ICU) write exactly the same text.
export const TIME_ZONE = "Asia/Almaty";

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const DATE_PATTERNS: Record<string, (p: Parts) => string> = {
  en: (p) => `${p.year}-${p.month}-${p.day}`,
  ru: (p) => `${p.day}.${p.month}.${p.year}`,
  kk: (p) => `${p.day}.${p.month}.${p.year}`,
  fr: (p) => `${p.day}/${p.month}/${p.year}`,
};

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsOf(date: Date, timeZone: string): Parts {
  let f = partsFormats.get(timeZone);
  if (!f) {
    const options = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } as const;
    partsFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { ...options, timeZone })));
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return parts as Parts;
}

const datePattern = (locale: string) => DATE_PATTERNS[locale] ?? DATE_PATTERNS.en;

/** A calendar date (YYYY-MM-DD): 15.01.2026 in ru and kk, 15/01/2026 in fr, as stored in en. */
export function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return datePattern(locale)({ year: m[1], month: m[2], day: m[3], hour: "", minute: "", second: "" });
}

/** A moment (an ISO timestamp) to the minute (or second), in Kazakhstan's time unless another zone is given. */
export function formatDateTime(at: string, locale: string, { timeZone = TIME_ZONE, seconds = false }: { timeZone?: string; seconds?: boolean } = {}): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const p = partsOf(date, timeZone);
  return `${datePattern(locale)(p)} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""}`;
}
