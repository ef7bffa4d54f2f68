"use client";
// A question's rule messages, evaluated once per change of the fields they read and shared by the
// places that show them: each grid cell's message under that cell (and in its control's
// aria-describedby), the question's own messages in the list under the question.
//
// Why a store: the messages of a grid are shown in ~50 places (its cells), and each place must
// re-render only when its own message changes. The question's list (QuestionIssues) follows the
// fields its rules read; each time it renders it reads the evaluation (done at most once per change
// of those fields, however many places ask) and, in its layout effect, tells the cells, which
// re-render when their own message changed: in the keystroke's own frame, before the paint. The
// cells are not told of each field change themselves: a paste of 400 figures would have
// evaluated the question's rules 400 times.
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import { useFormContext } from "react-hook-form";
import type { Question } from "@/modules/questionnaire/definition";
import { cellsOf, type QuestionnaireIndex } from "@/modules/questionnaire/cells";
import type { AnswerReader } from "@/modules/questionnaire/answers";
import { evaluateQuestion, ruleKeys, type EvaluateOptions, type Issue } from "@/modules/questionnaire/rules";
import { conditionKeys } from "@/modules/questionnaire/conditions";
import { statusField } from "@/modules/questionnaire/form-values";
import { useAnswerReader, useReply } from "./reply-context";
import { hubOf, type FieldHub } from "./field-hub";

export type QuestionIssueStore = {
  /** The fields the question's rules and conditions read (with number cells' NA/NAP fields). */
  fields: readonly string[];
  /** Every message of the question now (the same array until a field it reads changes). */
  all(): Issue[];
  /** The messages shown at `cellKey` (a grid cell of the question); empty when none. */
  atCell(cellKey: string): Issue[];
  /** A string that changes when the messages at `cellKey` change ("" when none). */
  signature(cellKey: string): string;
  /** Is the message shown at its cell (rather than in the question's list)? */
  placedAtCell(issue: Issue): boolean;
  /** `listener` is called after each evaluation that the question's list rendered (publish). */
  subscribe(listener: () => void): () => void;
  /** Tells the subscribers that the messages may have changed (by the question's list, once per render). */
  publish(): void;
};

const NONE: Issue[] = [];

export const issueId = (cellKey: string) => `issue-${cellKey}`;

const IssueStoreContext = createContext<QuestionIssueStore | null>(null);
export const IssueStoreProvider = IssueStoreContext.Provider;

/** The store of a question's messages (one per QuestionBlock). */
export function useQuestionIssueStore(question: Question): QuestionIssueStore {
  const read = useAnswerReader();
  const { control } = useFormContext();
  const { index, previous, previousCycle, variationThreshold, valueContext, references } = useReply();
  return useMemo(
    () =>
      createQuestionIssueStore(question, read, hubOf(control), index, {
        ...(previousCycle ? { previous: (k: string) => previous[k], variationThreshold } : {}),
        context: valueContext,
        references,
      }),
    [question, read, control, index, previous, previousCycle, variationThreshold, valueContext, references],
  );
}

export function createQuestionIssueStore(
  question: Question,
  read: AnswerReader,
  hub: FieldHub,
  index: QuestionnaireIndex,
  options: EvaluateOptions,
): QuestionIssueStore {
  const fields = [...ruleKeys(question), ...conditionKeys(question)]
    .filter((k) => index.keys.has(k))
    .flatMap((k) => {
      const info = index.keys.get(k);
      return info?.kind === "cell" && info.cell.spec.kind === "number" ? [k, statusField(k)] : [k];
    });
  // Messages of a grid's cells go to the cell; everything else (a single question's message, a
  // rule on a cell of another question) stays in the question's list.
  const gridCells = new Set(question.type === "grid" ? cellsOf(question).map((c) => c.key) : []);
  let issues: Issue[] | null = null;
  let evaluatedAt = -1;
  let byCell = new Map<string, Issue[]>();
  let signatures = new Map<string, string>();
  const listeners = new Set<() => void>();
  // hub.version moves when one of the fields changes (while the question's list watches them).
  let checkedAt = -1;
  const compute = () => {
    const now = hub.version(null); // any change of the form since the last look?
    if (issues && now === checkedAt) return issues;
    checkedAt = now;
    const version = hub.version(fields);
    if (issues && version === evaluatedAt) return issues;
    evaluatedAt = version;
    issues = evaluateQuestion(question, read, options);
    byCell = new Map();
    signatures = new Map();
    for (const i of issues) {
      if (!gridCells.has(i.cell)) continue;
      const list = byCell.get(i.cell);
      if (list) list.push(i);
      else byCell.set(i.cell, [i]);
    }
    for (const [cell, list] of byCell) signatures.set(cell, list.map((i) => `${i.code}:${i.severity}:${i.explained}:${JSON.stringify(i.params)}`).join("|"));
    return issues;
  };
  return {
    fields,
    all: compute,
    atCell(cellKey) {
      compute();
      return byCell.get(cellKey) ?? NONE;
    },
    signature(cellKey) {
      compute();
      return signatures.get(cellKey) ?? "";
    },
    placedAtCell: (i) => gridCells.has(i.cell),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish() {
      for (const l of [...listeners]) l();
    },
  };
}

/** The question's store (null outside a question: a cell rendered on its own). */
export function useIssueStore(): QuestionIssueStore | null {
  return useContext(IssueStoreContext);
}

const noSubscription = () => () => {};

/** The messages at a cell, re-rendering only when they change. */
export function useCellIssues(cellKey: string): Issue[] {
  const store = useIssueStore();
  const subscribe = store?.subscribe ?? noSubscription;
  const signature = useCallback(() => store?.signature(cellKey) ?? "", [store, cellKey]);
  useSyncExternalStore(subscribe, signature, signature);
  return store ? store.atCell(cellKey) : NONE;
}

/** The id of the message shown at a cell, for its control's aria-describedby (undefined when none). */
export function useCellIssueId(cellKey: string): string | undefined {
  const store = useIssueStore();
  const subscribe = store?.subscribe ?? noSubscription;
  const has = useCallback(() => !!store?.signature(cellKey), [store, cellKey]);
  return useSyncExternalStore(subscribe, has, has) ? issueId(cellKey) : undefined;
}
