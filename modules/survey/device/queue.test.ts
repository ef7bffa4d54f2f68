// The device's queue as pure functions: what waits, the frozen item (one per interview in flight),
// what each server outcome does to the interview kept on the device, and the merge of a download.
import { describe, expect, it } from "vitest";
import { answersOf, editableHere, freeze, hasUnsent, keptHere, mergeBundle, settle, settles, waiting } from "./queue";
import type { DeviceInterview, QueueOutcome } from "./types";

const a = (text: string) => ({ num: null, text, status: null });
const interview = (over: Partial<DeviceInterview> = {}): DeviceInterview => ({
  id: 7,
  wave: 2026,
  householdId: "H7",
  region: "AST",
  settlement: "1",
  address: "x",
  weight: 1,
  status: "in_progress",
  fieldwork: { start: "2026-10-01", end: "2026-11-30" },
  answers: { sex: { answer: a("1"), version: 3 } },
  comments: [],
  local: {},
  completedHere: false,
  ...over,
});
let n = 0;
const uuid = () => `id-${++n}`;

describe("the device's queue", () => {
  it("counts unsent answers and interviews completed here", () => {
    expect(waiting([interview({ local: { sex: a("2"), age: a("3") } }), interview({ id: 8, completedHere: true, local: { sex: a("2") } })])).toEqual({
      answers: 2,
      interviews: 1,
    });
  });

  it("an interview taken away waits for nothing; its refused work is kept, and counted as kept", () => {
    const taken = interview({ id: 9, unassigned: true, local: { age: a("58") }, refusal: { status: 403, error: "x" } });
    expect(waiting([taken, interview({ local: { sex: a("2") } })])).toEqual({ answers: 1, interviews: 0 });
    expect(keptHere([taken, interview({ id: 8, unassigned: true })])).toBe(1);
    expect(freeze(taken, [], uuid, "t")).toBeNull();
  });

  it("freezes one item per interview, based on the server's versions, and none while one is on its way", () => {
    const i = interview({ local: { sex: a("2"), age: null }, completedHere: true });
    const item = freeze(i, [], uuid, "t")!;
    expect(item).toMatchObject({
      id: 7,
      complete: true,
      changes: [
        { cell: "sex", value: a("2"), baseVersion: 3 },
        { cell: "age", value: null, baseVersion: 0 },
      ],
    });
    expect(freeze(i, [item], uuid, "t")).toBeNull();
    expect(freeze(interview(), [], uuid, "t")).toBeNull();
    expect(answersOf(i)).toEqual({ sex: { answer: a("2"), version: 3 } });
  });

  it("a completion accepted (or its duplicate) clears what was sent and keeps what was typed since", () => {
    const i = interview({ local: { sex: a("2") }, completedHere: true });
    const item = freeze(i, [], uuid, "t")!;
    const later = { ...i, local: { sex: a("2"), age: a("40") } };
    for (const outcome of [
      { id: 7, clientId: item.clientId, ok: true, status: "completed", saved: 1 },
      { id: 7, clientId: item.clientId, ok: true, status: "completed", saved: 1, duplicate: true },
    ] as QueueOutcome[]) {
      const next = settle(later, item, outcome);
      expect(next).toMatchObject({ status: "completed", completedHere: false, local: { age: a("40") } });
      expect(next.answers.sex.answer).toEqual(a("2"));
      expect(editableHere(next)).toBe(false);
    }
  });

  it("answers saved take the server's versions as the base of the next changes", () => {
    const i = interview({ status: "assigned", local: { sex: a("2") } });
    const item = freeze(i, [], uuid, "t")!;
    const next = settle(i, item, { id: 7, clientId: item.clientId, ok: true, status: "saved", saved: 1, versions: [{ cell: "sex", version: 4 }] });
    expect(next).toMatchObject({ status: "in_progress", local: {}, answers: { sex: { answer: a("2"), version: 4 } } });
  });

  it("a refusal (reassigned, approved meanwhile, rule errors) stays on the device with its reason; the work is kept", () => {
    const i = interview({ local: { sex: a("2") }, completedHere: true });
    const item = freeze(i, [], uuid, "t")!;
    for (const [status, error] of [
      [403, "This interview is not assigned to you."],
      [409, "The interview is approved: it cannot be changed or completed."],
      [422, "2 question(s) still need an answer or a correction."],
    ] as const) {
      const outcome = { id: 7, clientId: item.clientId, ok: false, status, error } as QueueOutcome;
      expect(settles(outcome)).toBe(true);
      const next = settle(i, item, outcome);
      expect(next).toMatchObject({ refusal: { status, error }, completedHere: false, local: { sex: a("2") } });
    }
    // a server failure (rolled back) is not an answer: the item is sent again
    expect(settles({ id: 7, clientId: item.clientId, ok: false, status: 500, error: "x" })).toBe(false);
  });

  it("a conflict takes their version as the base, so that sending again keeps mine", () => {
    const i = interview({ local: { sex: a("2") } });
    const item = freeze(i, [], uuid, "t")!;
    const next = settle(i, item, {
      id: 7,
      clientId: item.clientId,
      ok: false,
      status: 409,
      error: "Some cells were changed by someone else; the others were saved.",
      conflicts: [{ cell: "sex", yours: a("2"), theirs: a("3"), version: 5, by: "S", at: null }],
    });
    expect(freeze(next, [], uuid, "t")!.changes).toEqual([{ cell: "sex", value: a("2"), baseVersion: 5 }]);
  });

  it("a download replaces the server's copy, keeps unsent work, and keeps an interview taken away while it holds work", () => {
    const kept = interview({ id: 1, local: { sex: a("2") } });
    const gone = interview({ id: 2 });
    const taken = interview({ id: 3, completedHere: true });
    const server = { ...interview({ id: 1, status: "rejected" }), local: undefined, completedHere: undefined };
    const { put, remove } = mergeBundle([kept, gone, taken], { userId: 1, at: "t", questionnaire: {} as never, interviews: [server as never] });
    expect(remove).toEqual([2]);
    expect(put.map((p) => [p.id, p.status, p.local, p.unassigned ?? false])).toEqual([
      [1, "rejected", { sex: a("2") }, false],
      [3, "in_progress", {}, true],
    ]);
  });

  it("a reply to the supervisor's comment written here waits, travels with the interview's item, and is settled once accepted", () => {
    const comment = { id: 11, question: "age", text: "The roster says 47.", by: "S", at: "t", reply: null, repliedAt: null };
    const i = interview({ status: "rejected", comments: [comment], replies: { 11: "Checked: 47." }, local: { age: a("47") } });
    expect(waiting([i])).toEqual({ answers: 2, interviews: 0 });
    const onlyReply = interview({ status: "rejected", comments: [comment], replies: { 11: "Checked: 47." } });
    expect(freeze(onlyReply, [], uuid, "t")).toMatchObject({ changes: [], replies: [{ comment: 11, text: "Checked: 47." }], complete: false });
    const item = freeze({ ...i, completedHere: true }, [], uuid, "t")!;
    expect(item.replies).toEqual([{ comment: 11, text: "Checked: 47." }]);
    // a reply changed after the item was frozen stays unsent
    const changed = settle({ ...i, replies: { 11: "Checked twice: 47." } }, item, { id: 7, clientId: item.clientId, ok: true, status: "completed", saved: 1 });
    expect(changed.replies).toEqual({ 11: "Checked twice: 47." });
    const next = settle({ ...i, completedHere: true }, item, { id: 7, clientId: item.clientId, ok: true, status: "completed", saved: 1 });
    expect(next.replies).toEqual({});
    expect(next.comments[0].reply).toBe("Checked: 47.");
    expect(waiting([next])).toEqual({ answers: 0, interviews: 0 });
    // refused: the reply stays to be sent again
    expect(settle(i, item, { id: 7, clientId: item.clientId, ok: false, status: 409, error: "x" }).replies).toEqual({ 11: "Checked: 47." });
    // a download keeps the unsent reply
    const { put } = mergeBundle([i], {
      userId: 1,
      at: "t",
      questionnaire: {} as never,
      interviews: [{ ...interview({ status: "rejected", comments: [comment] }) }],
    });
    expect(put[0].replies).toEqual({ 11: "Checked: 47." });
  });

  it("reassigned while answers wait here: refused with the reason, then kept as no longer assigned, never sent again, never dropped by a download", () => {
    const i = interview({ local: { sex: a("2"), age: a("58") } });
    const item = freeze(i, [], uuid, "t")!;
    const refused = settle(i, item, { id: 7, clientId: item.clientId, ok: false, status: 403, error: "This interview is not assigned to you." });
    const bundle = { userId: 1, at: "t", questionnaire: {} as never, interviews: [] };
    const { put, remove } = mergeBundle([refused], bundle);
    expect(remove).toEqual([]);
    expect(put[0]).toMatchObject({ unassigned: true, refusal: { status: 403 }, local: { sex: a("2"), age: a("58") } });
    expect(answersOf(put[0]).age.answer).toEqual(a("58"));
    expect(editableHere(put[0])).toBe(false);
    expect(freeze(put[0], [], uuid, "t")).toBeNull();
    expect(mergeBundle(put, bundle).put).toHaveLength(1);
    expect(hasUnsent(put[0])).toBe(true);
  });

  it("work refused for good (completed meanwhile, a value refused) is held: not sent again, not waiting but kept, until the server's copy moves", () => {
    const i = interview({ local: { sex: a("2"), age: a("29") } });
    const item = freeze(i, [], uuid, "t")!;
    const locked = settle(i, item, { id: 7, clientId: item.clientId, ok: false, status: 409, error: "The interview is completed: it cannot be changed." });
    // sending it again would be refused again: no item, nothing waiting, the work counted as kept (sign-out warns)
    expect(freeze(locked, [], uuid, "t")).toBeNull();
    expect(waiting([locked])).toEqual({ answers: 0, interviews: 0 });
    expect(keptHere([locked])).toBe(1);
    expect(hasUnsent(locked)).toBe(true);
    // a download where the interview is as the device last knew it keeps the hold …
    const bundle = (status: DeviceInterview["status"]) => ({
      userId: 1,
      at: "t",
      questionnaire: {} as never,
      interviews: [{ ...interview(), status, local: undefined, completedHere: undefined } as never],
    });
    const same = mergeBundle([locked], bundle("in_progress")).put[0];
    expect(freeze(same, [], uuid, "t")).toBeNull();
    // … one where it moved (completed by someone else, then rejected for correction) lifts it: sent again, once
    const moved = mergeBundle([{ ...locked, status: "completed" }], bundle("rejected")).put[0];
    expect(moved.refusal).toBeUndefined();
    expect(freeze(moved, [], uuid, "t")!.changes.map((c) => c.cell)).toEqual(["sex", "age"]);
    // rule errors (422) and conflicts are not held: their work goes again
    for (const refusal of [
      { status: 422, error: "2 question(s) still need an answer or a correction." },
      { status: 409, error: "changed elsewhere", conflicts: [{ cell: "sex", yours: a("2"), theirs: a("3"), version: 5, by: "S", at: null }] },
    ])
      expect(freeze({ ...i, refusal }, [], uuid, "t")).not.toBeNull();
  });
});
