// What blocks a submission, as the correspondent reads it: grouped by chapter, then question, in
// questionnaire order, each item named by its row and column labels (not its storage key) and
// counted per chapter. Pure: the reply page builds it from the server's 422 details and the
// questionnaire definition.
import type { LocalizedText } from "./definition";
import type { QuestionnaireIndex } from "./cells";
import { cellsOf } from "./cells";
import { walkQuestions } from "./walk";

/** One item of the server's refusal (modules/cepej/server/workflow.ts transitionReply). */
export type Blocker = { question: string; cell: string; code: string; severity: string; chapter?: string; params?: Record<string, string | number> };

export type BlockerItem = Blocker & {
  /** Row and column of a grid cell; nothing for a question's single answer. */
  row?: LocalizedText;
  col?: LocalizedText;
};
export type QuestionBlockers = { question: string; label: LocalizedText | null; items: BlockerItem[] };
export type ChapterBlockers = { chapter: string; title: LocalizedText | null; count: number; errors: number; warnings: number; questions: QuestionBlockers[] };

export function groupBlockers(index: QuestionnaireIndex, blockers: Blocker[]): ChapterBlockers[] {
  // Order: questionnaire order of questions, cell order within a question; unknown ones last.
  const questionOrder = new Map<string, number>();
  const cellOrder = new Map<string, number>();
  let n = 0;
  for (const { question } of walkQuestions(index.questionnaire)) {
    questionOrder.set(question.id, questionOrder.size);
    for (const cell of cellsOf(question)) cellOrder.set(cell.key, n++);
  }
  const rank = (m: Map<string, number>, k: string) => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...blockers].sort(
    (a, b) => rank(questionOrder, a.question) - rank(questionOrder, b.question) || rank(cellOrder, a.cell) - rank(cellOrder, b.cell),
  );

  const chapters = new Map<string, ChapterBlockers>();
  for (const b of sorted) {
    const chapterId = b.chapter ?? index.chapterOf.get(b.question) ?? "?";
    let chapter = chapters.get(chapterId);
    if (!chapter) {
      const part = index.questionnaire.parts.find((p) => p.id === chapterId);
      chapter = { chapter: chapterId, title: part?.title ?? null, count: 0, errors: 0, warnings: 0, questions: [] };
      chapters.set(chapterId, chapter);
    }
    chapter.count++;
    if (b.severity === "warning") chapter.warnings++;
    else chapter.errors++;
    let question = chapter.questions.at(-1);
    if (question?.question !== b.question) {
      question = { question: b.question, label: index.questions.get(b.question)?.label ?? null, items: [] };
      chapter.questions.push(question);
    }
    const cell = index.cells.get(b.cell);
    question.items.push({ ...b, chapter: chapterId, ...(cell?.row ? { row: cell.row.label, col: cell.col!.label } : {}) });
  }
  const chapterOrder = index.questionnaire.parts.map((p) => p.id);
  return [...chapters.values()].sort((a, b) => rankOf(chapterOrder, a.chapter) - rankOf(chapterOrder, b.chapter));
}

const rankOf = (order: string[], id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

/** Where a link to an item leads: its chapter, asking the form to focus the cell (FocusRequestedCell). */
export const blockerHref = (base: string, item: Pick<Blocker, "question" | "cell" | "chapter">) =>
  `${base}/${item.chapter ?? "1"}?focus=${encodeURIComponent(item.cell)}#q-${item.question}`;
