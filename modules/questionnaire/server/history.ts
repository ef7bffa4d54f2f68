// The history of a cell: every change, with its old and new value, who and when. Restoring a value
// is a write like any other (the CEPEJ service modules/cepej/server/write-cells.ts).
import "server-only";
import type { Executor } from "@/db/transaction";
import type { Answer } from "@/modules/questionnaire/answers";
import { all } from "@/db/sql";
import { CELL_HISTORY } from "./questionnaire.sql";

/** `source`: where the new value came from when it was copied from another source (null: typed or imported). */
export type HistoryEntry = { id: number; at: string; by: string | null; old: Answer | null; new: Answer | null; source: string | null };

export async function cellHistory(db: Executor, responseId: number, cell: string): Promise<HistoryEntry[]> {
  const rows = await all<{
    id: number;
    at: string;
    by: string | null;
    old_value: string | null;
    new_value: string | null;
    source: string | null;
  }>(db, CELL_HISTORY, responseId, cell);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    by: r.by,
    old: r.old_value ? JSON.parse(r.old_value) : null,
    new: r.new_value ? JSON.parse(r.new_value) : null,
    source: r.source,
  }));
}
