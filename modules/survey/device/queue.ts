// The device's queue, as pure functions over what the device stores (store.ts keeps it in IndexedDB,
// sync.ts sends it): which answers and interviews wait, the item frozen for an interview (sent again
// with the same client id until the server answers), what an answer does to the interview on the
// device, and how a fresh download from the server merges with unsent work.
import { sameAnswer, type Answer } from "@/modules/questionnaire/answers";
import type { AnswerChange } from "@/modules/questionnaire/schemas";
import type { DeviceBundle, DeviceInterview, OutboxItem, QueueOutcome, StoredAnswer } from "./types";

/** The answers as the interviewer sees them: the server's, with the changes made here on top. */
export function answersOf(i: DeviceInterview): Record<string, StoredAnswer> {
  const out: Record<string, StoredAnswer> = { ...i.answers };
  for (const [cell, value] of Object.entries(i.local)) {
    if (value === null) delete out[cell];
    else out[cell] = { answer: value, version: i.answers[cell]?.version ?? 0 };
  }
  return out;
}

/** The interviewer may still change it on this device. */
export const editableHere = (i: DeviceInterview) => !i.completedHere && !i.unassigned && ["assigned", "in_progress", "rejected"].includes(i.status);

const repliesOf = (i: DeviceInterview) => Object.keys(i.replies ?? {}).length;

/**
 * A refusal that the same work sent again would get again: not the interviewer's interview, a value
 * the rules refuse, an interview completed or approved meanwhile (anything but a 422, rule errors
 * left, whose answers go again as a save, and a 409 that names conflicting cells, which go again on
 * the other version). Its work is held on the device, shown with the reason and never sent in a
 * loop, until the interviewer changes it (saveHere, completeHere) or the server's copy of the
 * interview moves (mergeBundle).
 */
export const holds = (refusal: DeviceInterview["refusal"]): boolean =>
  !!refusal && refusal.status !== 422 && !(refusal.status === 409 && refusal.conflicts?.length);

/** "N answers / M interviews waiting to be sent" (a reply to a supervisor's comment counts as an answer).
 *  An interview no longer assigned to the interviewer, or whose work was refused (holds), waits for
 *  nothing: its copy is kept with the reason until resolved or discarded (see keptHere). */
export function waiting(interviews: DeviceInterview[]): { answers: number; interviews: number } {
  let answers = 0;
  let completed = 0;
  for (const i of interviews) {
    if (i.unassigned || holds(i.refusal)) continue;
    if (i.completedHere) completed++;
    else answers += Object.keys(i.local).length + repliesOf(i);
  }
  return { answers, interviews: completed };
}

/** Interviews whose work, refused by the server, is kept here (no longer assigned, or held): signing
 *  out would lose it, as it would lose what waits. */
export const keptHere = (interviews: DeviceInterview[]) => interviews.filter((i) => (i.unassigned || holds(i.refusal)) && hasUnsent(i)).length;

export const hasUnsent = (i: DeviceInterview) => i.completedHere || Object.keys(i.local).length > 0 || repliesOf(i) > 0;

/** The queue item for an interview with unsent work and no item on its way yet. */
export function freeze(i: DeviceInterview, pending: OutboxItem[], clientId: () => string, now: string): OutboxItem | null {
  if (pending.some((p) => p.id === i.id) || !hasUnsent(i) || i.unassigned || holds(i.refusal)) return null;
  const changes: AnswerChange[] = Object.entries(i.local).map(([cell, value]) => ({ cell, value, baseVersion: i.answers[cell]?.version ?? 0 }));
  const replies = Object.entries(i.replies ?? {}).map(([comment, text]) => ({ comment: Number(comment), text }));
  return { clientId: clientId(), id: i.id, changes, ...(replies.length ? { replies } : {}), complete: i.completedHere, createdAt: now };
}

/** Whether an outcome is final for its item (else the item is sent again later, same client id). */
export const settles = (o: QueueOutcome) => o.ok || o.status !== 500;

/** The interview on the device once the server answered its item. Changes made here after the item
 *  was frozen stay unsent; what the server refused stays here with the reason until resolved. */
export function settle(i: DeviceInterview, item: OutboxItem, outcome: QueueOutcome): DeviceInterview {
  const next: DeviceInterview = { ...i, local: { ...i.local }, answers: { ...i.answers } };
  const sent = new Map(item.changes.map((c) => [c.cell, c.value]));
  const stored = (cell: string, value: Answer | null, version: number) => {
    if (value === null) delete next.answers[cell];
    else next.answers[cell] = { answer: value, version };
    if (cell in next.local && sameAnswer(next.local[cell], value)) delete next.local[cell];
  };
  if (outcome.ok) {
    // Replies sent: the server's copy has them; one changed here since stays unsent.
    for (const r of item.replies ?? []) {
      const c = next.comments.findIndex((x) => x.id === r.comment);
      if (c >= 0) next.comments = next.comments.map((x, k) => (k === c ? { ...x, reply: r.text } : x));
      if (next.replies?.[r.comment] === r.text) {
        const { [r.comment]: _sent, ...rest } = next.replies;
        next.replies = rest;
      }
    }
    const versions = new Map(outcome.status === "saved" ? outcome.versions.map((v) => [v.cell, v.version]) : []);
    for (const [cell, value] of sent) stored(cell, value, versions.get(cell) ?? (i.answers[cell]?.version ?? 0) + 1);
    delete next.refusal;
    if (outcome.status === "completed") {
      next.status = "completed";
      next.completedHere = false;
    } else if (next.status === "assigned") next.status = "in_progress";
    return next;
  }
  const { ok: _ok, id: _id, clientId: _c, duplicate: _d, ...refusal } = outcome;
  next.refusal = refusal;
  next.completedHere = false;
  // Cells someone else changed: their version becomes the base, so that sending again keeps mine.
  for (const c of outcome.conflicts ?? []) {
    if (c.theirs) next.answers[c.cell] = { answer: c.theirs, version: c.version };
    else delete next.answers[c.cell];
  }
  return next;
}

/** The device's interviews after a download: the server's copy replaces the stored one, unsent work
 *  and refusals stay; interviews no longer assigned are dropped unless they hold unsent work. */
export function mergeBundle(device: DeviceInterview[], bundle: DeviceBundle): { put: DeviceInterview[]; remove: number[] } {
  const mine = new Map(device.map((i) => [i.id, i]));
  const put: DeviceInterview[] = bundle.interviews.map((s) => {
    const here = mine.get(s.id);
    mine.delete(s.id);
    return {
      ...s,
      local: here?.local ?? {},
      completedHere: here?.completedHere ?? false,
      ...(here?.replies ? { replies: here.replies } : {}),
      // A held refusal is lifted once the server's copy has moved (reassigned back, rejected for
      // correction …): the work is then sent again, once.
      ...(here?.refusal && !(holds(here.refusal) && s.status !== here.status) ? { refusal: here.refusal } : {}),
    };
  });
  const remove: number[] = [];
  for (const i of mine.values()) {
    if (hasUnsent(i) || i.refusal) put.push({ ...i, unassigned: true });
    else remove.push(i.id);
  }
  return { put, remove };
}
