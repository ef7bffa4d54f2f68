// Everything a reply page needs, loaded and authorised in one place.
import "server-only";
import { notFound } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { loadQuestionnaire } from "@/lib/questionnaire/server/definitions";
import { loadAnswers } from "@/lib/responses/server/answers";
import { blocksSubmission, evaluateQuestion } from "@/lib/questionnaire/rules";
import { progressOf } from "@/lib/questionnaire/progress";
import { questionsOf } from "@/lib/questionnaire/walk";
import { findReply } from "./replies";

export async function loadReplyPage(cycle: string, countryParam: string, locale: string) {
  const country = countryParam.toUpperCase();
  const user = await requireAccess("read", { kind: "cepejReply", country });
  const found = findReply(cycle, country);
  if (!found) notFound();
  const index = loadQuestionnaire(found.reply.questionnaireId);
  const stored = loadAnswers(found.reply.id);
  const read = (key: string) => stored.get(key)?.answer;
  const base = `/cepej/${found.cycle.slug}/${found.reply.countryCode}`;
  const chapters = index.questionnaire.parts.map((part) => {
    const questions = questionsOf(part);
    const issues = questions.flatMap((q) => evaluateQuestion(q, read, { submit: true }));
    return {
      id: part.id,
      title: (part.title as Record<string, string>)[locale] ?? part.title.en,
      href: `${base}/${part.id}`,
      ...progressOf(questions, read),
      warnings: issues.filter((i) => i.severity === "warning" && blocksSubmission(i)).length,
      errors: issues.filter((i) => i.severity === "error" && i.code !== "unanswered").length,
    };
  });
  const canWrite = decide(user, "write", { kind: "cepejReply", country }).allowed;
  return { user, ...found, index, stored, chapters, base, canWrite };
}
