"use client";
// Signing out: with unsent work on this device the interviewer is warned first (the work stays on
// the device for the next sign-in); with nothing unsent the device's copy is cleared.
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { keptHere, waiting } from "../queue";
import { syncIdle } from "../sync";
import { clearDevice, deviceDb } from "../store";
import type { DeviceInterview } from "../types";

export function SignOutGuard() {
  const t = useTranslations("device");
  useEffect(() => {
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (form.dataset.signOut === undefined || form.dataset.checked) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      void (async () => {
        // A download in flight would write the interviews back after the store is cleared.
        await syncIdle();
        const db = deviceDb();
        const [interviews, outbox] = await Promise.all([db.interviews.toArray(), db.outbox.count()]).catch(() => [[], 0] as [DeviceInterview[], number]);
        const w = waiting(interviews);
        const count = w.answers + w.interviews + keptHere(interviews) || outbox;
        if (count && !window.confirm(t("signOutUnsent", { count }))) return;
        if (!count) await clearDevice().catch(() => undefined);
        form.dataset.checked = "1";
        form.requestSubmit();
      })();
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, [t]);
  return null;
}
