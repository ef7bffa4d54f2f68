// A reply's home: state and history, open queries first, chapters with progress, and the
// actions the user may take (submit; return, validate, reopen).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { ReplyActions } from "@/modules/cepej/components/reply-actions";
import { ImportReply } from "@/modules/cepej/components/import-reply";
import { TRANSITIONS, type ReplyAction, type ReplyState } from "@/modules/cepej/workflow";

export default async function ReplyHome({ params }: { params: Promise<{ cycle: string; country: string }> }) {
  const { cycle, country } = await params;
  const locale = await getLocale();
  const page = await loadReplyPage(cycle, country, locale);
  const t = await getTranslations("reply");
  const state = page.reply.status as ReplyState;
  const open = page.queries.filter((q) => q.status === "open");
  const chapterOf = (question: string) => page.index.chapterOf.get(question) ?? "1";
  const actions = (Object.keys(TRANSITIONS) as ReplyAction[]).filter((a) => {
    const rule = TRANSITIONS[a];
    if (!rule.from.includes(state) || !rule.roles.includes(page.user.role)) return false;
    return a !== "submit" || page.canWrite || page.user.role === "admin";
  });
  const deadline = page.reply.deadline && page.reply.deadline > page.cycle.closesOn ? page.reply.deadline : page.cycle.closesOn;
  return (
    <>
      <h1>{page.cycle.name} · {page.countryName}</h1>
      <p>
        <strong data-testid="reply-status">{t(`status.${state}`)}</strong> · {t("referenceYear", { year: page.cycle.referenceYear })} ·{" "}
        {t("campaign", { opens: page.cycle.opensOn, closes: deadline })}
        {page.previousCycle && <> · {t("comparedWith", { cycle: page.previousCycle })}</>}
      </p>
      {page.readOnlyReason && <p className="alert" data-testid="read-only-reason">{page.readOnlyReason}</p>}
      {open.length > 0 && (
        <div className="card" data-testid="open-queries">
          <h2>{t("openQueries", { count: open.length })}</h2>
          <ul>
            {open.map((q) => (
              <li key={q.id}>
                <Link href={`${page.base}/${chapterOf(q.questionId)}#q-${q.questionId}`}>{q.questionId}</Link>: {q.messages[0]?.text}{" "}
                <span className="muted">({t("messages", { count: q.messages.length })})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="card" data-testid="reply-links">
        <Link href={`${page.base}/indicators`}>{t("indicators")}</Link> · <Link href={`${page.base}/quality`}>{t("quality")}</Link> ·{" "}
        <Link href={`${page.base}/print`}>{t("print")}</Link> · {t("download")}{" "}
        <a href={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}/export?format=csv`}>CSV</a>{" "}
        <a href={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}/export?format=xlsx`}>XLSX</a>{" "}
        <a href={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}/export?format=json`}>JSON</a>
        {page.canWrite && <ImportReply api={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}`} />}
      </div>
      <ReplyActions api={`/api/cycles/${page.cycle.slug}/replies/${page.reply.countryCode}`} base={page.base} actions={actions} />
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
      {page.transitions.length > 0 && (
        <div className="card history" data-testid="history">
          <h2>{t("history")}</h2>
          <ol>
            {page.transitions.map((h, i) => (
              <li key={i}>{h.at.slice(0, 16).replace("T", " ")} · {h.by ?? "—"}: {t(`status.${h.from}`)} → {t(`status.${h.to}`)}{h.note ? ` — ${h.note}` : ""}</li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
