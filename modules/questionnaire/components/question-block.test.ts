// A grid cell's rule message is rendered under that cell (as the server sends it), and the cell's
// control names it in aria-describedby; a single question's message stays in the question's list.
import { describe, expect, it } from "vitest";
import * as React from "react";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormProvider, useForm } from "react-hook-form";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import { parseQuestionnaire } from "../validate";
import { indexQuestionnaire } from "../cells";
import { toFormValues, type FormValues } from "../form-values";
import { num, type Answer } from "../answers";
import { ReplyProvider, type ReplyContextValue } from "./reply-context";
import { QuestionBlock } from "./question-block";

// Vitest compiles the components' JSX to React.createElement (the classic runtime; Next.js uses the
// automatic one): they find React as a global here.
(globalThis as { React?: unknown }).React = React;

const parsed = parseQuestionnaire({
  id: "t",
  version: "1",
  title: { en: "T" },
  parts: [
    {
      id: "1",
      title: { en: "One" },
      questions: [
        {
          id: "q1",
          type: "grid",
          label: { en: "Budget" },
          rows: [
            { id: "total", label: { en: "Total" }, sumOf: ["a", "b"] },
            { id: "a", label: { en: "Courts" } },
            { id: "b", label: { en: "Prosecution" } },
          ],
          columns: [{ id: "approved", label: { en: "Approved" }, cell: { kind: "number" } }],
        },
        { id: "q2", type: "number", label: { en: "Judges" } },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const questionnaire = parsed.questionnaire;
const index = indexQuestionnaire(questionnaire);

function render(questionId: string, answers: Record<string, Answer>, previous: Record<string, Answer> = {}): string {
  const defaultValues: FormValues = {};
  for (const [key, info] of index.keys) toFormValues(info, answers[key], defaultValues, key, "en");
  const reply: ReplyContextValue = {
    index,
    locale: "en",
    readOnly: false,
    outside: {},
    invalid: new Set(),
    previous,
    previousCycle: "2020-2022",
    variationThreshold: 20,
    review: { api: "/api", reviewer: false, queries: [], flags: {}, series: null },
  };
  function Form({ children }: { children: ReactNode }) {
    const form = useForm({ defaultValues, shouldUnregister: false });
    return createElement(FormProvider, { ...form, children });
  }
  const question = questionnaire.parts[0].questions.find((q) => q.id === questionId)!;
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "en",
      messages: en,
      timeZone: "UTC",
      children: createElement(ReplyProvider, { value: reply }, createElement(Form, null, createElement(QuestionBlock, { question }))),
    }),
  );
}

describe("QuestionBlock's rule messages", () => {
  it("puts a grid cell's message in that cell, named by the cell's figure", () => {
    const html = render("q1", { "q1:total:approved": num(10), "q1:a:approved": num(4), "q1:b:approved": num(5) });
    const td = html.match(/<td data-cell="q1:total:approved">[\s\S]*?<\/td>/)?.[0] ?? "";
    expect(td).toContain('id="issue-q1:total:approved"');
    expect(td).toMatch(/class="issue warning" data-code="sumMismatch"/);
    expect(td).toMatch(/<input[^>]*aria-describedby="issue-q1:total:approved"/);
    expect(html).not.toContain('data-testid="issues-q1"'); // not repeated in the question's list
    const other = html.match(/<td data-cell="q1:a:approved">[\s\S]*?<\/td>/)?.[0] ?? "";
    expect(other).not.toContain("cell-issues");
    expect(other).not.toContain("aria-describedby");
  });

  it("keeps a single question's message in the question's list", () => {
    const html = render("q2", { q2: num(50) }, { q2: num(10) });
    expect(html).toMatch(/<ul class="issues" data-testid="issues-q2">[\s\S]*data-code="variation"/);
    expect(html).not.toContain("cell-issues");
  });
});
