// One chapter of a reply as a form (correspondents of the country, and reviewers).
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import { keysOf } from "@/modules/questionnaire/cells";
import { questionsOf } from "@/modules/questionnaire/walk";

export default async function ChapterPage({ params }: { params: Promise<{ cycle: string; country: string; chapter: string }> }) {
  const { cycle, country, chapter: chapterId } = await params;
  const locale = await getLocale();
  const page = await loadReplyPage(cycle, country, locale);
  const chapter = page.index.questionnaire.parts.find((p) => p.id === chapterId);
  if (!chapter) notFound();
  const t = await getTranslations("reply");
  const questions = questionsOf(chapter);
  const ids = new Set(questions.map((q) => q.id));
  const onPage = new Set(questions.flatMap(keysOf));
  const pick = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([k]) => onPage.has(k)));
  return (
    <>
      <p className="breadcrumb"><Link href={page.base}>{page.cycle.name} · {page.countryName}</Link> · {t(`status.${page.reply.status}`)}</p>
      {page.readOnlyReason && <p className="alert" data-testid="read-only-reason">{page.readOnlyReason}</p>}
      <ReplyForm
        key={chapter.id}
        chapter={chapter}
        chapters={page.chapters}
        locale={locale}
        answers={Object.fromEntries(page.stored)}
        saveUrl={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}/answers`}
        readOnly={!page.canWrite}
        previous={pick(page.previous)}
        previousCycle={page.previousCycle}
        variationThreshold={page.cycle.variationThreshold}
        review={{
          api: `/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}`,
          reviewer: page.reviewer,
          queries: page.queries.filter((q) => ids.has(q.questionId)),
          flags: Object.fromEntries(page.flags.filter((f) => onPage.has(f.cell)).map((f) => [f.cell, f.reason])),
          series: page.series?.map((s) => ({ cycle: s.cycle, answers: pick(s.answers) })) ?? null,
        }}
      />
    </>
  );
}
