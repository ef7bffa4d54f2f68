"use client";
// The interviewer's sync bar, on the survey pages and the device's own pages: what waits to be sent,
// the last sync, "Send now"; it sends on reconnection and shortly after work is done here, and keeps
// the device's copy (and the offline page in the service worker's cache) up to date while online.
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import { waiting } from "../queue";
import { onSync, refresh, syncNow, type SyncResult } from "../sync";
import { useDevice, useOnline } from "./use-device";

/** The page the service worker answers with for the survey's pages when the network is gone. */
export const OFFLINE_SHELL = "/survey/device";
const SHELL_CACHE = "survey-device-shell";

/** Installs the service worker and keeps the offline page as this interviewer last had it. */
async function prepareOffline() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  await navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  try {
    const response = await fetch(OFFLINE_SHELL, { credentials: "same-origin" });
    if (response.ok && !response.redirected && new URL(response.url).pathname === OFFLINE_SHELL) {
      await (await caches.open(SHELL_CACHE)).put(OFFLINE_SHELL, response);
    }
  } catch {
    // offline: the cached copy stays
  }
}

export function DeviceStatus({ userId, prepare = true }: { userId: number; prepare?: boolean }) {
  const t = useTranslations("device");
  const locale = useLocale();
  const device = useDevice();
  const online = useOnline();
  const [sync, setSync] = useState<SyncResult | "running" | null>(null);
  useEffect(() => onSync(setSync), []);

  // On load (online): send what waits, then download; the offline page is cached once per load.
  useEffect(() => {
    if (navigator.onLine) void syncNow(userId).then((r) => (r === "done" || r === "otherUser" ? undefined : refresh()));
    if (prepare) void prepareOffline();
  }, [prepare, userId]);
  useEffect(() => {
    const back = () => void syncNow(userId);
    window.addEventListener("online", back);
    return () => window.removeEventListener("online", back);
  }, [userId]);

  const counts = device ? waiting(device.interviews) : { answers: 0, interviews: 0 };
  const pending = counts.answers + counts.interviews;
  // Work done here goes out a few seconds later while online (a completion at once).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!pending || !online || device?.signedOut) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void syncNow(userId), counts.interviews ? 200 : 3000);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [pending, counts.answers, counts.interviews, online, device?.signedOut, userId]);

  // A sync cut off (network gone mid-way, server busy) is tried again while work waits.
  useEffect(() => {
    if ((sync !== "offline" && sync !== "failed") || !pending || !online) return;
    const retry = setTimeout(() => void syncNow(userId), 5000);
    return () => clearTimeout(retry);
  }, [sync, pending, online, userId]);

  return (
    <div className="card device-status" data-testid="device-status" role="status">
      {!online && <strong>{t("offline")} · </strong>}
      <span data-testid="device-waiting">{t("waiting", counts)}</span>
      {" · "}
      <span data-testid="device-last-sync">{device?.lastSync ? t("lastSync", { time: formatDateTime(device.lastSync, locale) }) : t("neverSynced")}</span>{" "}
      <button type="button" className="secondary" disabled={!online || sync === "running"} onClick={() => void syncNow(userId)}>
        {sync === "running" ? t("sending") : t("sendNow")}
      </button>
      {(device?.signedOut || sync === "signedOut") && (
        <p className="alert error" data-testid="device-signed-out">
          {t("signInAgain")} <a href={`/login?callbackUrl=${encodeURIComponent(OFFLINE_SHELL)}`}>{t("signInLink")}</a>
        </p>
      )}
      {sync === "otherUser" && <p className="alert error">{t("otherUser")}</p>}
      {sync === "failed" && <p className="alert error">{t("failed")}</p>}
    </div>
  );
}
