"use client";
// Focuses the cell a link asked for (?focus=KEY, from the submit check), once the form is usable:
// its controls are disabled until it is hydrated (reply-form.tsx), and focus() on a disabled
// control does nothing.
import { useEffect } from "react";

export function FocusRequestedCell() {
  useEffect(() => {
    const key = new URLSearchParams(window.location.search).get("focus");
    if (!key) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const cell = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
      const control = cell?.querySelector<HTMLElement>("input:enabled:not([type=hidden]), select:enabled, textarea:enabled");
      if (document.body.dataset.formReady === "1" && control) {
        cell!.scrollIntoView({ block: "center" });
        control.focus({ preventScroll: true });
        return;
      }
      if (++tries < 300) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, []);
  return null;
}
