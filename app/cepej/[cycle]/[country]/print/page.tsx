// Print view / PDF of a whole reply, headed like the CEPEJ application's own print-out.
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { PrintPart } from "@/modules/questionnaire/components/reply-print";
import { PrintButton } from "@/lib/ui/print-button";
import { formatDate, formatDateTime, TIME_ZONE } from "@/lib/i18n/format";
import { countryName } from "@/lib/i18n/reference";
import { pageTitle } from "@/lib/ui/page-title";

// CEPEJ's own print-out writes 31/12/2022 in English; the other languages write their own dates.
const ddmmyyyy = (iso: string, locale: string) => (locale === "en" ? iso.slice(0, 10).split("-").reverse().join("/") : formatDate(iso.slice(0, 10), locale));

type Params = { cycle: string; country: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country } = params;
  const locale = await getLocale();
  const data = await loadReplyPage(db, cycle, country, locale);
  const t = await getTranslations("print");
  const read = (k: string) => data.stored.get(k)?.answer;
  const flags = Object.fromEntries(data.flags.map((f) => [f.cell, f.reason]));
  const [from, to] = data.cycle.slug.split("-");
  const now =
    locale === "en"
      ? new Date()
          .toLocaleString("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" })
          .replace(",", "")
      : formatDateTime(new Date().toISOString(), locale);
  const year = data.cycle.referenceYear;
  return (
    <div className="print-view">
      <PrintButton label={t("print")} />
      <h1>{t("heading", { from, to })}</h1>
      <p className="print-country">{countryName(data.reply.countryCode ?? "", data.countryName, locale)}</p>
      <p>{t("generatedOn", { date: now })}</p>
      <p>{t("referenceData", { year: String(year), start: ddmmyyyy(`${year}-01-01`, locale), end: ddmmyyyy(`${year}-12-31`, locale) })}</p>
      <p>{t("campaign", { opens: ddmmyyyy(data.cycle.opensOn, locale), closes: ddmmyyyy(data.cycle.closesOn, locale) })}</p>
      {data.index.questionnaire.parts.map((part) => (
        <PrintPart
          key={part.id}
          part={part}
          read={read}
          flags={flags}
          labels={{ comments: t("comments"), notRetained: (reason) => t("notRetained", { reason }), locale }}
        />
      ))}
    </div>
  );
});

export const generateMetadata = pageTitle<{ cycle: string; country: string }>("print", (p) => ({ cycle: p.cycle, country: p.country.toUpperCase() }));
