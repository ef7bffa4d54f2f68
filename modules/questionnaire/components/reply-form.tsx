"use client";
// A questionnaire page: one chapter of a reply, rendered from its definition, with autosave,
// live rules, conflict handling and navigation to what still needs attention.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { LocalizedText, Part, Question } from "@/modules/questionnaire/definition";
import { indexQuestionnaire, type Cell } from "@/modules/questionnaire/cells";
import type { Answer } from "@/modules/questionnaire/answers";
import { toFormValues, fromFormValues, type FormValues } from "@/modules/questionnaire/form-values";
import { blocksSubmission, evaluateQuestion, type ReferenceValue, type ValueContext } from "@/modules/questionnaire/rules";
import { progressOf } from "@/modules/questionnaire/progress";
import { formatNumber } from "@/modules/questionnaire/numbers";
import { questionsOf } from "@/modules/questionnaire/walk";
import type { Conflict } from "@/modules/questionnaire/schemas";
import { ReplyProvider, useLocalized, useTextLang, type ReplyContextValue, type ReplySlots, type ReviewData } from "./reply-context";
import { QuestionBlock } from "./question-block";
import { useAutosave } from "./use-autosave";
import { fieldReader } from "./field-reader";

export type ChapterSummary = {
  id: string;
  title: string;
  /** The title's language when it is not the page's (a definition's English). */
  titleLang?: string;
  href: string;
  answered: number;
  total: number;
  warnings: number;
  errors: number;
};

type Props = {
  chapter: Part;
  chapters: ChapterSummary[];
  locale: string;
  answers: Record<string, { answer: Answer; version: number }>;
  saveUrl: string;
  readOnly: boolean;
  previous: Record<string, Answer>;
  previousCycle: string | null;
  variationThreshold: number;
  review: ReviewData;
  /** Values the definition's rules refer to (a survey wave's fieldwork period). */
  context?: ValueContext;
  /** A feature's components in the form's slots (reply-context.tsx); stable across renders. */
  slots?: ReplySlots;
  /** Other sources' figures for some cells: the rules warn when an answer is far from them. */
  references?: Record<string, ReferenceValue>;
  /** The autosave's transport when it is not the server (an interviewer's device store). */
  fetcher?: typeof fetch;
};

export function ReplyForm({
  chapter,
  chapters,
  locale,
  answers,
  saveUrl,
  readOnly,
  previous,
  previousCycle,
  variationThreshold,
  review,
  context: valueContext,
  slots,
  references,
  fetcher,
}: Props) {
  const t = useTranslations("form");
  const l = useCallback((text: LocalizedText) => (text as Record<string, string | undefined>)[locale] ?? text.en, [locale]);
  const index = useMemo(() => indexQuestionnaire({ id: "page", version: "1", title: chapter.title, parts: [chapter] }), [chapter]);
  const questions = useMemo(() => questionsOf(chapter), [chapter]);
  const defaultValues = useMemo(() => {
    const values: FormValues = {};
    for (const [key, info] of index.keys) toFormValues(info, answers[key]?.answer, values, key, locale);
    return values;
    // Only on first render: later changes live in the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const outside = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(answers)
          .filter(([k]) => !index.keys.has(k))
          .map(([k, v]) => [k, v.answer]),
      ),
    [answers, index],
  );
  const form = useForm({ defaultValues, shouldUnregister: false });
  const invalid = useRef(new Set<string>()).current;
  const context = useMemo<ReplyContextValue>(
    () => ({ index, locale, readOnly, outside, invalid, previous, previousCycle, variationThreshold, review, valueContext, references, slots }),
    [index, locale, readOnly, outside, invalid, previous, previousCycle, variationThreshold, review, valueContext, references, slots],
  );

  const read = useCallback(
    (key: string) => {
      const info = index.keys.get(key);
      if (!info) return outside[key];
      const a = fromFormValues(info, fieldReader(form.control), key);
      return a === "invalid" ? undefined : a;
    },
    [index, outside, form],
  );
  const summarise = useCallback(() => {
    const options = { submit: true, previous: previousCycle ? (k: string) => previous[k] : undefined, variationThreshold, context: valueContext, references };
    const issues = questions.flatMap((q) => evaluateQuestion(q, read, options));
    return {
      ...progressOf(questions, read),
      errors: issues.filter((i) => i.severity === "error" && i.code !== "unanswered").length,
      warnings: issues.filter((i) => i.severity === "warning" && blocksSubmission(i)).length,
      unanswered: issues.filter((i) => i.code === "unanswered").map((i) => i.cell),
      warningCells: issues.filter((i) => i.severity === "warning" || (i.severity === "error" && i.code !== "unanswered")).map((i) => i.cell),
    };
  }, [questions, read, previous, previousCycle, variationThreshold, valueContext, references]);
  const [live, setLive] = useState(summarise);

  // Until the form is hydrated its inputs are disabled: a figure typed into the server-rendered
  // input before react-hook-form takes it over is never seen by the form (not saved, or put back to
  // the stored value on the screen), and a submit right after would act on the old figure.
  const [hydrated, setHydrated] = useState(false);
  // Marks the moment the form is hydrated and usable (read by the benchmarks in bench/).
  useEffect(() => {
    setHydrated(true);
    performance.mark("form-ready");
    document.body.dataset.formReady = "1";
  }, []);

  useEffect(trackInputModality, []);

  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const autosave = useAutosave({
    form,
    index,
    url: saveUrl,
    initial: answers,
    invalid,
    enabled: !readOnly,
    onSaved: () => {
      setLive(summarise());
      setSavedAt(new Date());
    },
    fetcher,
  });

  const cursor = useRef<Record<string, number>>({});
  const jump = (kind: "unanswered" | "warning") => {
    const now = summarise();
    setLive(now);
    const list = kind === "unanswered" ? now.unanswered : now.warningCells;
    if (!list.length) return;
    const next = ((cursor.current[kind] ?? -1) + 1) % list.length;
    cursor.current[kind] = next;
    const el = document.querySelector(`[data-cell="${CSS.escape(list[next])}"]`);
    el?.scrollIntoView({ block: "center" });
    (el?.querySelector("input:not([disabled]), textarea, select") as HTMLElement | null)?.focus();
  };

  const acceptTheirs = (c: Conflict) => {
    const theirs = autosave.acceptTheirs(c);
    const info = index.keys.get(c.cell);
    if (!info) return;
    const values: FormValues = {};
    toFormValues(info, theirs ?? undefined, values, c.cell, locale);
    for (const [field, value] of Object.entries(values)) form.setValue(field, value);
  };

  // The form body is built once per chapter and rendered by reference. ReplyForm re-renders while
  // the user types (the autosave state idle → pending → saving → saved, the live counts after each
  // save), and react-hook-form's <FormProvider {...form}> hands its context a new object on every
  // render, which re-rendered every cell of the chapter through QuestionBlock's memo (~340 number
  // cells per keystroke in chapter 4). useForm returns the same object on every render, and no cell
  // reads formState from the context, so the memoised provider loses nothing. The nav, toolbar and
  // conflict list use `form` directly, not the context.
  const formBody = useMemo(
    () => (
      <FormProvider {...form}>
        <form onSubmit={(e) => e.preventDefault()} onKeyDown={keyboardEntry} onFocus={keepInView} noValidate>
          <fieldset disabled={!hydrated} data-testid="form-controls">
            <ChapterParts part={chapter} depth={0} />
          </fieldset>
        </form>
      </FormProvider>
    ),
    [form, chapter, hydrated],
  );

  const chapterIndex = chapters.findIndex((c) => c.id === chapter.id);
  const nextWith = (pred: (c: ChapterSummary) => boolean) =>
    chapters
      .slice(chapterIndex + 1)
      .concat(chapters.slice(0, chapterIndex))
      .find(pred);

  return (
    <ReplyProvider value={context}>
      <div className="reply-layout">
        <ChapterNav chapters={chapters} current={chapter.id} answered={live.answered} total={live.total} warnings={live.warnings} errors={live.errors} />
        <div className="reply-main">
          <div className="toolbar">
            {/* One box of fixed height for the changing save texts: a toolbar that re-wrapped as they
                changed would move the questions under an interviewer's finger. */}
            <span className="save-status">
              <SaveIndicator state={autosave.state} error={autosave.error} readOnly={readOnly} />
              {savedAt && !readOnly && (
                <span className="saved-at" data-testid="saved-at">
                  {t("savedAt", { time: savedAt.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hour12: false }) })}
                </span>
              )}
            </span>
            <button type="button" className="secondary" onClick={() => jump("unanswered")} disabled={!live.unanswered.length}>
              {t("nextUnanswered")}
            </button>
            <button type="button" className="secondary" onClick={() => jump("warning")} disabled={!live.warningCells.length}>
              {t("nextWarning")}
            </button>
            {!live.unanswered.length && nextWith((c) => c.answered < c.total) && (
              <Link href={nextWith((c) => c.answered < c.total)!.href}>{t("nextChapterUnanswered")}</Link>
            )}
          </div>
          {autosave.conflicts.length > 0 && (
            <div className="alert error" role="alert" data-testid="conflicts">
              <strong>{t("conflictTitle")}</strong>
              <ul>
                {autosave.conflicts.map((c) => (
                  <li key={c.cell}>
                    {describeCell(index.cells.get(c.cell), c.cell, l)}:{" "}
                    {t("conflictLine", {
                      by: c.by ?? "?",
                      theirs: showAnswer(c.theirs, index.cells.get(c.cell), l, locale),
                      yours: showAnswer(c.yours, index.cells.get(c.cell), l, locale),
                    })}{" "}
                    <button type="button" className="secondary" onClick={() => acceptTheirs(c)}>
                      {t("useTheirs")}
                    </button>{" "}
                    <button type="button" className="secondary" onClick={() => autosave.keepMine(c)}>
                      {t("keepMine")}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {formBody}
        </div>
      </div>
    </ReplyProvider>
  );
}

type Counts = Pick<ChapterSummary, "answered" | "total" | "warnings" | "errors">;

/** The chapters with their counts (the current chapter's live). memo, fed the current chapter's
 *  counts as numbers: ReplyForm re-renders several times per save while the user types, and these
 *  links need to render again only when a count moves. */
const ChapterNav = memo(function ChapterNav({ chapters, current, ...live }: { chapters: ChapterSummary[]; current: string } & Counts) {
  const t = useTranslations("form");
  const all = chapters.reduce(
    (a, c) =>
      c.id === current
        ? { answered: a.answered + live.answered, total: a.total + live.total }
        : { answered: a.answered + c.answered, total: a.total + c.total },
    {
      answered: 0,
      total: 0,
    },
  );
  return (
    <nav className="reply-nav" aria-label={t("chapters")}>
      <div className="reply-progress small" data-testid="reply-progress">
        {t("replyProgress", all)}
        <progress max={all.total || 1} value={all.answered} aria-hidden="true" />
      </div>
      <ol>
        {chapters.map((c) => {
          const counts: Counts = c.id === current ? live : c;
          return (
            <li key={c.id} className={c.id === current ? "current" : ""}>
              <Link href={c.href} lang={c.titleLang}>
                {c.id}. {c.title}
              </Link>
              <progress max={counts.total || 1} value={counts.answered} aria-hidden="true" />
              <span className="counts" data-testid={`progress-${c.id}`}>
                {counts.answered}/{counts.total}
                {counts.warnings > 0 && (
                  <span className="badge warning" title={t("warningsCount", { count: counts.warnings })}>
                    ⚠ {counts.warnings}
                  </span>
                )}
                {counts.errors > 0 && (
                  <span className="badge error" title={t("errorsCount", { count: counts.errors })}>
                    ✖ {counts.errors}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});

/**
 * Keyboard-first entry: on a choice, a digit picks the option with that code; Enter moves to the
 * next question that can be answered (Shift+Enter inside long texts still types a new line).
 * A question turned off by skip logic is passed over: its controls are disabled through its
 * <fieldset disabled>, which `[disabled]` does not see and focus() silently refuses; focus stayed
 * on the previous question, and the next digit re-answered it.
 */
function keyboardEntry(e: React.KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLInputElement;
  if (/^[0-9]$/.test(e.key) && target.type === "radio") {
    const option = e.currentTarget.querySelector<HTMLInputElement>(`input[type=radio][name="${CSS.escape(target.name)}"][value="${e.key}"]`);
    if (option && option.matches(":enabled") && target.matches(":enabled")) {
      e.preventDefault();
      option.click();
      option.focus({ preventScroll: true });
    }
    return;
  }
  if (e.key === "Enter" && target.tagName !== "TEXTAREA" && target.tagName !== "BUTTON") {
    e.preventDefault();
    const questions = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("section.question"));
    const here = target.closest("section.question");
    for (const q of questions.slice(questions.indexOf(here as HTMLElement) + 1)) {
      if (q.querySelector("fieldset.answer")?.matches(":disabled")) continue; // turned off by skip logic
      const first = q.querySelector<HTMLElement>("input:enabled:not([type=hidden]), select:enabled, textarea:enabled");
      if (!first) continue;
      const next = q.querySelector<HTMLInputElement>("input[type=radio]:checked:enabled") ?? first;
      next.focus({ preventScroll: true }); // keepInView scrolls it into view, no further than needed
      if (document.activeElement === next) return;
    }
  }
}

/** How the last focus was asked for: with a pointer (mouse, pen, touch) or the keyboard. */
let inputModality: "pointer" | "keyboard" = "keyboard";
const pointerUsed = () => {
  inputModality = "pointer";
};
const keyboardUsed = () => {
  inputModality = "keyboard";
};
function trackInputModality() {
  document.addEventListener("pointerdown", pointerUsed, true);
  document.addEventListener("keydown", keyboardUsed, true);
  return () => {
    document.removeEventListener("pointerdown", pointerUsed, true);
    document.removeEventListener("keydown", keyboardUsed, true);
  };
}

/**
 * Keyboard focus brings the question being answered into view, or only the cell when the question
 * is taller than the screen, scrolling no further than needed ("nearest"). Focus by a pointer never
 * scrolls: the page moved between mousedown and mouseup, so that the second click of a
 * double-click landed in another cell (typed figures went there) and the first click on a button
 * or option near the screen's edge was lost.
 */
function keepInView(e: React.FocusEvent<HTMLFormElement>) {
  if (inputModality !== "keyboard") return;
  const target = e.target as HTMLElement;
  const question = target.closest<HTMLElement>("section.question");
  const fits = question && question.getBoundingClientRect().height + (parseFloat(getComputedStyle(question).scrollMarginTop) || 0) <= window.innerHeight;
  (fits ? question : (target.closest<HTMLElement>("[data-cell]") ?? target)).scrollIntoView({ block: "nearest" });
}

function ChapterParts({ part, depth }: { part: Part; depth: number }) {
  const l = useLocalized();
  const lang = useTextLang();
  const title = l(part.title);
  const Heading = depth === 0 ? "h1" : depth === 1 ? "h2" : "h3";
  return (
    <div className={`part depth-${depth}`} id={`part-${part.id}`}>
      <Heading className="part-title" lang={lang(part.title)}>
        {/^\d/.test(part.id) ? `${part.id}. ` : ""}
        {title}
      </Heading>
      {part.questions.map((q: Question) => (
        <QuestionBlock key={q.id} question={q} />
      ))}
      {part.parts.map((p) => (
        <ChapterParts key={p.id} part={p} depth={depth + 1} />
      ))}
    </div>
  );
}

function SaveIndicator({ state, error, readOnly }: { state: string; error: string | null; readOnly: boolean }) {
  const t = useTranslations("form");
  if (readOnly)
    return (
      <span className="save-state readonly" data-testid="save-state">
        {t("readOnly")}
      </span>
    );
  return (
    <span className={`save-state ${state}`} data-testid="save-state" role="status">
      {state === "idle"
        ? t("saveIdle")
        : state === "pending" || state === "saving"
          ? t("saving")
          : state === "saved"
            ? t("saved")
            : state === "conflict"
              ? t("conflict")
              : error
                ? t("saveRefused", { reason: error })
                : t("saveFailed")}
    </span>
  );
}

function describeCell(cell: Cell | undefined, key: string, l: (text: LocalizedText) => string): string {
  if (!cell) return key;
  return cell.row ? `${cell.question.id} · ${l(cell.row.label).slice(0, 50)} / ${l(cell.col!.label)}` : cell.question.id;
}

function showAnswer(a: Answer | null, cell: Cell | undefined, l: (text: LocalizedText) => string, locale: string): string {
  if (!a) return "—";
  if (a.status) return a.status;
  if (a.num !== null) return formatNumber(a.num, locale);
  if (a.text !== null && cell && cell.spec.kind === "choice") {
    const option = cell.spec.options.find((o) => o.id === a.text);
    return option ? l(option.label) : a.text;
  }
  return a.text ?? "—";
}
