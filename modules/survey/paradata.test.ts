import { describe, expect, it } from "vitest";
import { IDLE_MS, MAX_SESSIONS, mergeParadata, newRecorder, ParadataSession, recordChange, recordFocus, snapshot, summariseParadata } from "./paradata";

const T0 = Date.parse("2026-11-26T08:00:00.000Z");
const s = (n: number) => T0 + n * 1000;

describe("paradata recorder", () => {
  it("times each question from focus to the next, counts changes, leaves long pauses out", () => {
    const r = newRecorder("abcdefgh", "ru");
    expect(snapshot(r, s(0), "UA")).toBeNull();
    recordFocus(r, "result", s(0));
    recordChange(r, "result", s(4));
    recordFocus(r, "sex", s(10));
    recordChange(r, "sex", s(12));
    recordChange(r, "sex", s(15));
    // a pause of 20 minutes on "age": not counted
    recordFocus(r, "age", s(20));
    recordChange(r, "age", s(20 + 1200));
    recordFocus(r, "education", s(1230));
    const snap = snapshot(r, s(1240), "Mozilla/5.0 Tablet")!;
    expect(snap).toEqual({
      session: "abcdefgh",
      startedAt: "2026-11-26T08:00:00.000Z",
      endedAt: "2026-11-26T08:20:40.000Z",
      activeSeconds: 40,
      seconds: { result: 10, sex: 10, age: 10, education: 10 },
      changes: { result: 1, sex: 2, age: 1 },
      userAgent: "Mozilla/5.0 Tablet",
      language: "ru",
    });
    expect(ParadataSession.safeParse(snap).success).toBe(true);
    // a snapshot long after the last action ends at that action
    expect(snapshot(r, s(1230) + IDLE_MS + 1, "UA")!.endedAt).toBe("2026-11-26T08:20:30.000Z");
  });

  it("merges by session (a repeated copy replaces its entry) and adds sessions up", () => {
    const a = ParadataSession.parse({
      session: "session-a",
      startedAt: "2026-11-26T08:00:00.000Z",
      endedAt: "2026-11-26T08:10:00.000Z",
      activeSeconds: 500,
      seconds: { q1: 100 },
      changes: { q1: 1 },
      userAgent: "A",
    });
    const a2 = { ...a, endedAt: "2026-11-26T08:12:00.000Z", activeSeconds: 600, seconds: { q1: 150 }, changes: { q1: 2 } };
    const b = {
      ...a,
      session: "session-b",
      startedAt: "2026-11-27T08:00:00.000Z",
      endedAt: "2026-11-27T08:01:00.000Z",
      activeSeconds: 60,
      language: "kk" as const,
    };
    const stored = mergeParadata(mergeParadata(mergeParadata({}, a), a2), b);
    expect(summariseParadata(stored)).toEqual({
      startedAt: "2026-11-26T08:00:00.000Z",
      endedAt: "2026-11-27T08:01:00.000Z",
      durationSeconds: 660,
      seconds: { q1: 250 },
      changes: { q1: 3 },
      userAgent: "A",
      language: "kk",
      sessions: 2,
    });
    expect(summariseParadata({})).toBeNull();
    let many = {};
    for (let i = 0; i < MAX_SESSIONS + 5; i++) many = mergeParadata(many, { ...a, session: `session-${i}` });
    expect(Object.keys(many)).toHaveLength(MAX_SESSIONS);
  });

  it("refuses malformed or oversized paradata", () => {
    const ok = {
      session: "abcdefgh",
      startedAt: "2026-11-26T08:00:00.000Z",
      endedAt: "2026-11-26T08:00:01.000Z",
      activeSeconds: 1,
      seconds: {},
      changes: {},
      userAgent: "",
    };
    expect(ParadataSession.safeParse(ok).success).toBe(true);
    expect(ParadataSession.safeParse({ ...ok, endedAt: "2026-11-26T07:00:00.000Z" }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, session: "a b" }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, language: "de" }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, changes: { q: -1 } }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, seconds: Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`q${i}`, 1])) }).success).toBe(false);
    expect(ParadataSession.safeParse({ ...ok, userAgent: "x".repeat(401) }).success).toBe(false);
  });
});
