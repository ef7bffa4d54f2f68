// Dates as the user's language writes them. Stored dates are ISO (2026-01-15, and timestamps in
// UTC). English keeps ISO 8601: its readers are international (the CEPEJ secretariat, correspondents
// of many countries), for whom 01/15/2026 (Intl's "en") or 15/01/2026 would each mislead someone.
export const TIME_ZONE = "Asia/Almaty";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** A calendar date (YYYY-MM-DD): 15.01.2026 in ru and kk, 15/01/2026 in fr, as stored in en. */
export function formatDate(iso: string, locale: string): string {
  if (locale === "en" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatter(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** A moment (an ISO timestamp) to the minute (or second), in Kazakhstan's time unless another zone is given. */
export function formatDateTime(at: string, locale: string, { timeZone = TIME_ZONE, seconds = false }: { timeZone?: string; seconds?: boolean } = {}): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const options: Intl.DateTimeFormatOptions = {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" as const } : {}),
    hourCycle: "h23",
    timeZone,
  };
  // sv-SE writes ISO's order: 2026-01-15 15:00.
  return formatter(locale === "en" ? "sv-SE" : locale, options).format(date);
}
