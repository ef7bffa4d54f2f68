// Texts of the household questionnaire in the user's language, read from its definition (which
// holds en, ru and kk): the value labels that the survey's pages show beside the codes.
import definitionJson from "./udn-definition.json";

type Localized = { en: string; ru?: string; kk?: string };
type Node = { id?: string; questions?: Node[]; parts?: Node[]; options?: { id: string; label: Localized }[] };

const optionsOf = new Map<string, { id: string; label: Localized }[]>();
(function walk(node: Node) {
  for (const q of node.questions ?? []) if (q.id && q.options) optionsOf.set(q.id, q.options);
  for (const p of node.parts ?? []) walk(p);
})(definitionJson as Node);

/** A localized text in `locale`, English when that language is missing. */
export const inLocale = (text: Localized, locale: string): string => (text as Record<string, string | undefined>)[locale] ?? text.en;

/** The labels of a choice question's codes ({ "1": "толық сенемін", … }). */
export function optionLabels(questionId: string, locale: string): Record<string, string> {
  return Object.fromEntries((optionsOf.get(questionId) ?? []).map((o) => [o.id, inLocale(o.label, locale)]));
}
