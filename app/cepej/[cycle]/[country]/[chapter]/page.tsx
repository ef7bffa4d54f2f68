// One chapter of a reply as a form (correspondents of the country, and reviewers).
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReplyPage } from "@/lib/cepej/server/reply-page";
import { ReplyForm } from "@/components/questionnaire/reply-form";

export default async function ChapterPage({ params }: { params: Promise<{ cycle: string; country: string; chapter: string }> }) {
  const { cycle, country, chapter: chapterId } = await params;
  const locale = await getLocale();
  const page = await loadReplyPage(cycle, country, locale);
  const chapter = page.index.questionnaire.parts.find((p) => p.id === chapterId);
  if (!chapter) notFound();
  const t = await getTranslations("reply");
  return (
    <>
      <p className="breadcrumb"><Link href={page.base}>{page.cycle.name} · {page.countryName}</Link></p>
      {!page.canWrite && <p className="alert">{t("readOnlyNotice")}</p>}
      <ReplyForm
        key={chapter.id}
        chapter={chapter}
        chapters={page.chapters}
        locale={locale}
        answers={Object.fromEntries(page.stored)}
        saveUrl={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}/answers`}
        readOnly={!page.canWrite}
      />
    </>
  );
}
