"use client";
// Sessions expire after SESSION_IDLE_MINUTES without use. A session token is only re-issued when
// next-auth's session endpoint is called, so activity on the page (typing, clicking) pings it at
// most once a minute; an idle tab stops pinging and its session runs out.
import { useEffect } from "react";

export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const ping = () => {
      if (Date.now() - last < 60_000) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin" }).catch(() => {});
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    events.forEach((e) => window.addEventListener(e, ping, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, ping));
  }, []);
  return null;
}
