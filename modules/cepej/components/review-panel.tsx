"use client";
// Per question: the query threads between reviewer and correspondent, and for reviewers the
// tools to raise a query, mark a value "not retained for publication" and see the series.
import { useRef, useState, useTransition } from "react";
import { useFormContext } from "react-hook-form";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Question } from "@/modules/questionnaire/definition";
import { cellsOf } from "@/modules/questionnaire/cells";
import { toFormValues, type FormValues } from "@/modules/questionnaire/form-values";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { formatDateTime } from "@/lib/i18n/format";
import { useRefusal } from "@/lib/i18n/use-refusal";
import type { Answer } from "@/modules/questionnaire/answers";
import { TEXT_MAX } from "@/lib/text-limits";
import { useLocalized, useReply, useTextLang, type QueryThread } from "../../questionnaire/components/reply-context";

/** The API's refusal, worded in the user's language where it is shown. */
class Refused extends Error {
  constructor(
    readonly body: unknown,
    readonly status: number,
  ) {
    super(`HTTP ${status}`);
  }
}

async function post(url: string, body: unknown, method = "POST") {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Refused(await response.json().catch(() => ({})), response.status);
}

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const refused = useRefusal();
  const run = (fn: () => Promise<void>) =>
    start(async () => {
      try {
        setError(null);
        await fn();
        router.refresh();
      } catch (e) {
        setError(e instanceof Refused ? refused(e.body, e.status) : (e as Error).message);
      }
    });
  return { pending, error, run };
}

export function QueryThreads({ question }: { question: Question }) {
  const { review } = useReply();
  const threads = review.queries.filter((q) => q.questionId === question.id);
  return (
    <>
      {threads.map((thread) => (
        <Thread key={thread.id} thread={thread} />
      ))}
      {review.reviewer && <ReviewTools question={question} />}
    </>
  );
}

function Thread({ thread }: { thread: QueryThread }) {
  const t = useTranslations("review");
  const { review, locale } = useReply();
  const [text, setText] = useState("");
  const action = useAction();
  return (
    <div className={`query ${thread.status}`} data-testid={`query-${thread.questionId}`}>
      <strong>{thread.status === "open" ? t("openQuery") : t("resolvedQuery")}</strong>
      <ul>
        {thread.messages.map((m, i) => (
          <li key={i}>
            <span className="muted">
              {m.by} · {formatDateTime(m.at, locale)}:
            </span>{" "}
            {m.text}
          </li>
        ))}
      </ul>
      {thread.status === "open" && (
        <div className="query-reply">
          <textarea aria-label={t("replyToQuery")} value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={TEXT_MAX.comment} />
          <button
            type="button"
            className="secondary"
            disabled={!text.trim() || action.pending}
            onClick={() =>
              action.run(async () => {
                await post(`${review.api}/queries/${thread.id}`, { text });
                setText("");
              })
            }
          >
            {t("sendReply")}
          </button>
          {review.reviewer && (
            <button
              type="button"
              className="secondary"
              disabled={action.pending}
              onClick={() => action.run(() => post(`${review.api}/queries/${thread.id}`, { resolve: true }))}
            >
              {t("resolve")}
            </button>
          )}
          {action.error && <span className="field-error">{action.error}</span>}
        </div>
      )}
    </div>
  );
}

function ReviewTools({ question }: { question: Question }) {
  const t = useTranslations("review");
  const l = useLocalized();
  const lang = useTextLang();
  const { review, locale } = useReply();
  const [text, setText] = useState("");
  const numberCells = cellsOf(question).filter((c) => c.spec.kind === "number");
  const [cell, setCell] = useState(numberCells[0]?.key ?? "");
  const [reason, setReason] = useState("");
  const action = useAction();
  const show = (a: Answer | undefined) => (!a ? "—" : (a.status ?? (a.num !== null ? formatNumber(a.num, locale) : (a.text ?? "—"))));
  return (
    <details className="review-tools" data-testid={`review-${question.id}`}>
      <summary>{t("reviewTools")}</summary>
      <div className="query-reply">
        <textarea aria-label={t("queryText")} value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={TEXT_MAX.comment} />
        <button
          type="button"
          disabled={!text.trim() || action.pending}
          onClick={() =>
            action.run(async () => {
              await post(`${review.api}/queries`, { question: question.id, text });
              setText("");
            })
          }
        >
          {t("raiseQuery")}
        </button>
      </div>
      {numberCells.length > 0 && (
        <div className="query-reply">
          <select aria-label={t("flagCell")} value={cell} onChange={(e) => setCell(e.target.value)}>
            {numberCells.map((c) => (
              <option key={c.key} value={c.key} lang={c.row ? lang(c.row.label) : undefined}>
                {c.row ? `${l(c.row.label).slice(0, 50)} / ${l(c.col!.label)}` : question.id}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label={t("flagReason")}
            placeholder={t("flagReason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={TEXT_MAX.comment}
          />
          <button
            type="button"
            className="secondary"
            disabled={!reason.trim() || action.pending}
            onClick={() => action.run(() => post(`${review.api}/flags`, { cell, reason }, "PUT"))}
          >
            {t("flag")}
          </button>
          {review.flags[cell] && (
            <button type="button" className="secondary" onClick={() => action.run(() => post(`${review.api}/flags`, { cell, reason: null }, "PUT"))}>
              {t("unflag")}
            </button>
          )}
        </div>
      )}
      <CellHistory question={question} />
      {review.series && numberCells.length > 0 && (
        <table className="grid series">
          <thead>
            <tr>
              <th>{t("series")}</th>
              {review.series.map((s) => (
                <th key={s.cycle}>{s.cycle}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {numberCells.map((c) => (
              <tr key={c.key}>
                <th lang={c.row ? lang(c.row.label) : undefined}>{c.row ? `${l(c.row.label).slice(0, 40)} / ${l(c.col!.label)}` : question.id}</th>
                {review.series!.map((s) => (
                  <td key={s.cycle}>{show(s.answers[c.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {action.error && <span className="field-error">{action.error}</span>}
    </details>
  );
}

type HistoryEntry = { id: number; at: string; by: string | null; old: Answer | null; new: Answer | null; source: string | null };

/** Every change of a value, and restoring an earlier one (recorded as a change too). */
function CellHistory({ question }: { question: Question }) {
  const t = useTranslations("review");
  const l = useLocalized();
  const lang = useTextLang();
  const { review, locale, index } = useReply();
  const { setValue } = useFormContext();
  const cells = cellsOf(question);
  const [cell, setCell] = useState(cells[0]?.key ?? "");
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const action = useAction();
  const fetchHistory = async (key: string) => {
    const r = await fetch(`${review.api}/history?cell=${encodeURIComponent(key)}`);
    if (!r.ok) throw new Refused(await r.json().catch(() => ({})), r.status);
    setHistory((await r.json()).history);
  };
  // One restore at a time: a second click while the first is on its way does nothing.
  const restoring = useRef(false);
  const restore = (historyId: number) => {
    if (restoring.current) return;
    restoring.current = true;
    action.run(async () => {
      try {
        const r = await fetch(`${review.api}/history`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ cell, historyId, which: "before" }),
        });
        const body = await r.json().catch(() => ({}));
        if (!r.ok) throw new Refused(body, r.status);
        // The restored value on the screen at once: the form's fields hold what the user sees (and
        // what the autosave sends), not the stored answers the page was built from.
        const info = index.keys.get(cell);
        if (info) {
          const values: FormValues = {};
          toFormValues(info, (body.value as Answer | null) ?? undefined, values, cell, locale);
          for (const [field, value] of Object.entries(values)) setValue(field, value, { shouldDirty: true });
        }
        await fetchHistory(cell);
      } finally {
        restoring.current = false;
      }
    });
  };
  const show = (a: Answer | null) => (!a ? "—" : (a.status ?? (a.num !== null ? formatNumber(a.num, locale) : (a.text ?? "—"))));
  const load = (key: string) => action.run(() => fetchHistory(key));
  if (!cells.length) return null;
  return (
    <div className="query-reply" data-testid={`history-${question.id}`}>
      <select
        aria-label={t("historyCell")}
        value={cell}
        onChange={(e) => {
          setCell(e.target.value);
          setHistory(null);
        }}
      >
        {cells.map((c) => (
          <option key={c.key} value={c.key} lang={c.row ? lang(c.row.label) : undefined}>
            {c.row ? `${l(c.row.label).slice(0, 50)} / ${l(c.col!.label)}` : question.id}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => load(cell)}>
        {t("showHistory")}
      </button>
      {history && (
        <table className="grid">
          <tbody>
            {history.length === 0 && (
              <tr>
                <td>{t("noHistory")}</td>
              </tr>
            )}
            {history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.at, locale, { seconds: true })}</td>
                <td>{h.by ?? "—"}</td>
                <td>
                  {show(h.old)} → {show(h.new)}
                  {h.source && (
                    <span className="muted" data-testid="history-source">
                      {" "}
                      {t("copiedFrom", { source: h.source })}
                    </span>
                  )}
                </td>
                <td>
                  <button type="button" className="secondary" disabled={action.pending} onClick={() => restore(h.id)}>
                    {t("restoreBefore", { value: show(h.old) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
