// One chapter of a reply as a form (correspondents of the country, and reviewers).
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { formatDate } from "@/lib/i18n/format";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { CepejReplyForm } from "@/modules/cepej/components/cepej-reply-form";
import { FocusRequestedCell } from "@/modules/questionnaire/components/focus-requested-cell";
import { keysOf } from "@/modules/questionnaire/cells";
import { questionsOf } from "@/modules/questionnaire/walk";
import { nationalFigures, trustInCourts } from "../sources";
import { pageTitle } from "@/lib/ui/page-title";
import type { Part } from "@/modules/questionnaire/definition";

type Params = { cycle: string; country: string; chapter: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country, chapter: chapterId } = params;
  const locale = await getLocale();
  const data = await loadReplyPage(db, cycle, country, locale, (found) => nationalFigures(db, found.reply, found.cycle.referenceYear));
  const t = await getTranslations("reply");
  // "all": the whole questionnaire on one page, for correspondents who prefer it to chapters.
  const chapter: Part | undefined =
    chapterId === "all"
      ? { id: "all", title: { en: t("wholeQuestionnaire"), [locale]: t("wholeQuestionnaire") }, questions: [], parts: data.index.questionnaire.parts }
      : data.index.questionnaire.parts.find((p) => p.id === chapterId);
  if (!chapter) notFound();
  const questions = questionsOf(chapter);
  const ids = new Set(questions.map((q) => q.id));
  const onPage = new Set(questions.flatMap(keysOf));
  const pick = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([k]) => onPage.has(k)));
  return (
    <>
      <p className="breadcrumb">
        <Link href={data.base}>{data.heading}</Link> · {t(`status.${data.reply.status}`)}
      </p>
      {data.readOnly && (
        <p className="alert" data-testid="read-only-reason">
          {t(`readOnly.${data.readOnly.code}`, { date: formatDate(data.readOnly.date, locale) })}
        </p>
      )}
      <FocusRequestedCell />
      <CepejReplyForm
        key={chapter.id}
        chapter={chapter}
        chapters={data.chapters}
        locale={locale}
        answers={Object.fromEntries(data.stored)}
        saveUrl={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}/answers`}
        readOnly={!data.canWrite}
        previous={pick(data.previous)}
        previousCycle={data.previousCycle}
        variationThreshold={data.cycle.variationThreshold}
        sources={{ national: pick(data.references), trust: ids.has("038") ? await trustInCourts(db) : null }}
        review={{
          api: `/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}`,
          reviewer: data.reviewer,
          queries: data.queries.filter((q) => ids.has(q.questionId)),
          flags: Object.fromEntries(data.flags.filter((f) => onPage.has(f.cell)).map((f) => [f.cell, f.reason])),
          series: data.series?.map((s) => ({ cycle: s.cycle, answers: pick(s.answers) })) ?? null,
        }}
      />
    </>
  );
});

export const generateMetadata = pageTitle<{ cycle: string; country: string; chapter: string }>("chapter", (p) => ({
  cycle: p.cycle,
  country: p.country.toUpperCase(),
  chapter: p.chapter,
}));
