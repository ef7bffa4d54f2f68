import { describe, expect, it } from "vitest";
import { canEdit, checkTransition, stateAfterEdit, TRANSITIONS, type ReplyAction, type ReplyState } from "./workflow";

const STATES: ReplyState[] = ["not_started", "in_progress", "submitted", "returned", "validated"];
const ACTIONS = Object.keys(TRANSITIONS) as ReplyAction[];

describe("reply state machine", () => {
  it("allows exactly the documented transitions", () => {
    const allowed: string[] = [];
    for (const action of ACTIONS) {
      for (const from of STATES) {
        const r = checkTransition(action, from, "admin", { openQueries: 0, note: "reason" });
        if (r.ok) allowed.push(`${from} -${action}-> ${r.to}`);
      }
    }
    expect(allowed.sort()).toEqual([
      "in_progress -submit-> submitted",
      "not_started -submit-> submitted",
      "returned -submit-> submitted",
      "submitted -return-> returned",
      "submitted -validate-> validated",
      "validated -reopen-> in_progress",
    ]);
  });
  it("refuses the others with 409 and a reason", () => {
    expect(checkTransition("submit", "submitted", "correspondent", { openQueries: 0 })).toEqual({
      ok: false,
      status: 409,
      reason: expect.objectContaining({ message: "A reply that is submitted cannot be submitted." }),
    });
    expect(checkTransition("validate", "in_progress", "admin", { openQueries: 0 })).toMatchObject({ ok: false, status: 409 });
  });
  it("keeps reviewing for administrators", () => {
    for (const action of ["return", "validate", "reopen"] as const) {
      expect(checkTransition(action, "submitted", "correspondent", { openQueries: 0, note: "x" })).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkTransition("submit", "in_progress", "correspondent", { openQueries: 0 })).toEqual({ ok: true, to: "submitted" });
    expect(checkTransition("submit", "in_progress", "interviewer", { openQueries: 0 })).toMatchObject({ ok: false, status: 403 });
  });
  it("validates only when no query is open, and reopens only with a reason", () => {
    expect(checkTransition("validate", "submitted", "admin", { openQueries: 2 })).toEqual({
      ok: false,
      status: 409,
      reason: expect.objectContaining({ message: "2 queries are still open: resolve them before validating." }),
    });
    expect(checkTransition("reopen", "validated", "admin", { openQueries: 0, note: "  " })).toMatchObject({ ok: false, status: 400 });
    expect(checkTransition("reopen", "validated", "admin", { openQueries: 0, note: "Figures revised" })).toEqual({ ok: true, to: "in_progress" });
  });
  it("moves to in progress when answers change after a return", () => {
    expect(stateAfterEdit("not_started")).toBe("in_progress");
    expect(stateAfterEdit("returned")).toBe("in_progress");
    expect(stateAfterEdit("in_progress")).toBe("in_progress");
  });
});

describe("who may edit when", () => {
  const campaign = { opensOn: "2026-01-15", closesOn: "2026-06-30" };
  it("lets a correspondent edit only while the campaign is open and the reply is theirs to change", () => {
    expect(canEdit("in_progress", "correspondent", campaign, "2026-03-01")).toEqual({ ok: true });
    expect(canEdit("returned", "correspondent", campaign, "2026-06-30")).toEqual({ ok: true });
    expect(canEdit("in_progress", "correspondent", campaign, "2026-01-14")).toEqual({
      ok: false,
      reason: expect.objectContaining({ message: "The campaign opens on 2026-01-15." }),
      code: "notYetOpen",
      date: "2026-01-15",
    });
    expect(canEdit("in_progress", "correspondent", campaign, "2026-07-01")).toEqual({
      ok: false,
      reason: expect.objectContaining({ message: "The campaign closed on 2026-06-30." }),
      code: "closed",
      date: "2026-06-30",
    });
    expect(canEdit("submitted", "correspondent", campaign, "2026-03-01").ok).toBe(false);
    expect(canEdit("validated", "correspondent", campaign, "2026-03-01").ok).toBe(false);
  });
  it("honours a country's extended deadline", () => {
    expect(canEdit("in_progress", "correspondent", { ...campaign, deadline: "2026-07-15" }, "2026-07-10")).toEqual({ ok: true });
    expect(canEdit("in_progress", "correspondent", { ...campaign, deadline: "2026-07-15" }, "2026-07-16").ok).toBe(false);
  });
  it("lets administrators correct any reply that is not validated", () => {
    expect(canEdit("submitted", "admin", campaign, "2030-01-01")).toEqual({ ok: true });
    expect(canEdit("validated", "admin", campaign, "2026-03-01")).toEqual({
      ok: false,
      reason: expect.objectContaining({ message: "The reply has been validated and is locked." }),
      code: "validated",
    });
  });
});
