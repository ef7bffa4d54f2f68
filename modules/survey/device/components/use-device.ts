"use client";
// The device store as React state: re-read whenever IndexedDB changes (Dexie's liveQuery sees the
// writes of every tab), and the browser's online/offline state.
import { useEffect, useState } from "react";
import { liveQuery } from "dexie";
import type { Questionnaire } from "@/modules/questionnaire/definition";
import { deviceDb } from "../store";
import type { DeviceInterview } from "../types";

export type DeviceState = {
  interviews: DeviceInterview[];
  questionnaire?: Questionnaire;
  userId?: number;
  lastSync?: string;
  signedOut: boolean;
};

export function useDevice(): DeviceState | null {
  const [state, setState] = useState<DeviceState | null>(null);
  useEffect(() => {
    const db = deviceDb();
    const subscription = liveQuery(async () => {
      const [interviews, meta] = await Promise.all([db.interviews.toArray(), db.meta.toArray()]);
      const m = Object.fromEntries(meta.map((x) => [x.key, x.value])) as Record<string, unknown>;
      return {
        interviews,
        questionnaire: m.questionnaire as Questionnaire | undefined,
        userId: m.userId as number | undefined,
        lastSync: m.lastSync as string | undefined,
        signedOut: m.signedOut === true,
      };
    }).subscribe({ next: setState, error: () => setState({ interviews: [], signedOut: false }) });
    return () => subscription.unsubscribe();
  }, []);
  return state;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}
