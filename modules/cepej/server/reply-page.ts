// Everything a reply page needs, loaded and authorised in one place.
import "server-only";
import { notFound } from "next/navigation";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { cycles, responses } from "@/db/schema";
import { requireAccess } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { blocksSubmission, evaluateQuestion } from "@/modules/questionnaire/rules";
import { progressOf } from "@/modules/questionnaire/progress";
import { questionsOf } from "@/modules/questionnaire/walk";
import type { Answer } from "@/modules/questionnaire/answers";
import { editCheck, findReply } from "./replies";
import { flagsOf, previousAnswers, queriesOf, transitionsOf } from "./workflow";

export async function loadReplyPage(db: Executor, cycle: string, countryParam: string, locale: string) {
  const country = countryParam.toUpperCase();
  const user = await requireAccess("read", { kind: "cepejReply", country });
  const found = findReply(db, cycle, country);
  if (!found) notFound();
  const index = loadQuestionnaire(db, found.reply.questionnaireId);
  const stored = loadAnswers(db, found.reply.id);
  const prev = previousAnswers(db, found);
  const previous = prev ? Object.fromEntries([...prev.answers].map(([k, v]) => [k, v.answer])) : {};
  const options = { submit: true, previous: prev ? (k: string) => previous[k] : undefined, variationThreshold: found.cycle.variationThreshold };
  const read = (key: string) => stored.get(key)?.answer;
  const base = `/cepej/${found.cycle.slug}/${found.reply.countryCode}`;
  const chapters = index.questionnaire.parts.map((part) => {
    const questions = questionsOf(part);
    const issues = questions.flatMap((q) => evaluateQuestion(q, read, options));
    return {
      id: part.id,
      title: (part.title as Record<string, string>)[locale] ?? part.title.en,
      href: `${base}/${part.id}`,
      ...progressOf(questions, read),
      warnings: issues.filter((i) => i.severity === "warning" && blocksSubmission(i)).length,
      errors: issues.filter((i) => i.severity === "error" && i.code !== "unanswered").length,
    };
  });
  const allowed = decide(user, "write", { kind: "cepejReply", country }).allowed;
  const editable = allowed ? editCheck(found, user.role) : { ok: false as const, reason: "" };
  const reviewer = decide(user, "review", { kind: "cepejReply", country }).allowed;
  return {
    user,
    ...found,
    index,
    stored,
    chapters,
    base,
    reviewer,
    canWrite: editable.ok,
    readOnlyReason: editable.ok ? null : editable.reason,
    previousCycle: prev?.cycle ?? null,
    previous,
    queries: queriesOf(db, found.reply.id),
    flags: flagsOf(db, found.reply.id),
    transitions: transitionsOf(db, found.reply.id),
    series: reviewer ? seriesOf(db, country) : null,
  };
}

/** For reviewers: the country's answers in every cycle held in the database. */
function seriesOf(db: Executor, country: string): { cycle: string; answers: Record<string, Answer> }[] {
  const replies = db
    .select({ id: responses.id, cycle: cycles.slug })
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .where(eq(responses.countryCode, country))
    .orderBy(cycles.referenceYear)
    .all();
  return replies.map((r) => ({ cycle: r.cycle, answers: Object.fromEntries([...loadAnswers(db, r.id)].map(([k, v]) => [k, v.answer])) }));
}
