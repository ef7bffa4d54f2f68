// A reply's home: state and history, open queries first, chapters with progress, and the
// actions the user may take (submit; return, validate, reopen).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { ReplyActions } from "@/modules/cepej/components/reply-actions";
import { ImportReply } from "@/modules/cepej/components/import-reply";
import { TRANSITIONS, type ReplyAction, type ReplyState } from "@/modules/cepej/workflow";
import { SYSTEM_NOTES, lastImport } from "@/modules/cepej/server/write-cells";
import { nationalFigures } from "./sources";
import { pageTitle } from "@/lib/ui/page-title";

type Params = { cycle: string; country: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country } = params;
  const locale = await getLocale();
  const data = await loadReplyPage(db, cycle, country, locale, (found) => nationalFigures(db, found.reply, found.cycle.referenceYear));
  const t = await getTranslations("reply");
  const state = data.reply.status as ReplyState;
  const open = data.queries.filter((q) => q.status === "open");
  const chapterOf = (question: string) => data.index.chapterOf.get(question) ?? "1";
  const actions = (Object.keys(TRANSITIONS) as ReplyAction[]).filter((a) => {
    const rule = TRANSITIONS[a];
    if (!rule.from.includes(state) || !rule.roles.includes(data.user.role)) return false;
    return a !== "submit" || data.canWrite || data.user.role === "admin";
  });
  const systemNote = (note: string) => {
    const key = (Object.keys(SYSTEM_NOTES) as (keyof typeof SYSTEM_NOTES)[]).find((k) => SYSTEM_NOTES[k] === note);
    return key ? t(`systemNotes.${key}`) : null;
  };
  const deadline = data.reply.deadline && data.reply.deadline > data.cycle.closesOn ? data.reply.deadline : data.cycle.closesOn;
  return (
    <>
      <h1>{data.heading}</h1>
      <p>
        <strong data-testid="reply-status">{t(`status.${state}`)}</strong> · {t("referenceYear", { year: data.cycle.referenceYear })} ·{" "}
        {t("campaign", { opens: formatDate(data.cycle.opensOn, locale), closes: formatDate(deadline, locale) })}
        {data.previousCycle && <> · {t("comparedWith", { cycle: data.previousCycle })}</>}
      </p>
      {data.readOnly && (
        <p className="alert" data-testid="read-only-reason">
          {t(`readOnly.${data.readOnly.code}`, { date: formatDate(data.readOnly.date, locale) })}
        </p>
      )}
      {open.length > 0 && (
        <div className="card" data-testid="open-queries">
          <h2>{t("openQueries", { count: open.length })}</h2>
          <ul>
            {open.map((q) => (
              <li key={q.id}>
                {/* what the reviewer wrote, in the language it was written */}
                <Link href={`${data.base}/${chapterOf(q.questionId)}#q-${q.questionId}`}>{q.questionId}</Link>:{" "}
                <span translate="no">{q.messages[0]?.text}</span> <span className="muted">({t("messages", { count: q.messages.length })})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="card" data-testid="reply-links">
        <Link href={`${data.base}/indicators`}>{t("indicators")}</Link> · <Link href={`${data.base}/quality`}>{t("quality")}</Link> ·{" "}
        <Link href={`${data.base}/all`}>{t("wholeQuestionnaire")}</Link> · <Link href={`${data.base}/print`}>{t("print")}</Link> · {t("download")}{" "}
        <a href={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}/export?format=csv`}>CSV</a>{" "}
        <a href={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}/export?format=xlsx`}>XLSX</a>{" "}
        <a href={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}/export?format=json`}>JSON</a>
        {data.canWrite && <ImportReply api={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}`} last={await lastImport(db, data.reply.id)} />}
      </div>
      <ReplyActions
        api={`/api/cycles/${data.cycle.slug}/replies/${data.reply.countryCode}`}
        base={data.base}
        questionnaireUrl={`/api/cycles/${data.cycle.slug}/questionnaire`}
        actions={actions}
      />
      <table className="list" data-testid="chapters">
        <thead>
          <tr>
            <th>{t("chapter")}</th>
            <th>{t("answered")}</th>
            <th>{t("warnings")}</th>
            <th>{t("errors")}</th>
          </tr>
        </thead>
        <tbody>
          {data.chapters.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={c.href} lang={c.titleLang}>
                  {c.id}. {c.title}
                </Link>
              </td>
              <td>
                {c.answered} / {c.total}
              </td>
              <td>{c.warnings || ""}</td>
              <td>{c.errors || ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.transitions.length > 0 && (
        <div className="card history" data-testid="history">
          <h2>{t("history")}</h2>
          <ol>
            {data.transitions.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at, locale)} · {h.by ?? "—"}: {t(`status.${h.from}`)} → {t(`status.${h.to}`)}
                {h.note ? ` — ${systemNote(h.note) ?? h.note}` : ""}
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
});

export const generateMetadata = pageTitle<{ cycle: string; country: string }>("reply", (p) => ({ cycle: p.cycle, country: p.country.toUpperCase() }));
