"use client";
// The interview's form: the questionnaire engine's form with the questionnaire's texts in the
// respondent's language (the interface stays in the user's), the supervisor's comments at their
// questions with the interviewer's replies, and the paradata recorder.
import { createContext, useContext, useState, type ComponentProps, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Question } from "@/modules/questionnaire/definition";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import type { ReplySlots } from "@/modules/questionnaire/components/reply-context";
import { formatDateTime } from "@/lib/i18n/format";
import { useRefusal } from "@/lib/i18n/use-refusal";
import { TEXT_MAX } from "@/lib/text-limits";
import { INTERVIEW_LANGUAGES, isInterviewLanguage, type InterviewLanguage } from "../paradata";
import { useParadata } from "./use-paradata";

export type InterviewComment = { id: number; questionId: string; by: string | null; text: string; at: string; reply: string | null; repliedAt: string | null };

/** Where a reply goes: the error to show, or null once it is kept (the device keeps it to send later). */
export type SendReply = (comment: number, text: string) => Promise<string | null>;

type CommentsContext = { byQuestion: Record<string, InterviewComment[]>; api: string; canReply: boolean; sendReply?: SendReply };
const Comments = createContext<CommentsContext>({ byQuestion: {}, api: "", canReply: false });

type Props = Omit<ComponentProps<typeof ReplyForm>, "locale" | "slots"> & {
  /** The interview's API root: /api/survey/interviews/{id}. */
  api: string;
  language: InterviewLanguage;
  /** The interviewer may change the interview: choose its language, reply to comments, record paradata. */
  canWrite: boolean;
  comments: InterviewComment[];
};

const SLOTS: ReplySlots = { afterQuestion: CommentThread };

/** The comment threads for a form rendered elsewhere (the device's copy of the interview): pass
 *  COMMENT_SLOTS to its ReplyForm; replies go to `sendReply`. */
export const COMMENT_SLOTS = SLOTS;
export function CommentThreads({
  comments,
  canReply,
  sendReply,
  children,
}: {
  comments: InterviewComment[];
  canReply: boolean;
  sendReply: SendReply;
  children: ReactNode;
}) {
  const byQuestion: Record<string, InterviewComment[]> = {};
  for (const c of comments) (byQuestion[c.questionId] ??= []).push(c);
  return <Comments.Provider value={{ byQuestion, api: "", canReply, sendReply }}>{children}</Comments.Provider>;
}

export function InterviewForm({ api, language: initial, canWrite, comments, ...form }: Props) {
  const t = useTranslations("survey.interview");
  const router = useRouter();
  const [language, setLanguage] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const refused = useRefusal();
  useParadata(form.saveUrl, language, canWrite);
  // The interviewer sees the questionnaire in the respondent's language; a read-only view (review,
  // a finished interview) in the reader's, the interview's language stated above it.
  const uiLocale = useLocale();
  const shownIn = canWrite || !isInterviewLanguage(uiLocale) ? language : uiLocale;
  const byQuestion: Record<string, InterviewComment[]> = {};
  for (const c of comments) (byQuestion[c.questionId] ??= []).push(c);
  const choose = async (next: InterviewLanguage) => {
    setError(null);
    const r = await fetch(`${api}/language`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ language: next }) });
    if (!r.ok) return setError(refused(await r.json().catch(() => ({})), r.status));
    setLanguage(next);
    router.refresh();
  };
  return (
    <>
      <p className="inline-form" data-testid="interview-language">
        <label>
          {t("language")}{" "}
          <select value={language} disabled={!canWrite} onChange={(e) => void choose(e.target.value as InterviewLanguage)}>
            {INTERVIEW_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </p>
      <Comments.Provider value={{ byQuestion, api, canReply: canWrite }}>
        <div lang={shownIn}>
          <ReplyForm {...form} locale={shownIn} slots={SLOTS} />
        </div>
      </Comments.Provider>
    </>
  );
}

/** The supervisor's comments on a question, each with the interviewer's reply (a box while it may be given). */
function CommentThread({ question }: { question: Question }) {
  const { byQuestion } = useContext(Comments);
  const locale = useLocale();
  const list = byQuestion[question.id];
  if (!list?.length) return null;
  return (
    <div className="query open" data-testid={`notes-${question.id}`} lang={locale}>
      <ul>
        {list.map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ul>
    </div>
  );
}

function CommentItem({ comment: c }: { comment: InterviewComment }) {
  const t = useTranslations("survey.interview");
  const locale = useLocale();
  const { api, canReply, sendReply } = useContext(Comments);
  const [reply, setReply] = useState(c.reply);
  const [draft, setDraft] = useState(c.reply ?? "");
  const [state, setState] = useState<"idle" | "sending" | "failed">("idle");
  const [error, setError] = useState<string | null>(null);
  const refused = useRefusal();
  const send = async () => {
    setState("sending");
    setError(null);
    const failure = sendReply ? await sendReply(c.id, draft.trim()) : await sendToApi();
    if (failure === null) {
      setReply(draft.trim());
      setState("idle");
    } else {
      setError(failure);
      setState("failed");
    }
  };
  const sendToApi = async () => {
    const r = await fetch(`${api}/comments/${c.id}/reply`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: draft }),
    });
    return r.ok ? null : refused(await r.json().catch(() => ({})), r.status);
  };
  return (
    <li data-testid={`comment-${c.id}`}>
      <span className="muted">
        {c.by} · {formatDateTime(c.at, locale)}:
      </span>{" "}
      {/* what people typed is not the interface's text: no translation, in whatever language it was written */}
      <span translate="no">{c.text}</span>
      {reply && (
        <p data-testid={`reply-${c.id}`}>
          <strong>{t("reply")}</strong> <span translate="no">{reply}</span>
        </p>
      )}
      {canReply && (
        <span className="inline-form">
          <input
            type="text"
            aria-label={t("replyTo", { question: c.questionId })}
            value={draft}
            maxLength={TEXT_MAX.comment}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="button" className="secondary" disabled={state === "sending" || !draft.trim() || draft.trim() === reply} onClick={() => void send()}>
            {t("sendReply")}
          </button>
          {error && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
        </span>
      )}
    </li>
  );
}
