// Print view / PDF of a whole reply, headed like the CEPEJ application's own print-out.
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { PrintPart } from "@/modules/questionnaire/components/reply-print";
import { PrintButton } from "@/lib/ui/print-button";

const ddmmyyyy = (iso: string) => iso.slice(0, 10).split("-").reverse().join("/");

type Params = { cycle: string; country: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country } = params;
  const data = await loadReplyPage(db, cycle, country, await getLocale());
  const t = await getTranslations("print");
  const read = (k: string) => data.stored.get(k)?.answer;
  const flags = Object.fromEntries(data.flags.map((f) => [f.cell, f.reason]));
  const [from, to] = data.cycle.slug.split("-");
  const now = new Date()
    .toLocaleString("en-GB", { timeZone: "Asia/Almaty", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" })
    .replace(",", "");
  const year = data.cycle.referenceYear;
  return (
    <div className="print-view">
      <PrintButton label={t("print")} />
      <h1>
        Evaluation of the judicial systems ({from} – {to})
      </h1>
      <p className="print-country">{data.countryName}</p>
      <p>Generated on : {now}</p>
      <p>
        Reference data {year} (01/01/{year} - 31/12/{year})
      </p>
      <p>
        Start/end date of the data collection campaign : {ddmmyyyy(data.cycle.opensOn)} - {ddmmyyyy(data.cycle.closesOn)}
      </p>
      {data.index.questionnaire.parts.map((part) => (
        <PrintPart key={part.id} part={part} read={read} flags={flags} />
      ))}
    </div>
  );
});
