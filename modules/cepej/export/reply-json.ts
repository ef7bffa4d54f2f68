// The generic JSON form of a reply: every stored value with the definition version it answers.
// Import replaces the reply's answers with the file's; export → import → export is identical.
import { z } from "zod";
import { TEXT_MAX } from "@/lib/text-limits";
import { AnswerSchema, isEmpty, type Answer } from "@/modules/questionnaire/answers";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";

export const ReplyJson = z
  .object({
    format: z.literal("cepej-reply"),
    formatVersion: z.literal(1),
    cycle: z.string().max(TEXT_MAX.code),
    country: z.string().length(2),
    questionnaire: z.object({ id: z.string().max(TEXT_MAX.code), version: z.string().max(TEXT_MAX.code) }).strict(),
    status: z.string().max(TEXT_MAX.code).optional(),
    answers: z.record(z.string().max(200), AnswerSchema),
  })
  .strict();
export type ReplyJson = z.infer<typeof ReplyJson>;

/** Answers in questionnaire order (object keys like "103" would otherwise jump to the front, so the
 *  order lives in the array of [key, answer] pairs that JSON.stringify keeps). */
export function replyToJson(index: QuestionnaireIndex, meta: { cycle: string; country: string; status: string }, answers: Map<string, Answer>): string {
  const order = [...index.keys.keys()];
  const known = order.filter((k) => answers.has(k) && !isEmpty(answers.get(k)));
  const entries = known.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(answers.get(k))}`);
  const head = {
    format: "cepej-reply",
    formatVersion: 1,
    cycle: meta.cycle,
    country: meta.country,
    questionnaire: { id: index.questionnaire.id, version: index.questionnaire.version },
    status: meta.status,
  };
  const headText = JSON.stringify(head, null, 2).slice(0, -2); // drop the closing "\n}"
  return `${headText},\n  "answers": {\n${entries.join(",\n")}\n  }\n}\n`;
}
