// Depth-first traversal of a questionnaire's parts, shared by validation, rules, storage and exports.
import type { Part, Question, Questionnaire } from "./definition";

export type QuestionInPart = { question: Question; chapter: Part; part: Part; path: string };

export function* walkQuestions(q: Questionnaire): Generator<QuestionInPart> {
  for (let i = 0; i < q.parts.length; i++) {
    yield* walkPart(q.parts[i], q.parts[i], `parts[${i}]`);
  }
}

export function* walkPart(part: Part, chapter: Part, path: string): Generator<QuestionInPart> {
  for (let i = 0; i < part.questions.length; i++) {
    yield { question: part.questions[i], chapter, part, path: `${path}.questions[${i}]` };
  }
  for (let i = 0; i < part.parts.length; i++) {
    yield* walkPart(part.parts[i], chapter, `${path}.parts[${i}]`);
  }
}

export function questionsOf(part: Part): Question[] {
  return Array.from(walkPart(part, part, ""), (x) => x.question);
}
