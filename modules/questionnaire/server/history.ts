// The history of a cell (every change: old and new value, who, when) and restoring an earlier
// value — itself a change, recorded like any other.
import "server-only";
import type { Executor } from "@/db/transaction";
import type { Answer } from "@/modules/questionnaire/answers";
import { loadAnswers, saveAnswers } from "./answers";

export type HistoryEntry = { id: number; at: string; by: string | null; old: Answer | null; new: Answer | null };

export function cellHistory(db: Executor, responseId: number, cell: string): HistoryEntry[] {
  const rows = db.$client.prepare(
    `select h.id, h.at, u.name as by, h.old_value, h.new_value from answer_history h left join users u on u.id = h.user_id
      where h.response_id = ? and h.cell = ? order by h.id desc`,
  ).all(responseId, cell) as { id: number; at: string; by: string | null; old_value: string | null; new_value: string | null }[];
  return rows.map((r) => ({ id: r.id, at: r.at, by: r.by, old: r.old_value ? JSON.parse(r.old_value) : null, new: r.new_value ? JSON.parse(r.new_value) : null }));
}

/** Puts back the value a history entry recorded (its `new` value; `old` with which="before"). */
export function restoreCell(tx: Executor, responseId: number, cell: string, historyId: number, userId: number, which: "after" | "before" = "after") {
  const entry = cellHistory(tx, responseId, cell).find((h) => h.id === historyId);
  if (!entry) return { ok: false as const, reason: "No such change of this cell." };
  const value = which === "after" ? entry.new : entry.old;
  const version = loadAnswers(tx, responseId).get(cell)?.version ?? 0;
  const result = saveAnswers(tx, responseId, userId, [{ cell, value, baseVersion: version }]);
  return { ok: true as const, value, result };
}
