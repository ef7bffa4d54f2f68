// The shapes an interviewer's device stores and sends: the bundle it downloads (GET
// /api/survey/device), the interviews as kept on the device, and the queue items it sends
// (POST /api/survey/interviews/submit).
import type { Answer } from "@/modules/questionnaire/answers";
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { AnswerChange, Conflict, RejectedCell, SavedCell } from "@/modules/questionnaire/schemas";

export type StoredAnswer = { answer: Answer; version: number };

/** An assigned interview as the server has it. */
export type ServerInterview = {
  id: number;
  wave: number;
  householdId: string;
  region: string;
  settlement: "1" | "2";
  address: string;
  weight: number;
  status: "unassigned" | "assigned" | "in_progress" | "completed" | "rejected" | "approved";
  fieldwork: { start: string; end: string };
  answers: Record<string, StoredAnswer>;
  /** The supervisor's comments, each with the interviewer's reply as the server has it. */
  comments: { id: number; question: string; text: string; by: string | null; at: string; reply: string | null; repliedAt: string | null }[];
};

export type DeviceBundle = { userId: number; at: string; questionnaire: Questionnaire; interviews: ServerInterview[] };

/** Why the server refused the last item sent for an interview (kept until resolved). */
export type Refusal = {
  status: number;
  error: string;
  rejected?: RejectedCell[];
  conflicts?: Conflict[];
  errors?: { question: string; cell?: string; code: string }[];
};

/** An interview on the device: the server's copy, and what was changed here and not sent yet. */
export type DeviceInterview = ServerInterview & {
  /** Cells changed on the device and not yet sent (null clears the cell). */
  local: Record<string, Answer | null>;
  /** Replies to the supervisor's comments written on the device and not yet sent, by comment id. */
  replies?: Record<string, string>;
  /** Completed on the device: queued for completion on the server. */
  completedHere: boolean;
  refusal?: Refusal;
  /** No longer in the server's list of assignments, but kept: it holds unsent work. */
  unassigned?: boolean;
};

/** One item of the queue: frozen when sent first, sent again with the same client id until answered. */
export type OutboxItem = {
  clientId: string;
  id: number;
  changes: AnswerChange[];
  /** Replies to the supervisor's comments (applied before the changes). */
  replies?: { comment: number; text: string }[];
  complete: boolean;
  /** Time per question etc., recorded by the form (optional; passed through as is). */
  paradata?: Record<string, unknown>;
  createdAt: string;
};

export type QueueOutcome = { id: number; clientId?: string; duplicate?: true } & (
  { ok: true; status: "completed"; saved: number } | { ok: true; status: "saved"; saved: number; versions: SavedCell[] } | ({ ok: false } & Refusal)
);
