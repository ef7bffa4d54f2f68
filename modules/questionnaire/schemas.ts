// The autosave request and response, shared by the browser and the route handler.
import { z } from "zod";
import { AnswerSchema, type Answer } from "@/modules/questionnaire/answers";

export const AnswerChange = z
  .object({
    cell: z.string().min(1).max(200),
    /** null clears the cell. */
    value: AnswerSchema.nullable(),
    /** The version the client last saw (0: it saw no stored value). */
    baseVersion: z.number().int().min(0),
    /** The value was copied from another source (its id, checked by the server against the source's figure). */
    source: z.string().min(1).max(64).optional(),
  })
  .strict();
export type AnswerChange = z.infer<typeof AnswerChange>;

export const SaveAnswersRequest = z.object({ changes: z.array(AnswerChange).min(1).max(5000) }).strict();

export type SavedCell = { cell: string; version: number };
/** Someone else changed the cell since the client loaded it: both values, nothing overwritten. */
export type Conflict = { cell: string; yours: Answer | null; theirs: Answer | null; version: number; by: string | null; at: string | null };
export type SaveAnswersResponse = { saved: SavedCell[]; conflicts: Conflict[] };
export type RejectedCell = { cell: string; code: string; params?: Record<string, string | number> };
