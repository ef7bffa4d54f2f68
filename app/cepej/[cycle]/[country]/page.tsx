// A reply's home: its chapters with progress, warnings and errors.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReplyPage } from "@/lib/cepej/server/reply-page";

export default async function ReplyHome({ params }: { params: Promise<{ cycle: string; country: string }> }) {
  const { cycle, country } = await params;
  const locale = await getLocale();
  const page = await loadReplyPage(cycle, country, locale);
  const t = await getTranslations("reply");
  return (
    <>
      <h1>{page.cycle.name} · {page.countryName}</h1>
      <p className="muted">{t("referenceYear", { year: page.cycle.referenceYear })} · {t(`status.${page.reply.status}`)}</p>
      <table className="list" data-testid="chapters">
        <thead><tr><th>{t("chapter")}</th><th>{t("answered")}</th><th>{t("warnings")}</th><th>{t("errors")}</th></tr></thead>
        <tbody>
          {page.chapters.map((c) => (
            <tr key={c.id}>
              <td><Link href={c.href}>{c.id}. {c.title}</Link></td>
              <td>{c.answered} / {c.total}</td>
              <td>{c.warnings || ""}</td>
              <td>{c.errors || ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
