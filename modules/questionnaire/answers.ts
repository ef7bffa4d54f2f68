// The stored form of an answer, identical in the browser, the API and the database row:
// exactly one of num / text / status is set (or none, for an empty cell).
//   number → num; NA / NAP → status; choice → text = option id; multi → text = JSON array of ids;
//   check → num 1 or 0; text, comment, option text → text; whole-question status → status.
import { z } from "zod";

export type Answer = { num: number | null; text: string | null; status: "NA" | "NAP" | null };

export const AnswerSchema = z
  .object({
    num: z.number().finite().nullable(),
    text: z.string().max(100_000).nullable(),
    status: z.enum(["NA", "NAP"]).nullable(),
  })
  .strict()
  .refine((a) => [a.num !== null, a.text !== null, a.status !== null].filter(Boolean).length <= 1, "exactly one of num, text, status");

export const EMPTY: Answer = { num: null, text: null, status: null };
export const num = (n: number): Answer => ({ num: n, text: null, status: null });
export const status = (s: "NA" | "NAP"): Answer => ({ num: null, text: null, status: s });
export const text = (t: string): Answer => ({ num: null, text: t, status: null });
export const multi = (ids: string[]): Answer => (ids.length ? text(JSON.stringify(ids)) : EMPTY);

export function isEmpty(a: Answer | undefined | null): boolean {
  return !a || (a.num === null && (a.text === null || a.text === "") && a.status === null);
}

export function sameAnswer(a: Answer | undefined | null, b: Answer | undefined | null): boolean {
  const x = a ?? EMPTY;
  const y = b ?? EMPTY;
  return x.num === y.num && (x.text ?? "") === (y.text ?? "") && x.status === y.status;
}

export function multiIds(a: Answer | undefined | null): string[] {
  if (!a?.text) return [];
  try {
    const v = JSON.parse(a.text);
    return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Reads the answer stored under a key; undefined when nothing is stored. */
export type AnswerReader = (key: string) => Answer | undefined;
