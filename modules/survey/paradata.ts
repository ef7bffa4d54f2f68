// Paradata of an interview: when and how it was entered. A page load of the interview is a
// session; its recorder (pure, below) keeps the session's running totals, which travel with the
// interview's answer saves, its completion and the queue (optional `paradata` field). The server
// keeps one entry per session and replaces it with each later copy, so a retried or repeated save
// never counts twice; the summary adds the sessions up.
import { z } from "zod";

export const INTERVIEW_LANGUAGES = ["kk", "ru", "en"] as const;
export type InterviewLanguage = (typeof INTERVIEW_LANGUAGES)[number];
export const isInterviewLanguage = (x: unknown): x is InterviewLanguage => INTERVIEW_LANGUAGES.includes(x as InterviewLanguage);

/** Bounds: questions a session may name, seconds of a question, sessions kept per interview. */
const MAX_QUESTIONS = 300;
const MAX_SECONDS = 86_400;
export const MAX_SESSIONS = 100;
/** A pause longer than this between two actions is not counted as time on a question. */
export const IDLE_MS = 5 * 60_000;

const QuestionId = z.string().min(1).max(60);
const perQuestion = (value: z.ZodNumber) =>
  z.record(QuestionId, value).refine((r) => Object.keys(r).length <= MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`);

export const ParadataSession = z
  .object({
    /** The session's client-generated id. */
    session: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime(),
    /** The span less pauses over IDLE_MS, in seconds. */
    activeSeconds: z
      .number()
      .min(0)
      .max(10 * MAX_SECONDS),
    /** Seconds spent on each question (focus time, pauses over IDLE_MS left out). */
    seconds: perQuestion(z.number().min(0).max(MAX_SECONDS)),
    /** Changes of each question's answer. */
    changes: perQuestion(z.number().int().min(0).max(100_000)),
    userAgent: z.string().max(400),
    language: z.enum(INTERVIEW_LANGUAGES).optional(),
  })
  .strict()
  .refine((s) => s.endedAt >= s.startedAt, { message: "endedAt before startedAt", path: ["endedAt"] });
export type ParadataSession = z.infer<typeof ParadataSession>;

export type StoredParadata = Record<string, ParadataSession>;

/** The stored sessions with this one's latest totals (it replaces its earlier copy). A new session
 *  beyond MAX_SESSIONS is not kept. */
export function mergeParadata(stored: StoredParadata, incoming: ParadataSession): StoredParadata {
  if (!(incoming.session in stored) && Object.keys(stored).length >= MAX_SESSIONS) return stored;
  return { ...stored, [incoming.session]: incoming };
}

export type ParadataSummary = {
  startedAt: string;
  endedAt: string;
  /** Sum over sessions of their active time (first to last action, pauses over IDLE_MS left out), in seconds. */
  durationSeconds: number;
  seconds: Record<string, number>;
  changes: Record<string, number>;
  userAgent: string;
  language: InterviewLanguage | null;
  sessions: number;
};

/** The interview's paradata: earliest start, latest end, the sessions' durations and per-question totals added up. */
export function summariseParadata(stored: StoredParadata): ParadataSummary | null {
  const sessions = Object.values(stored).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (!sessions.length) return null;
  const seconds: Record<string, number> = {};
  const changes: Record<string, number> = {};
  let duration = 0;
  for (const s of sessions) {
    duration += s.activeSeconds;
    for (const [q, n] of Object.entries(s.seconds)) seconds[q] = (seconds[q] ?? 0) + n;
    for (const [q, n] of Object.entries(s.changes)) changes[q] = (changes[q] ?? 0) + n;
  }
  const last = sessions.reduce((a, b) => (b.endedAt > a.endedAt ? b : a));
  return {
    startedAt: sessions[0].startedAt,
    endedAt: last.endedAt,
    durationSeconds: Math.round(duration),
    seconds: Object.fromEntries(Object.entries(seconds).map(([q, n]) => [q, Math.round(n)])),
    changes,
    userAgent: last.userAgent,
    language: [...sessions].reverse().find((s) => s.language)?.language ?? null,
    sessions: sessions.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The recorder: pure state, fed the page's events with their time (milliseconds).

export type Recorder = {
  session: string;
  startedAt: number | null;
  lastAt: number | null;
  /** Milliseconds of pauses over IDLE_MS, left out of the active time. */
  paused: number;
  /** The question being answered and since when its time counts. */
  current: string | null;
  since: number | null;
  seconds: Record<string, number>;
  changes: Record<string, number>;
  language: InterviewLanguage | undefined;
};

export function newRecorder(session: string, language?: InterviewLanguage): Recorder {
  return { session, startedAt: null, lastAt: null, paused: 0, current: null, since: null, seconds: {}, changes: {}, language };
}

/** Counts the time of the current question up to `now` (nothing of a pause over IDLE_MS). */
function settle(r: Recorder, now: number) {
  if (r.current !== null && r.since !== null) {
    const spent = now - r.since;
    if (spent > 0 && spent <= IDLE_MS) r.seconds[r.current] = (r.seconds[r.current] ?? 0) + spent / 1000;
  }
  r.since = now;
}

function touch(r: Recorder, now: number) {
  r.startedAt ??= now;
  if (r.lastAt !== null && now - r.lastAt > IDLE_MS) r.paused += now - r.lastAt;
  r.lastAt = now;
}

/** The interviewer moved to a question (focus in it). */
export function recordFocus(r: Recorder, question: string, now: number): void {
  touch(r, now);
  settle(r, now);
  r.current = question;
}

/** An answer of a question changed. */
export function recordChange(r: Recorder, question: string, now: number): void {
  touch(r, now);
  settle(r, now);
  r.current = question;
  r.changes[question] = (r.changes[question] ?? 0) + 1;
}

export function recordLanguage(r: Recorder, language: InterviewLanguage): void {
  r.language = language;
}

/** The session's totals so far, to send; null before the first action. Does not change the recorder's totals. */
export function snapshot(r: Recorder, now: number, userAgent: string): ParadataSession | null {
  if (r.startedAt === null || r.lastAt === null) return null;
  const seconds = { ...r.seconds };
  if (r.current !== null && r.since !== null && now - r.since > 0 && now - r.since <= IDLE_MS)
    seconds[r.current] = (seconds[r.current] ?? 0) + (now - r.since) / 1000;
  const end = now - r.lastAt <= IDLE_MS ? Math.max(now, r.lastAt) : r.lastAt;
  return {
    session: r.session,
    startedAt: new Date(r.startedAt).toISOString(),
    endedAt: new Date(end).toISOString(),
    activeSeconds: Math.max(0, Math.round((end - r.startedAt - r.paused) / 100) / 10),
    seconds: Object.fromEntries(Object.entries(seconds).map(([q, n]) => [q, Math.min(MAX_SECONDS, Math.round(n * 10) / 10)])),
    changes: { ...r.changes },
    userAgent: userAgent.slice(0, 400),
    ...(r.language ? { language: r.language } : {}),
  };
}
