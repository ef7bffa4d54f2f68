// Reading a reply for export: answers, flags ("not retained for publication") and labels.
import { getDb } from "@/db/client";
import "server-only";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { flagsOf } from "./workflow";
import type { ReplyRecord } from "./workflow";

export function replyForExport(found: ReplyRecord) {
  const index = loadQuestionnaire(getDb(), found.reply.questionnaireId);
  const stored = loadAnswers(getDb(), found.reply.id);
  const flags = Object.fromEntries(flagsOf(found.reply.id).map((f) => [f.cell, f.reason]));
  return { index, stored, flags, read: (k: string) => stored.get(k)?.answer };
}

export const attachment = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });
