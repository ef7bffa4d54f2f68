// Evaluation cycles: create one (questionnaire copied from the previous cycle or uploaded as JSON),
// assign correspondents, extend a country's deadline, and the per-country status of a cycle.
import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, cycleCorrespondents, cycles, questionnaires, responses, users, userScopes } from "@/db/schema";
import { parseQuestionnaire, type DefinitionError } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { blocksSubmission, evaluateAll } from "@/modules/questionnaire/rules";
import { progressOf } from "@/modules/questionnaire/progress";
import { walkQuestions } from "@/modules/questionnaire/walk";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import type { Answer } from "@/modules/questionnaire/answers";

export function listCycles() {
  return getDb().select().from(cycles).orderBy(desc(cycles.referenceYear)).all();
}

export type NewCycle = {
  slug: string; name: string; referenceYear: number; opensOn: string; closesOn: string;
  previousCycle: string | null; variationThreshold: number; definitionJson: string | null;
};

/** Creates the cycle and a reply (not started) for every country. */
export function createCycle(input: NewCycle): { ok: true } | { ok: false; field?: string; message?: string; definitionErrors?: DefinitionError[] } {
  const db = getDb();
  if (db.select().from(cycles).where(eq(cycles.slug, input.slug)).get()) return { ok: false, field: "slug", message: "exists" };
  let questionnaireId: string;
  if (input.definitionJson) {
    let json: unknown;
    try {
      json = JSON.parse(input.definitionJson);
    } catch {
      return { ok: false, definitionErrors: [{ path: "(file)", message: "not valid JSON" }] };
    }
    const parsed = parseQuestionnaire(json);
    if (!parsed.ok) return { ok: false, definitionErrors: parsed.errors };
    questionnaireId = `cepej-${input.slug}`;
    db.insert(questionnaires).values({ id: questionnaireId, version: parsed.questionnaire.version, definition: JSON.stringify({ ...parsed.questionnaire, id: questionnaireId }) })
      .onConflictDoUpdate({ target: questionnaires.id, set: { version: parsed.questionnaire.version, definition: JSON.stringify({ ...parsed.questionnaire, id: questionnaireId }) } }).run();
  } else {
    const prev = input.previousCycle ? db.select().from(cycles).where(eq(cycles.slug, input.previousCycle)).get() : undefined;
    if (!prev) return { ok: false, field: "previousCycle", message: "copyNeedsPrevious" };
    questionnaireId = prev.questionnaireId;
  }
  db.transaction((tx) => {
    tx.insert(cycles).values({ slug: input.slug, name: input.name, referenceYear: input.referenceYear, questionnaireId, opensOn: input.opensOn, closesOn: input.closesOn, previousCycle: input.previousCycle, variationThreshold: input.variationThreshold }).run();
    const all = tx.select({ code: countries.code }).from(countries).all();
    tx.insert(responses).values(all.map((c) => ({ questionnaireId, cycleSlug: input.slug, countryCode: c.code }))).run();
  });
  return { ok: true };
}

/** Assigns a correspondent to a country for the cycle; they also get the country in their scope. */
export function assignCorrespondent(cycle: string, country: string, userId: number): string | null {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.role !== "correspondent") return "notCorrespondent";
  if (!db.select().from(countries).where(eq(countries.code, country)).get()) return "unknownCountry";
  db.transaction((tx) => {
    tx.insert(cycleCorrespondents).values({ cycleSlug: cycle, countryCode: country, userId }).onConflictDoNothing().run();
    tx.insert(userScopes).values({ userId, kind: "country", code: country }).onConflictDoNothing().run();
  });
  return null;
}

export function extendDeadline(cycle: string, country: string, date: string | null) {
  getDb().update(responses).set({ deadline: date }).where(and(eq(responses.cycleSlug, cycle), eq(responses.countryCode, country))).run();
}

export type CountryStatus = {
  country: string; name: string; status: string; answered: number; total: number; percent: number;
  warnings: number; openQueries: number; lastActivity: string; deadline: string | null; correspondents: string[];
};

/** One row per country: status, % answered, open warnings, open queries, last activity. */
export function cycleStatus(slug: string): CountryStatus[] {
  const db = getDb();
  const cycle = db.select().from(cycles).where(eq(cycles.slug, slug)).get();
  if (!cycle) return [];
  const index = loadQuestionnaire(getDb(), cycle.questionnaireId);
  const questions = Array.from(walkQuestions(index.questionnaire), (x) => x.question);
  const rows = db
    .select({ id: responses.id, country: countries.code, name: countries.name, status: responses.status, updatedAt: responses.updatedAt, deadline: responses.deadline })
    .from(responses).innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(eq(responses.cycleSlug, slug)).orderBy(asc(countries.name)).all();
  const answers = new Map<number, Map<string, Answer>>();
  for (const a of db.$client.prepare("select a.response_id, a.cell, a.num, a.text, a.status from answers a join responses r on r.id = a.response_id where r.cycle_slug = ?").iterate(slug) as Iterable<{ response_id: number; cell: string; num: number | null; text: string | null; status: "NA" | "NAP" | null }>) {
    if (!answers.has(a.response_id)) answers.set(a.response_id, new Map());
    answers.get(a.response_id)!.set(a.cell, { num: a.num, text: a.text, status: a.status });
  }
  const queryCounts = new Map((db.$client.prepare("select q.response_id as id, count(*) as n from queries q join responses r on r.id = q.response_id where r.cycle_slug = ? and q.status = 'open' group by q.response_id").all(slug) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const assigned = db.select({ country: cycleCorrespondents.countryCode, name: users.name }).from(cycleCorrespondents).innerJoin(users, eq(users.id, cycleCorrespondents.userId)).where(eq(cycleCorrespondents.cycleSlug, slug)).all();
  return rows.map((r) => {
    const mine = answers.get(r.id) ?? new Map<string, Answer>();
    const read = (k: string) => mine.get(k);
    const progress = progressOf(questions, read);
    const warnings = mine.size ? evaluateAll(index.questionnaire, read).filter((i) => i.severity === "warning" && blocksSubmission(i)).length : 0;
    return {
      country: r.country, name: r.name, status: r.status, ...progress,
      percent: progress.total ? Math.round((progress.answered / progress.total) * 1000) / 10 : 0,
      warnings, openQueries: queryCounts.get(r.id) ?? 0, lastActivity: r.updatedAt, deadline: r.deadline,
      correspondents: assigned.filter((a) => a.country === r.country).map((a) => a.name),
    };
  });
}

export function correspondentsList() {
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).where(and(eq(users.role, "correspondent"), eq(users.active, true))).orderBy(users.name).all();
}

export { indexQuestionnaire, sql };
