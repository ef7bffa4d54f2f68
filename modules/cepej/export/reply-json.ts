// The generic JSON form of a reply: every stored value with the definition version it answers.
// Import replaces the reply's answers with the file's; export → import → export is identical.
// Values a reviewer marked "not retained for publication" stay in "answers" (the reply as given)
// and are listed in "notRetained" (cell → reason), so that no one publishes them by mistake; the
// list is the reviewer's, so an import ignores it.
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
    notRetained: z.record(z.string().max(200), z.string().max(TEXT_MAX.comment)).optional(),
  })
  .strict();
export type ReplyJson = z.infer<typeof ReplyJson>;

/** Answers in questionnaire order (object keys like "103" would otherwise jump to the front, so the
 *  order lives in the array of [key, answer] pairs that JSON.stringify keeps). */
export function replyToJson(
  index: QuestionnaireIndex,
  meta: { cycle: string; country: string; status: string },
  answers: Map<string, Answer>,
  notRetained: Record<string, string> = {},
): string {
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
  const flagged = order.filter((k) => Object.hasOwn(notRetained, k) && answers.has(k));
  const marks = flagged.length
    ? `,\n  "notRetained": {\n${flagged.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(notRetained[k])}`).join(",\n")}\n  }`
    : "";
  return `${headText},\n  "answers": {\n${entries.join(",\n")}\n  }${marks}\n}\n`;
}
