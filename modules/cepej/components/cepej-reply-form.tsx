"use client";
// The engine's form with CEPEJ's additions in its slots: beside each figure the previous cycle's
// value, its variation and the "not retained" mark, and the national report's figure where one is
// mapped; after each question the derived indicators, the survey's reference for the trust-survey
// questions and the review threads and tools. A client component because the slots are components
// (functions), which a server page cannot hand to a client one.
import { useMemo, type ComponentProps } from "react";
import type { Question } from "@/modules/questionnaire/definition";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import type { ReplySlots } from "@/modules/questionnaire/components/reply-context";
import type { ReferenceValue } from "@/modules/questionnaire/rules";
import { IndicatorsBeside } from "./indicators-beside";
import { PreviousValue } from "./previous-value";
import { QueryThreads } from "./review-panel";
import { NationalFigure, SourceContext, TrustReferenceNote, type SourceData } from "./source-references";

function AfterQuestion({ question }: { question: Question }) {
  return (
    <>
      <TrustReferenceNote question={question} />
      <IndicatorsBeside questionId={question.id} />
      <QueryThreads question={question} />
    </>
  );
}

function BesideNumber({ cellKey, threshold }: { cellKey: string; threshold?: number }) {
  return (
    <>
      <PreviousValue cellKey={cellKey} threshold={threshold} />
      <NationalFigure cellKey={cellKey} />
    </>
  );
}

// One object for the module's lifetime: the form's context (and every cell under it) would
// otherwise change on each render.
const SLOTS: ReplySlots = { afterQuestion: AfterQuestion, besideNumber: BesideNumber };
const NO_SOURCES: SourceData = { national: {}, trust: null };

export function CepejReplyForm({ sources = NO_SOURCES, ...props }: Omit<ComponentProps<typeof ReplyForm>, "slots" | "references"> & { sources?: SourceData }) {
  const references = useMemo<Record<string, ReferenceValue>>(
    () => Object.fromEntries(Object.entries(sources.national).map(([cell, f]) => [cell, { num: f.num, threshold: f.threshold, source: f.source }])),
    [sources],
  );
  return (
    <SourceContext.Provider value={sources}>
      <ReplyForm {...props} slots={SLOTS} references={references} />
    </SourceContext.Provider>
  );
}
