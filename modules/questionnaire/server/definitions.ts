// Questionnaire definitions stored in the database, parsed and indexed once per version.
import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { get } from "@/db/sql";
import { QUESTIONNAIRE_VERSION } from "./questionnaire.sql";
import { questionnaires } from "@/db/schema";
import { indexQuestionnaire, type QuestionnaireIndex } from "../cells";
import { parseQuestionnaire } from "../validate";
import { missingTranslations } from "../translations";

const cache = new Map<string, QuestionnaireIndex>();

export async function loadQuestionnaire(db: Executor, id: string): Promise<QuestionnaireIndex> {
  // The version alone decides whether the cached index is current: the definition (hundreds of KB
  // of JSON for the CEPEJ questionnaire) is read only when it is not.
  const row = await get<{ version: number }>(db, QUESTIONNAIRE_VERSION, id);
  if (!row) throw new Error(`questionnaire ${id} not found`);
  const cacheKey = `${id}@${row.version}`;
  let index = cache.get(cacheKey);
  if (!index) {
    const [stored] = await db.select({ definition: questionnaires.definition }).from(questionnaires).where(eq(questionnaires.id, id)).limit(1);
    const parsed = parseQuestionnaire(JSON.parse(stored.definition));
    if (!parsed.ok) throw new Error(`stored questionnaire ${id} is invalid: ${parsed.errors[0].path} ${parsed.errors[0].message}`);
    index = indexQuestionnaire(parsed.questionnaire);
    cache.set(cacheKey, index);
  }
  return index;
}

/** Per stored questionnaire, the texts of its definition without a text in each of `languages`
 *  (JSON paths), for the administrators' translation report. */
export async function definitionTranslationGaps(db: Executor, languages: string[]): Promise<{ id: string; missing: Record<string, string[]> }[]> {
  const stored = await db.select({ id: questionnaires.id, definition: questionnaires.definition }).from(questionnaires).orderBy(questionnaires.id);
  return stored.map((q) => {
    const definition: unknown = JSON.parse(q.definition);
    return { id: q.id, missing: Object.fromEntries(languages.map((lang) => [lang, missingTranslations(definition, [lang])])) };
  });
}
