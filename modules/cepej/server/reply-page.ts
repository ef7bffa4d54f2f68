// Everything a reply page needs, loaded and authorised in one place.
import "server-only";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import type { Executor } from "@/db/transaction";
import { cycles, responses } from "@/db/schema";
import { requireAccess } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { blocksSubmission, evaluateQuestion, type ReferenceValue } from "@/modules/questionnaire/rules";
import { progressOf } from "@/modules/questionnaire/progress";
import { questionsOf } from "@/modules/questionnaire/walk";
import type { Answer } from "@/modules/questionnaire/answers";
import { countryName } from "@/lib/i18n/reference";
import { cycleName } from "../cycle-name";
import { editCheck, findReply, type ReplyRecord } from "./replies";
import { flagsOf, previousAnswers, queriesOf, transitionsOf } from "./workflow";

/** `referencesOf`: other sources' figures for some cells (national reports), composed by the caller. */
export async function loadReplyPage<R extends ReferenceValue = ReferenceValue>(
  db: Executor,
  cycle: string,
  countryParam: string,
  locale: string,
  referencesOf: (found: ReplyRecord) => Promise<Record<string, R>> = async () => ({}),
) {
  const country = countryParam.toUpperCase();
  const user = await requireAccess("read", { kind: "cepejReply", country });
  const found = await findReply(db, cycle, country);
  if (!found) notFound();
  const index = await loadQuestionnaire(db, found.reply.questionnaireId);
  const stored = await loadAnswers(db, found.reply.id);
  const prev = await previousAnswers(db, found);
  const previous = prev ? Object.fromEntries([...prev.answers].map(([k, v]) => [k, v.answer])) : {};
  const references = await referencesOf(found);
  const options = { submit: true, previous: prev ? (k: string) => previous[k] : undefined, variationThreshold: found.cycle.variationThreshold, references };
  const read = (key: string) => stored.get(key)?.answer;
  const base = `/cepej/${found.cycle.slug}/${found.reply.countryCode}`;
  const chapters = index.questionnaire.parts.map((part) => {
    const questions = questionsOf(part);
    const issues = questions.flatMap((q) => evaluateQuestion(q, read, options));
    const title = (part.title as Record<string, string | undefined>)[locale];
    return {
      id: part.id,
      title: title ?? part.title.en,
      // A title the definition has only in English is marked so (the CEPEJ questionnaire's).
      titleLang: title || locale === "en" ? undefined : "en",
      href: `${base}/${part.id}`,
      ...progressOf(questions, read),
      warnings: issues.filter((i) => i.severity === "warning" && blocksSubmission(i)).length,
      errors: issues.filter((i) => i.severity === "error" && i.code !== "unanswered").length,
    };
  });
  const allowed = decide(user, "write", { kind: "cepejReply", country }).allowed;
  const editable = allowed ? editCheck(found, user.role) : ({ ok: false, reason: "" } as const);
  const reviewer = decide(user, "review", { kind: "cepejReply", country }).allowed;
  const t = await getTranslations("cycles");
  return {
    user,
    ...found,
    index,
    stored,
    references,
    chapters,
    base,
    /** "Evaluation cycle 2022–2024 · France" in the user's language. */
    heading: `${cycleName(found.cycle, (years) => t("defaultName", years))} · ${countryName(country, found.countryName, locale)}`,
    reviewer,
    canWrite: editable.ok,
    /** Why the user may not change the reply, for the page to word (none when they may never). */
    readOnly: editable.ok || !("code" in editable) || !editable.code ? null : { code: editable.code, date: editable.date ?? "" },
    previousCycle: prev?.cycle ?? null,
    previous,
    queries: await queriesOf(db, found.reply.id),
    flags: await flagsOf(db, found.reply.id),
    transitions: await transitionsOf(db, found.reply.id),
    series: reviewer ? await seriesOf(db, country) : null,
  };
}

/** For reviewers: the country's answers in every cycle held in the database. */
async function seriesOf(db: Executor, country: string): Promise<{ cycle: string; answers: Record<string, Answer> }[]> {
  const replies = await db
    .select({ id: responses.id, cycle: cycles.slug })
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .where(eq(responses.countryCode, country))
    .orderBy(cycles.referenceYear);
  const series: { cycle: string; answers: Record<string, Answer> }[] = [];
  for (const r of replies) series.push({ cycle: r.cycle, answers: Object.fromEntries([...(await loadAnswers(db, r.id))].map(([k, v]) => [k, v.answer])) });
  return series;
}
