// Reading a reply for export: answers, flags ("not retained for publication") and labels.
import "server-only";
import type { Executor } from "@/db/transaction";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import type { ReplyRecord } from "./replies";
import { flagsOf } from "./workflow";

export async function replyForExport(db: Executor, found: ReplyRecord) {
  const index = await loadQuestionnaire(db, found.reply.questionnaireId);
  const stored = await loadAnswers(db, found.reply.id);
  const flags = Object.fromEntries((await flagsOf(db, found.reply.id)).map((f) => [f.cell, f.reason]));
  return { index, stored, flags, read: (k: string) => stored.get(k)?.answer };
}

export const attachment = (name: string) => ({ "content-disposition": `attachment; filename="${name}"` });
