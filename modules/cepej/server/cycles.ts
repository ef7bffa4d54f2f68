// Evaluation cycles: create one (questionnaire copied from the previous cycle or uploaded as JSON),
// assign correspondents, extend a country's deadline, and the per-country status of a cycle. Each
// change is a service with its own transaction and its log-journal row in it.
import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { each, run } from "@/db/sql";
import { countries, cycleCorrespondents, cycles, queries, questionnaires, responses, users, userScopes } from "@/db/schema";
import type { Principal } from "@/lib/auth/policy";
import type { FieldError } from "@/lib/auth/admin-action";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { parseQuestionnaire, type DefinitionError } from "@/modules/questionnaire/validate";
import { blocksSubmission, evaluateAll } from "@/modules/questionnaire/rules";
import { progressOf } from "@/modules/questionnaire/progress";
import { walkQuestions } from "@/modules/questionnaire/walk";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import type { Answer } from "@/modules/questionnaire/answers";
import { CYCLE_ANSWERS, SET_DEADLINE } from "./cepej.sql";
import { refusal } from "@/lib/http/refusal";

export async function listCycles(db: Executor) {
  return await db.select().from(cycles).orderBy(desc(cycles.referenceYear));
}

type NewCycle = {
  slug: string;
  name: string;
  referenceYear: number;
  opensOn: string;
  closesOn: string;
  previousCycle: string | null;
  variationThreshold: number;
  definitionJson: string | null;
};

/** Each error of an uploaded definition as a field error `definition:N` (key "definition", with
 *  the path and message), the form lists them. */
const definitionInvalid = (errors: DefinitionError[]) =>
  new ServiceError(
    400,
    "The definition is not valid.",
    Object.fromEntries(errors.map((e, i): [string, FieldError] => [`definition:${i}`, { key: "definition", values: { path: e.path, message: e.message } }])),
  );

/** Creates the cycle, its questionnaire when uploaded, and a reply (not started) for every country. */
export async function createCycle(db: Executor, input: NewCycle, user: Principal, ip: string | null) {
  await inTransaction(db, async (tx) => {
    if ((await tx.select({ slug: cycles.slug }).from(cycles).where(eq(cycles.slug, input.slug)).limit(1)).length) {
      throw new ServiceError(409, refusal("cycleExists"), { slug: { key: "exists" } });
    }
    let questionnaireId: string;
    if (input.definitionJson !== null) {
      let json: unknown;
      try {
        json = JSON.parse(input.definitionJson);
      } catch {
        throw definitionInvalid([{ path: "(file)", message: "not valid JSON" }]);
      }
      const parsed = parseQuestionnaire(json);
      if (!parsed.ok) throw definitionInvalid(parsed.errors);
      questionnaireId = `cepej-${input.slug}`;
      const definition = JSON.stringify({ ...parsed.questionnaire, id: questionnaireId });
      await tx
        .insert(questionnaires)
        .values({ id: questionnaireId, version: parsed.questionnaire.version, definition })
        .onConflictDoUpdate({ target: questionnaires.id, set: { version: parsed.questionnaire.version, definition } });
    } else {
      const [prev] = input.previousCycle ? await tx.select().from(cycles).where(eq(cycles.slug, input.previousCycle)).limit(1) : [];
      if (!prev) throw new ServiceError(400, "Choose the cycle to copy the questionnaire from.", { previousCycle: { key: "copyNeedsPrevious" } });
      questionnaireId = prev.questionnaireId;
    }
    await tx.insert(cycles).values({
      slug: input.slug,
      name: input.name,
      referenceYear: input.referenceYear,
      questionnaireId,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      previousCycle: input.previousCycle,
      variationThreshold: input.variationThreshold,
    });
    const all = await tx.select({ code: countries.code }).from(countries);
    await tx.insert(responses).values(all.map((c) => ({ questionnaireId, cycleSlug: input.slug, countryCode: c.code })));
    await recordAudit(tx, { action: "cycle.create", object: input.slug, user }, ip);
  });
}

/** Assigns a correspondent to a country for the cycle; they also get the country in their scope. */
export async function assignCorrespondent(db: Executor, input: { cycle: string; country: string; userId: number }, user: Principal, ip: string | null) {
  const { cycle, country, userId } = input;
  await inTransaction(db, async (tx) => {
    const [assignee] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
    if (!assignee) throw new ServiceError(404, refusal("noUserId", { id: userId }));
    if (assignee.role !== "correspondent") throw new ServiceError(400, "Only a correspondent can be assigned to a country.");
    if (!(await tx.select({ slug: cycles.slug }).from(cycles).where(eq(cycles.slug, cycle)).limit(1)).length)
      throw new ServiceError(404, refusal("noSuchCycle", { cycle }));
    if (!(await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, country)).limit(1)).length)
      throw new ServiceError(404, `No country ${country}.`);
    await tx.insert(cycleCorrespondents).values({ cycleSlug: cycle, countryCode: country, userId }).onConflictDoNothing();
    await tx.insert(userScopes).values({ userId, kind: "country", code: country }).onConflictDoNothing();
    await recordAudit(tx, { action: "cycle.assign", object: `${cycle}/${country} → user ${userId}`, user }, ip);
  });
}

/** Sets (or, with null, removes) a country's own closing date for the cycle. */
export async function extendDeadline(db: Executor, input: { cycle: string; country: string; deadline: string | null }, user: Principal, ip: string | null) {
  const { cycle, country, deadline } = input;
  await inTransaction(db, async (tx) => {
    if (!(await run(tx, SET_DEADLINE, deadline, cycle, country))) throw new ServiceError(404, refusal("noReplyIn", { country, cycle }));
    await recordAudit(tx, { action: "cycle.extend_deadline", object: `${cycle}/${country} → ${deadline ?? "none"}`, user }, ip);
  });
}

type CountryStatus = {
  country: string;
  name: string;
  status: string;
  answered: number;
  total: number;
  percent: number;
  warnings: number;
  openQueries: number;
  lastActivity: string;
  deadline: string | null;
  correspondents: string[];
};

/** One row per country: status, % answered, open warnings, open queries, last activity. */
export async function cycleStatus(db: Executor, slug: string): Promise<CountryStatus[]> {
  const [cycle] = await db.select().from(cycles).where(eq(cycles.slug, slug)).limit(1);
  if (!cycle) return [];
  const index = await loadQuestionnaire(db, cycle.questionnaireId);
  const questions = Array.from(walkQuestions(index.questionnaire), (x) => x.question);
  const rows = await db
    .select({
      id: responses.id,
      country: countries.code,
      name: countries.name,
      status: responses.status,
      updatedAt: responses.updatedAt,
      deadline: responses.deadline,
    })
    .from(responses)
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(eq(responses.cycleSlug, slug))
    .orderBy(asc(countries.name));
  const answers = new Map<number, Map<string, Answer>>();
  await each<{ response_id: number; cell: string; num: number | null; text: string | null; status: "NA" | "NAP" | null }>(db, CYCLE_ANSWERS, [slug], (a) => {
    if (!answers.has(a.response_id)) answers.set(a.response_id, new Map());
    answers.get(a.response_id)!.set(a.cell, { num: a.num, text: a.text, status: a.status });
  });
  const openCounts = await db
    .select({ id: queries.responseId, n: count() })
    .from(queries)
    .innerJoin(responses, eq(responses.id, queries.responseId))
    .where(and(eq(responses.cycleSlug, slug), eq(queries.status, "open")))
    .groupBy(queries.responseId);
  const queryCounts = new Map(openCounts.map((r) => [r.id, r.n]));
  const assigned = await db
    .select({ country: cycleCorrespondents.countryCode, name: users.name })
    .from(cycleCorrespondents)
    .innerJoin(users, eq(users.id, cycleCorrespondents.userId))
    .where(eq(cycleCorrespondents.cycleSlug, slug));
  return rows.map((r) => {
    const mine = answers.get(r.id) ?? new Map<string, Answer>();
    const read = (k: string) => mine.get(k);
    const progress = progressOf(questions, read);
    const warnings = mine.size ? evaluateAll(index.questionnaire, read).filter((i) => i.severity === "warning" && blocksSubmission(i)).length : 0;
    return {
      country: r.country,
      name: r.name,
      status: r.status,
      ...progress,
      percent: progress.total ? Math.round((progress.answered / progress.total) * 1000) / 10 : 0,
      warnings,
      openQueries: queryCounts.get(r.id) ?? 0,
      lastActivity: r.updatedAt,
      deadline: r.deadline,
      correspondents: assigned.filter((a) => a.country === r.country).map((a) => a.name),
    };
  });
}

export async function correspondentsList(db: Executor) {
  return await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "correspondent"), eq(users.active, true)))
    .orderBy(users.name);
}
