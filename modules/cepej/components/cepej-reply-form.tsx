"use client";
// The engine's form with CEPEJ's additions in its slots: beside each figure the previous cycle's
// value, its variation and the "not retained" mark; after each question the derived indicators and
// the review threads and tools. A client component because the slots are components (functions),
// which a server page cannot hand to a client one.
import type { ComponentProps } from "react";
import type { Question } from "@/modules/questionnaire/definition";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import type { ReplySlots } from "@/modules/questionnaire/components/reply-context";
import { IndicatorsBeside } from "./indicators-beside";
import { PreviousValue } from "./previous-value";
import { QueryThreads } from "./review-panel";

function AfterQuestion({ question }: { question: Question }) {
  return (
    <>
      <IndicatorsBeside questionId={question.id} />
      <QueryThreads question={question} />
    </>
  );
}

// One object for the module's lifetime: the form's context (and every cell under it) would
// otherwise change on each render.
const SLOTS: ReplySlots = { afterQuestion: AfterQuestion, besideNumber: PreviousValue };

export function CepejReplyForm(props: Omit<ComponentProps<typeof ReplyForm>, "slots">) {
  return <ReplyForm {...props} slots={SLOTS} />;
}
