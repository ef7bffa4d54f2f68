"use client";
// Records the interview's paradata on the page (modules/survey/paradata.ts): focus and changes in
// the questions of the form, and sends the session's totals with every answer save and the completion.
import { useEffect, useRef } from "react";
import { addToSaves } from "@/modules/questionnaire/components/use-autosave";
import { newRecorder, recordChange, recordFocus, recordLanguage, snapshot, type InterviewLanguage, type Recorder } from "../paradata";

/** A session id from the browser's random source (crypto.randomUUID needs a secure context). */
function sessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The question whose answer (or comment) the event is in; none for the other controls of the page
 *  (a reply to a supervisor's comment is not interviewing). */
const questionOf = (e: Event) =>
  e.target instanceof Element && e.target.closest("fieldset.answer, label.comment")
    ? e.target.closest("section.question[data-question]")?.getAttribute("data-question")
    : null;

export function useParadata(saveUrl: string, language: InterviewLanguage, enabled: boolean) {
  const recorder = useRef<Recorder | null>(null);
  const languageNow = useRef(language);
  languageNow.current = language;
  useEffect(() => {
    if (!enabled) return;
    const r = newRecorder(sessionId(), languageNow.current);
    recorder.current = r;
    const onFocus = (e: FocusEvent) => {
      const q = questionOf(e);
      if (q) recordFocus(r, q, Date.now());
    };
    // "change": once per edit of a text or number (on leaving it), once per choice
    const onChange = (e: Event) => {
      const q = questionOf(e);
      if (q) recordChange(r, q, Date.now());
    };
    document.addEventListener("focusin", onFocus);
    document.addEventListener("change", onChange);
    const remove = addToSaves(saveUrl, () => {
      const s = snapshot(r, Date.now(), navigator.userAgent);
      return s ? { paradata: s } : undefined;
    });
    return () => {
      document.removeEventListener("focusin", onFocus);
      document.removeEventListener("change", onChange);
      remove();
    };
  }, [saveUrl, enabled]);
  useEffect(() => {
    if (recorder.current) recordLanguage(recorder.current, language);
  }, [language]);
}
