// The one way a CEPEJ reply's answers change: autosave, import of a file, restore from a cell's
// history. Each is a service that runs writeReplyCells in one transaction, which
//   1. re-reads the reply and its state (whatever the route read before),
//   2. refuses (409) when this user may not change the reply in this state,
//   3. checks every value with the engine's rules (400 with the refused cells; nothing written),
//   4. writes the cells with their history,
//   5. moves the reply's state as an edit does (not started / returned → in progress),
//   6. writes the log-journal row.
// So a refused write changes nothing, and an accepted one is one commit.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { answerHistory, answers, replyImports } from "@/db/schema";
import { inTransaction, type Executor } from "@/db/transaction";
import type { Principal } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import type { Answer } from "@/modules/questionnaire/answers";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { loadAnswers, replaceAnswers, saveAnswers, validateChanges } from "@/modules/questionnaire/server/answers";
import { cellHistory } from "@/modules/questionnaire/server/history";
import type { AnswerChange, SaveAnswersResponse } from "@/modules/questionnaire/schemas";
import { stateAfterEdit, type ReplyState } from "../workflow";
import { countImport, importMismatch, planImport, type ImportChange, type ImportCounts } from "../import-plan";
import { editCheck, onReply, type ReplyRecord } from "./replies";
import { recordState, replyName, replyNow } from "./workflow";
import { refusal, type Refusal } from "@/lib/http/refusal";

/** The notes the app writes itself on a state change (kept in English in the history; the pages
 *  show them from the catalogues: reply.systemNotes.<key>). */
export const SYSTEM_NOTES = {
  answersChanged: "Answers changed",
  imported: "Imported from a file",
  importUndone: "Import undone",
  restored: "Answer restored from its history",
} as const;

type Actor = { user: Principal; ip: string | null };

/** What one write path does between the checks every path shares. */
type CellWrite<R> = {
  /** The cells as they will be written, for the rules (it may refuse: a file for another
   *  questionnaire, a change that is not in the history). */
  changes: (reply: ReplyRecord, index: QuestionnaireIndex) => Promise<AnswerChange[]>;
  /** The 400 message when a value breaks its cell's rules. */
  refused: Refusal;
  /** Writes the checked changes with their history; `changed` says whether the state moves. */
  write: (tx: Executor, reply: ReplyRecord, changes: AnswerChange[]) => Promise<{ changed: number; result: R }>;
  audit: (reply: ReplyRecord, changed: number) => { action: string; object: string };
  /** The note of the state change an edit makes. */
  note: string;
};

/** Steps 1–6 above; runs inside the calling service's transaction. */
async function writeReplyCells<R>(tx: Executor, found: ReplyRecord, { user, ip }: Actor, how: CellWrite<R>): Promise<R> {
  const reply = await replyNow(tx, found);
  const editable = editCheck(reply, user.role);
  if (!editable.ok) throw new ServiceError(409, editable.reason);
  const index = await loadQuestionnaire(tx, reply.reply.questionnaireId);
  const changes = await how.changes(reply, index);
  const rejected = validateChanges(index, changes);
  if (rejected.length) throw new ServiceError(400, how.refused, rejected);
  const { changed, result } = await how.write(tx, reply, changes);
  const from = reply.reply.status as ReplyState;
  const to = stateAfterEdit(from);
  if (changed && to !== from) await recordState(tx, reply.reply.id, from, to, user.id, how.note);
  await recordAudit(tx, { ...how.audit(reply, changed), user }, ip);
  return result;
}

/** Figures other sources give for some cells (the caller composes them: national reports), by cell. */
export type KnownSources = Record<string, { mapping: string; num: number; source: string }>;

/** The source text of each change that says it was copied, checked against the source's figure:
 *  a change naming a source it does not match is refused (400), so the history never claims a
 *  source for a value that is not its figure. */
function sourcesOf(changes: AnswerChange[], known: KnownSources): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of changes) {
    if (!c.source) continue;
    const figure = known[c.cell];
    if (!figure || figure.mapping !== c.source || c.value?.num !== figure.num || c.value.status !== null)
      throw new ServiceError(400, `The value of ${c.cell} is not the figure of the source ${c.source}.`);
    out.set(c.cell, figure.source);
  }
  return out;
}

/** Autosave: cells with the version each was based on. A cell changed by someone else since is a
 *  conflict, reported with both values and not written (the other cells are). A change copied from
 *  another source names it; its history row records the source. */
export async function saveReplyAnswers(
  db: Executor,
  found: ReplyRecord,
  actor: Actor,
  changes: AnswerChange[],
  known: KnownSources = {},
): Promise<SaveAnswersResponse> {
  const sources = sourcesOf(changes, known);
  return inTransaction(
    db,
    (tx) =>
      writeReplyCells(tx, found, actor, {
        changes: async () => changes,
        refused: refusal("valuesRefused"),
        write: async (tx, reply) => {
          const saved = await saveAnswers(tx, reply.reply.id, actor.user.id, changes, sources);
          return { changed: saved.saved.length, result: saved };
        },
        audit: (reply, changed) => ({ action: "reply.save", object: `${replyName(reply)} (${changed} cells)` }),
        note: SYSTEM_NOTES.answersChanged,
      }),
    onReply(found),
  );
}

type ImportFile = { cycle?: string; country?: string; questionnaire: { id: string }; answers: Record<string, Answer> };
type ImportOptions = {
  /** The user maps a file of another cycle or country onto this reply by naming them. */
  map?: { cycle?: string; country?: string };
};

/** The checks an import and its preview share: the file's cycle, country and questionnaire. */
function checkImportFile(reply: ReplyRecord, index: QuestionnaireIndex, file: ImportFile, options: ImportOptions) {
  const mismatch = importMismatch(file, { cycle: reply.cycle.slug, country: reply.reply.countryCode ?? "" }, options.map);
  if (mismatch) throw new ServiceError(400, mismatch, { fileCycle: file.cycle ?? null, fileCountry: file.country ?? null });
  if (file.questionnaire.id !== index.questionnaire.id) {
    throw new ServiceError(400, `The file answers questionnaire ${file.questionnaire.id}; this reply uses ${index.questionnaire.id}.`);
  }
}

const storedValues = async (tx: Executor, responseId: number) => new Map([...(await loadAnswers(tx, responseId))].map(([k, v]) => [k, v.answer]));

/** What importing the file would change, without changing anything: the same checks as the import
 *  (refusals included), the counts and the cells (at most `limit` listed). */
export async function previewImport(
  db: Executor,
  found: ReplyRecord,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions = {},
  limit = 500,
): Promise<ImportCounts & { preview: true; total: number; cells: ImportChange[] }> {
  return inTransaction(
    db,
    async (tx) => {
      const reply = await replyNow(tx, found);
      const editable = editCheck(reply, actor.user.role);
      if (!editable.ok) throw new ServiceError(409, editable.reason);
      const index = await loadQuestionnaire(tx, reply.reply.questionnaireId);
      checkImportFile(reply, index, file, options);
      const rejected = validateChanges(
        index,
        Object.entries(file.answers).map(([cell, value]) => ({ cell, value, baseVersion: 0 })),
      );
      if (rejected.length) throw new ServiceError(400, "Some values cannot be imported; nothing was imported.", rejected);
      const plan = planImport(await storedValues(tx, reply.reply.id), new Map(Object.entries(file.answers)));
      return { preview: true, ...countImport(plan), total: plan.length, cells: plan.slice(0, limit) };
    },
    onReply(found),
  );
}

/** Import of a reply in the JSON export format: the file's answers replace the reply's, all or
 *  nothing, with one history row per cell that changes, recorded as one import that can be undone. */
export async function importReply(
  db: Executor,
  found: ReplyRecord,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<{ imported: number; changed: number; importId: number | null }> {
  const entries = Object.entries(file.answers);
  return inTransaction(
    db,
    (tx) =>
      writeReplyCells(tx, found, actor, {
        changes: async (reply, index) => {
          checkImportFile(reply, index, file, options);
          return entries.map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
        },
        refused: refusal("importRefused"),
        write: async (tx, reply) => {
          const lastBefore = await lastHistoryId(tx);
          const changed = await replaceAnswers(tx, reply.reply.id, actor.user.id, new Map(entries));
          let importId: number | null = null;
          if (changed) {
            const [row] = await tx
              .insert(replyImports)
              .values({
                responseId: reply.reply.id,
                userId: actor.user.id,
                fileCycle: file.cycle ?? reply.cycle.slug,
                fileCountry: file.country ?? reply.reply.countryCode ?? "",
                changed,
                firstHistory: lastBefore + 1,
                lastHistory: await lastHistoryId(tx),
              })
              .returning({ id: replyImports.id });
            importId = row.id;
          }
          return { changed, result: { imported: entries.length, changed, importId } };
        },
        audit: (reply, changed) => ({ action: "import.json", object: `${replyName(reply)} (${changed} cells)` }),
        note: SYSTEM_NOTES.imported,
      }),
    onReply(found),
  );
}

const lastHistoryId = async (tx: Executor) => {
  const [row] = await tx
    .select({ id: sql<number>`coalesce(max(${answerHistory.id}), 0)` })
    .from(answerHistory)
    .limit(1);
  return row?.id ?? 0;
};

/** The reply's last import that can still be undone, for the page to offer. */
export async function lastImport(db: Executor, responseId: number): Promise<{ id: number; at: string; changed: number } | null> {
  const rows = await db
    .select({ id: replyImports.id, at: replyImports.at, changed: replyImports.changed, undoneAt: replyImports.undoneAt })
    .from(replyImports)
    .where(eq(replyImports.responseId, responseId))
    .orderBy(desc(replyImports.id))
    .limit(1);
  return rows.filter((r) => !r.undoneAt).map(({ id, at, changed }) => ({ id, at, changed }))[0] ?? null;
}

/** Undoes a whole import: every cell it changed gets its value from before the import back (one
 *  history row each), in one transaction. Refused (409, with the cells) when a cell was changed
 *  again since: undoing would overwrite that later change. */
export async function undoImport(db: Executor, found: ReplyRecord, actor: Actor, importId: number): Promise<{ undone: number }> {
  return inTransaction(
    db,
    (tx) =>
      writeReplyCells(tx, found, actor, {
        changes: async (reply) => {
          const [imp] = await tx
            .select()
            .from(replyImports)
            .where(and(eq(replyImports.id, importId), eq(replyImports.responseId, reply.reply.id)))
            .limit(1);
          if (!imp) throw new ServiceError(404, "No such import of this reply.");
          if (imp.undoneAt) throw new ServiceError(409, "This import has already been undone.");
          if (imp.firstHistory === null || imp.lastHistory === null) return [];
          const rows = await tx
            .select({ cell: answerHistory.cell, old: answerHistory.oldValue, new: answerHistory.newValue })
            .from(answerHistory)
            .where(and(eq(answerHistory.responseId, reply.reply.id), sql`${answerHistory.id} between ${imp.firstHistory} and ${imp.lastHistory}`));
          const stored = await loadAnswers(tx, reply.reply.id);
          const parse = (v: string | null): Answer | null => (v ? (JSON.parse(v) as Answer) : null);
          const changedSince = rows.filter((r) => !sameStored(stored.get(r.cell)?.answer, parse(r.new)));
          if (changedSince.length) {
            throw new ServiceError(
              409,
              refusal("undoChangedSince"),
              changedSince.map((r) => ({ cell: r.cell })),
            );
          }
          return rows.map((r) => ({ cell: r.cell, value: parse(r.old), baseVersion: stored.get(r.cell)?.version ?? 0 }));
        },
        refused: refusal("undoRulesRefused"),
        write: async (tx, reply, changes) => {
          const saved = await saveAnswers(tx, reply.reply.id, actor.user.id, changes);
          if (saved.conflicts.length) throw new ServiceError(409, refusal("undoConflicts"), saved.conflicts);
          await tx.update(replyImports).set({ undoneAt: new Date().toISOString() }).where(eq(replyImports.id, importId));
          return { changed: changes.length, result: { undone: changes.length } };
        },
        audit: (reply, changed) => ({ action: "import.undo", object: `${replyName(reply)} import ${importId} (${changed} cells)` }),
        note: SYSTEM_NOTES.importUndone,
      }),
    onReply(found),
  );
}

const sameStored = (a: Answer | null | undefined, b: Answer | null) =>
  (a?.num ?? null) === (b?.num ?? null) && (a?.text ?? "") === (b?.text ?? "") && (a?.status ?? null) === (b?.status ?? null);

/** A reviewer puts back the value a change of the cell recorded (its new value, or its old one
 *  with which = "before"). The value is checked with today's rules like any other. */
export async function restoreReplyCell(
  db: Executor,
  found: ReplyRecord,
  actor: Actor,
  request: { cell: string; historyId: number; which?: "after" | "before" },
): Promise<{ cell: string; value: Answer | null }> {
  const { cell, historyId, which = "after" } = request;
  return inTransaction(
    db,
    (tx) =>
      writeReplyCells(tx, found, actor, {
        changes: async (reply) => {
          const entry = (await cellHistory(tx, reply.reply.id, cell)).find((h) => h.id === historyId);
          if (!entry) throw new ServiceError(404, refusal("noSuchChange"));
          const [stored] = await tx
            .select({ version: answers.version })
            .from(answers)
            .where(and(eq(answers.responseId, reply.reply.id), eq(answers.cell, cell)))
            .limit(1);
          const version = stored?.version ?? 0;
          return [{ cell, value: which === "after" ? entry.new : entry.old, baseVersion: version }];
        },
        refused: refusal("restoreRefused"),
        write: async (tx, reply, [change]) => {
          const saved = await saveAnswers(tx, reply.reply.id, actor.user.id, [change]);
          const changed = saved.saved.filter((s) => s.version !== change.baseVersion).length;
          return { changed, result: { cell, value: change.value } };
        },
        audit: (reply) => ({ action: "reply.restore", object: `${replyName(reply)} ${cell} ← change ${historyId}` }),
        note: SYSTEM_NOTES.restored,
      }),
    onReply(found),
  );
}
