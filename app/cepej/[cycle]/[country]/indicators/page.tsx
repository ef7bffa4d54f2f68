// All derived indicators of a reply on one page, grouped by the question they come from.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { computeIndicators, indicatorsByQuestion } from "@/modules/cepej/indicators";
import { IndicatorList } from "@/modules/cepej/components/indicators-beside";
import { pageTitle } from "@/lib/ui/page-title";

type Params = { cycle: string; country: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country } = params;
  const data = await loadReplyPage(db, cycle, country, await getLocale());
  const t = await getTranslations("indicators");
  const flags = new Set(data.flags.map((f) => f.cell));
  // A value not retained for publication is left out of the indicators, which then show "—".
  const read = (k: string) => (flags.has(k) ? undefined : data.stored.get(k)?.answer);
  const grouped = indicatorsByQuestion(computeIndicators(read));
  return (
    <>
      <p className="breadcrumb">
        <Link href={data.base}>{data.heading}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {flags.size > 0 && <p className="alert">{t("notRetained", { count: flags.size })}</p>}
      {Object.entries(grouped).map(([question, list]) => (
        <section key={question} className="card">
          <h2>
            <Link href={`${data.base}/${data.index.chapterOf.get(question)}#q-${question}`}>{question}</Link>{" "}
            <span lang="en">{data.index.questions.get(question)?.label.en.slice(0, 120)}</span>
          </h2>
          <IndicatorList list={list} testId={`indicators-${question}`} />
        </section>
      ))}
    </>
  );
});

export const generateMetadata = pageTitle<{ cycle: string; country: string }>("indicators", (p) => ({ cycle: p.cycle, country: p.country.toUpperCase() }));
