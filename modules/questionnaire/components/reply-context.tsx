"use client";
// What every part of a questionnaire form needs besides react-hook-form: the definition index,
// the language, whether the reply is read-only, and a reader of current answers for the rules.
import { createContext, useCallback, useContext, useMemo, type ComponentType } from "react";
import { useFormContext } from "react-hook-form";
import type { LocalizedText, Question } from "@/modules/questionnaire/definition";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import type { Answer, AnswerReader } from "@/modules/questionnaire/answers";
import type { ReferenceValue, ValueContext } from "@/modules/questionnaire/rules";
import { fromFormValues } from "@/modules/questionnaire/form-values";
import { fieldReader } from "./field-reader";

export type ReplyContextValue = {
  index: QuestionnaireIndex;
  locale: string;
  readOnly: boolean;
  /** Stored answers of the reply outside the current page (for conditions that look there). */
  outside: Record<string, Answer>;
  /** Number cells whose text does not parse: never saved, shown with their error. */
  invalid: Set<string>;
  /** The previous cycle's answers of the same country, for comparison (empty when none). */
  previous: Record<string, Answer>;
  previousCycle: string | null;
  variationThreshold: number;
  review: ReviewData;
  valueContext?: ValueContext;
  /** Other sources' figures for some cells (checked by the rules, shown by a feature's slot). */
  references?: Record<string, ReferenceValue>;
  slots?: ReplySlots;
};

/** What a feature adds to the engine's form in fixed places (CEPEJ: the previous cycle's value
 *  beside each figure; indicators and review threads after each question). The engine knows the
 *  places, not the features; components, so they keep their own hooks and re-render on their own. */
export type ReplySlots = {
  afterQuestion?: ComponentType<{ question: Question }>;
  besideNumber?: ComponentType<{ cellKey: string; threshold?: number }>;
};

export type QueryThread = {
  id: number;
  questionId: string;
  status: "open" | "resolved";
  createdAt: string;
  messages: { by: string | null; role: string | null; text: string; at: string }[];
};
export type ReviewData = {
  /** The reply's API root: /api/cycles/{cycle}/replies/{country}. */
  api: string;
  reviewer: boolean;
  queries: QueryThread[];
  flags: Record<string, string>;
  /** For reviewers: the country's values of this page's cells in every cycle. */
  series: { cycle: string; answers: Record<string, Answer> }[] | null;
  /** Read-only notes at questions (a supervisor's comments on a rejected interview). */
  notes?: Record<string, { by: string | null; text: string; at: string }[]>;
};

const ReplyContext = createContext<ReplyContextValue | null>(null);
export const ReplyProvider = ReplyContext.Provider;

export function useReply(): ReplyContextValue {
  const value = useContext(ReplyContext);
  if (!value) throw new Error("useReply outside ReplyProvider");
  return value;
}

/** Picks the user's language from a definition text, falling back to English. */
export function useLocalized() {
  const { locale } = useReply();
  return useCallback((text: LocalizedText | undefined) => (text ? ((text as Record<string, string | undefined>)[locale] ?? text.en) : ""), [locale]);
}

/** The language a definition text is shown in when it is not the page's: "en" where the text falls
 *  back to English (the CEPEJ questionnaire in French), for a lang attribute; undefined otherwise. */
export function useTextLang() {
  const { locale } = useReply();
  return useCallback(
    (text: LocalizedText | undefined) => (!text || locale === "en" || (text as Record<string, string | undefined>)[locale] ? undefined : "en"),
    [locale],
  );
}

/** The answers as they stand in the form now (invalid numbers read as empty). */
export function useAnswerReader(): AnswerReader {
  const { index, outside } = useReply();
  const { control } = useFormContext();
  return useMemo<AnswerReader>(() => {
    const field = fieldReader(control);
    return (key) => {
      const info = index.keys.get(key);
      if (!info) return outside[key];
      const a = fromFormValues(info, field, key);
      return a === "invalid" ? undefined : a;
    };
  }, [index, outside, control]);
}
