"use client";
// The device store (IndexedDB through Dexie): the questionnaire, the interviewer's interviews with the
// changes made here, the queue items on their way, and a few facts (whose data it is, the last sync).
// It survives reloads and closing the browser; it is cleared on sign-out once nothing is unsent.
import Dexie, { type Table } from "dexie";
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { AnswerChange } from "@/modules/questionnaire/schemas";
import type { DeviceInterview, OutboxItem } from "./types";

type Meta =
  | { key: "userId"; value: number }
  | { key: "questionnaire"; value: Questionnaire }
  | { key: "lastSync"; value: string }
  /** The last sync was refused for want of a session: the interviewer must sign in again. */
  | { key: "signedOut"; value: boolean };

class DeviceDb extends Dexie {
  interviews!: Table<DeviceInterview, number>;
  outbox!: Table<OutboxItem, string>;
  meta!: Table<Meta, string>;
  constructor() {
    super("justice-stats-device");
    this.version(1).stores({ interviews: "id", outbox: "clientId, id", meta: "key" });
  }
}

let instance: DeviceDb | null = null;
export const deviceDb = () => (instance ??= new DeviceDb());

type MetaValue<K extends Meta["key"]> = Extract<Meta, { key: K }>["value"];
export async function readMeta<K extends Meta["key"]>(key: K): Promise<MetaValue<K> | undefined> {
  const row = (await deviceDb().meta.get(key)) as { value: MetaValue<K> } | undefined;
  return row?.value;
}
export const writeMeta = (meta: Meta) => deviceDb().meta.put(meta);

/** The form's autosave on the device: the changes go into the interview's unsent cells (a refusal
 *  held for the previous work no longer holds: this is new work, to be sent). */
export async function saveHere(id: number, changes: AnswerChange[]): Promise<boolean> {
  const db = deviceDb();
  return db.transaction("rw", db.interviews, async () => {
    const i = await db.interviews.get(id);
    if (!i) return false;
    const local = { ...i.local };
    for (const c of changes) local[c.cell] = c.value;
    await db.interviews.put({ ...i, local, refusal: undefined });
    return true;
  });
}

export async function completeHere(id: number): Promise<void> {
  const db = deviceDb();
  await db.transaction("rw", db.interviews, async () => {
    const i = await db.interviews.get(id);
    if (i) await db.interviews.put({ ...i, completedHere: true, refusal: undefined });
  });
}

/** Everything off the device (sign-out once sent, or another interviewer's data). */
export async function clearDevice(): Promise<void> {
  const db = deviceDb();
  await db.transaction("rw", db.interviews, db.outbox, db.meta, async () => {
    await Promise.all([db.interviews.clear(), db.outbox.clear(), db.meta.clear()]);
  });
}

/** The interviewer discards the device's copy of an interview no longer assigned to them (after
 *  confirming): the interview, its unsent work and any queue item of it. */
export async function discardHere(id: number): Promise<void> {
  const db = deviceDb();
  await db.transaction("rw", db.interviews, db.outbox, async () => {
    // Only a copy the server no longer lists as this interviewer's: an assigned interview is never discarded here.
    if (!(await db.interviews.get(id))?.unassigned) return;
    await db.interviews.delete(id);
    await db.outbox.where("id").equals(id).delete();
  });
}

/** A reply to a supervisor's comment written on the device: sent with the interview's next queue item. */
export async function replyHere(id: number, comment: number, text: string): Promise<boolean> {
  const db = deviceDb();
  return db.transaction("rw", db.interviews, async () => {
    const i = await db.interviews.get(id);
    if (!i) return false;
    await db.interviews.put({ ...i, replies: { ...i.replies, [comment]: text } });
    return true;
  });
}
