"use client";
// Sending the device's queue: on reconnection, on demand ("Send now") and after work is done here.
// Each interview's unsent work is frozen into an item with a client id (queue.ts) and sent through
// POST /api/survey/interviews/submit; an item stays on the device until the server answered it (a
// retry after a lost answer gets the first outcome back: the server applies a client id once). One
// sync at a time across the tabs (Web Locks). Then the assignments are downloaded again.
import { freeze, hasUnsent, mergeBundle, settle, settles } from "./queue";
import { clearDevice, deviceDb, readMeta, writeMeta } from "./store";
import type { DeviceBundle, OutboxItem, QueueOutcome } from "./types";

export type SyncResult = "done" | "offline" | "signedOut" | "failed" | "otherUser";

/** Items per request (the endpoint takes up to 200). */
const BATCH = 50;

let running: Promise<SyncResult> | null = null;
const listeners = new Set<(r: SyncResult | "running") => void>();
export const onSync = (f: (r: SyncResult | "running") => void) => (listeners.add(f), () => void listeners.delete(f));

/** The signed-in interviewer, as the page was rendered for: another interviewer's queue on this
 *  device is never sent under this session (the server would refuse it as not theirs). */
let sessionUser: number | undefined;

export function syncNow(userId?: number): Promise<SyncResult> {
  if (userId !== undefined) sessionUser = userId;
  if (!running) {
    listeners.forEach((f) => f("running"));
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    const work = (locks ? locks.request("survey-device-sync", sendAndRefresh) : sendAndRefresh()) as Promise<SyncResult>;
    running = work
      .catch(() => "failed" as const)
      .then((r) => {
        running = null;
        listeners.forEach((f) => f(r));
        return r;
      });
  }
  return running;
}

/** Resolves once no sync is running in this tab (sign-out clears the store only after it). */
export const syncIdle = (): Promise<unknown> => running ?? Promise.resolve();

const wire = ({ clientId, id, changes, replies, complete, paradata }: OutboxItem) => ({
  clientId,
  id,
  complete,
  ...(changes.length ? { changes } : {}),
  ...(replies?.length ? { replies } : {}),
  ...(paradata ? { paradata } : {}),
});

async function sendAndRefresh(): Promise<SyncResult> {
  const db = deviceDb();
  const owner = await readMeta("userId");
  if (owner !== undefined && sessionUser !== undefined && owner !== sessionUser) {
    if ((await db.interviews.toArray()).some(hasUnsent) || (await db.outbox.count())) return "otherUser";
  }
  for (let round = 0; round < 5; round++) {
    await db.transaction("rw", db.interviews, db.outbox, async () => {
      const pending = await db.outbox.toArray();
      const now = new Date().toISOString();
      for (const i of await db.interviews.toArray()) {
        const item = freeze(i, pending, () => crypto.randomUUID(), now);
        if (item) {
          await db.outbox.add(item);
          pending.push(item);
        }
      }
    });
    const items = await db.outbox.toArray();
    if (!items.length) break;
    for (let start = 0; start < items.length; start += BATCH) {
      const batch = items.slice(start, start + BATCH);
      let response: Response;
      try {
        response = await fetch("/api/survey/interviews/submit", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ interviews: batch.map(wire) }),
        });
      } catch {
        return "offline";
      }
      if (response.status === 401) {
        await writeMeta({ key: "signedOut", value: true });
        return "signedOut";
      }
      const body = response.ok ? ((await response.json().catch(() => null)) as { results?: QueueOutcome[] } | null) : null;
      if (!body?.results) return "failed";
      const byClient = new Map(batch.map((b) => [b.clientId, b]));
      await db.transaction("rw", db.interviews, db.outbox, async () => {
        for (const outcome of body.results!) {
          const item = outcome.clientId ? byClient.get(outcome.clientId) : undefined;
          if (!item || !settles(outcome)) continue;
          const i = await db.interviews.get(item.id);
          if (i) await db.interviews.put(settle(i, item, outcome));
          await db.outbox.delete(item.clientId);
        }
      });
    }
  }
  return refresh();
}

/** Downloads the assignments and the questionnaire and merges them with the work on the device. */
export async function refresh(): Promise<SyncResult> {
  let response: Response;
  try {
    response = await fetch("/api/survey/device");
  } catch {
    return "offline";
  }
  if (response.status === 401) {
    await writeMeta({ key: "signedOut", value: true });
    return "signedOut";
  }
  if (!response.ok) return "failed";
  const bundle = (await response.json()) as DeviceBundle;
  const db = deviceDb();
  const owner = await readMeta("userId");
  if (owner !== undefined && owner !== bundle.userId) {
    // Another interviewer's unsent work is never sent under this session, nor dropped.
    if ((await db.interviews.toArray()).some(hasUnsent) || (await db.outbox.count())) return "otherUser";
    await clearDevice();
  }
  await db.transaction("rw", db.interviews, db.outbox, db.meta, async () => {
    const { put, remove } = mergeBundle(await db.interviews.toArray(), bundle);
    await db.interviews.bulkDelete(remove);
    await db.interviews.bulkPut(put);
    await db.meta.bulkPut([
      { key: "userId", value: bundle.userId },
      { key: "questionnaire", value: bundle.questionnaire },
      { key: "lastSync", value: bundle.at },
      { key: "signedOut", value: false },
    ]);
  });
  return "done";
}
