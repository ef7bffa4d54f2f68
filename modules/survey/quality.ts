// The supervisor's quality view of fieldwork, computed per interviewer from each interview's state,
// history, paradata and answers. Pure: the server gathers the rows (server/quality.ts).
import type { Question } from "@/modules/questionnaire/definition";

export type QualityInterview = {
  interviewerId: number;
  interviewerName: string;
  status: "assigned" | "in_progress" | "completed" | "rejected" | "approved";
  /** Times the supervisor sent it back. */
  rejections: number;
  /** From the paradata; null without. */
  durationSeconds: number | null;
  /** The visit's result code ("1" interview, "2" refused, …); null while not answered. */
  result: string | null;
  /** Answered questions that offer "difficult to answer", and how many were answered with it. */
  dkEligible: number;
  dkAnswered: number;
};

export type InterviewerQuality = {
  id: number;
  name: string;
  /** Households assigned (in any state). */
  assigned: number;
  /** Handed in: completed, rejected after handing in, or approved. */
  completed: number;
  /** Sent back at least once. */
  rejected: number;
  approved: number;
  medianDurationSeconds: number | null;
  /** Handed-in interviews shorter than the threshold. */
  short: number;
  /** Share of "difficult to answer" among the answers to questions that offer it (0–1); null without any. */
  itemNonResponse: number | null;
  /** Share of handed-in visits whose result is a refusal (0–1); null without any. */
  refusalRate: number | null;
};

export const DEFAULT_THRESHOLD_MINUTES = 10;
export const REFUSED = "2";
const HANDED_IN = new Set(["completed", "rejected", "approved"]);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A handed-in interview: completed once, even if rejected since (a rejected one never handed in cannot exist). */
const handedIn = (i: { status: string }) => HANDED_IN.has(i.status);

/** A handed-in interview whose duration is known and under the threshold: flagged for the supervisor. */
export const isShort = (i: { status: string; durationSeconds: number | null }, thresholdSeconds: number) =>
  handedIn(i) && i.durationSeconds !== null && i.durationSeconds < thresholdSeconds;

export function qualityByInterviewer(interviews: QualityInterview[], thresholdSeconds: number): InterviewerQuality[] {
  const groups = new Map<number, QualityInterview[]>();
  for (const i of interviews) {
    const g = groups.get(i.interviewerId);
    if (g) g.push(i);
    else groups.set(i.interviewerId, [i]);
  }
  return [...groups.values()]
    .map((list): InterviewerQuality => {
      const done = list.filter(handedIn);
      const durations = done.map((i) => i.durationSeconds).filter((d): d is number => d !== null);
      const withResult = done.filter((i) => i.result !== null);
      const eligible = done.reduce((n, i) => n + i.dkEligible, 0);
      return {
        id: list[0].interviewerId,
        name: list[0].interviewerName,
        assigned: list.length,
        completed: done.length,
        rejected: list.filter((i) => i.rejections > 0).length,
        approved: list.filter((i) => i.status === "approved").length,
        medianDurationSeconds: median(durations),
        short: done.filter((i) => isShort(i, thresholdSeconds)).length,
        itemNonResponse: eligible ? done.reduce((n, i) => n + i.dkAnswered, 0) / eligible : null,
        refusalRate: withResult.length ? withResult.filter((i) => i.result === REFUSED).length / withResult.length : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** The questions whose options include "difficult to answer" (the item non-response code). */
export function difficultToAnswerQuestions(questions: Question[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of questions) {
    if (q.type !== "choice") continue;
    const dk = q.options.find((o) => o.label.en.toLowerCase() === "difficult to answer");
    if (dk) out.set(q.id, dk.id);
  }
  return out;
}

/** How many of an interview's answers offer "difficult to answer", and how many chose it. */
export function countDifficult(answers: Map<string, string | null>, dk: Map<string, string>): { dkEligible: number; dkAnswered: number } {
  let dkEligible = 0;
  let dkAnswered = 0;
  for (const [question, code] of dk) {
    const a = answers.get(question);
    if (a === undefined || a === null || a === "") continue;
    dkEligible++;
    if (a === code) dkAnswered++;
  }
  return { dkEligible, dkAnswered };
}
