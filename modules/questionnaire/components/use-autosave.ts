"use client";
// Autosave: every change reaches the server within about a second; failures are retried with
// back-off and never dropped; a change to a cell someone else changed meanwhile comes back as a
// conflict with both values instead of overwriting theirs.
import { forgetSource, sourceOf } from "./value-source";
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { QuestionnaireIndex } from "@/modules/questionnaire/cells";
import { sameAnswer, type Answer } from "@/modules/questionnaire/answers";
import { fromFormValues, keyOfField } from "@/modules/questionnaire/form-values";
import { useRefusal } from "@/lib/i18n/use-refusal";
import { fieldReader } from "./field-reader";
import { hubOf } from "./field-hub";
import type { AnswerChange, Conflict, SaveAnswersResponse } from "@/modules/questionnaire/schemas";

export type SaveState = "idle" | "pending" | "saving" | "saved" | "failed" | "conflict";

const DEBOUNCE_MS = 600;
const MAX_WAIT_MS = 1500;

/** The mounted forms' ways to save what is still pending (see settleAutosaves). */
const settlers = new Set<() => Promise<boolean>>();

/** Saves at once whatever the page's forms still hold unsaved and resolves true when all of it is
 *  stored; false when something could not be saved (the form shows why). An action that acts on the
 *  stored answers (completing an interview) calls it first, so that the last figure typed is in. */
export async function settleAutosaves(): Promise<boolean> {
  const results = await Promise.all([...settlers].map((settle) => settle()));
  return results.every(Boolean);
}

/** What a feature adds to the body of the saves to a URL (the survey's paradata), by save URL. */
const saveExtras = new Map<string, () => Record<string, unknown> | undefined>();

/** Adds `extra()`'s fields to every save sent to `url` (and to what reads saveExtrasFor); returns the removal. */
export function addToSaves(url: string, extra: () => Record<string, unknown> | undefined): () => void {
  saveExtras.set(url, extra);
  return () => {
    if (saveExtras.get(url) === extra) saveExtras.delete(url);
  };
}

export const saveExtrasFor = (url: string): Record<string, unknown> => saveExtras.get(url)?.() ?? {};

export function useAutosave(opts: {
  form: UseFormReturn;
  index: QuestionnaireIndex;
  url: string;
  initial: Record<string, { answer: Answer; version: number }>;
  invalid: Set<string>;
  enabled: boolean;
  onSaved?: () => void;
  /** Where the changes go instead of the server (an interviewer's device store, offline). */
  fetcher?: typeof fetch;
}) {
  const { form, index, url, invalid, enabled } = opts;
  // Built once: useRef(new Map(…)) evaluated its argument on every render of the form (two maps of
  // ~1 600 entries, several times per save while the user types).
  const [initialVersions] = useState(() => new Map(Object.entries(opts.initial).map(([k, v]) => [k, v.version])));
  const [initialSaved] = useState(() => new Map(Object.entries(opts.initial).map(([k, v]) => [k, v.answer])));
  const versions = useRef(initialVersions);
  const lastSaved = useRef(initialSaved);
  const dirty = useRef(new Set<string>());
  /** Cells whose save met someone else's change and waits for the user's choice. */
  const unresolved = useRef(new Set<string>());
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstDirtyAt = useRef<number | null>(null);
  const failures = useRef(0);
  const [state, setState] = useState<SaveState>("idle");
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [error, setError] = useState<string | null>(null);
  const onSaved = useRef(opts.onSaved);
  onSaved.current = opts.onSaved;
  const wording = useRefusal();
  const wordingRef = useRef(wording);
  wordingRef.current = wording;

  const flush = useCallback(async () => {
    timer.current = null;
    if (inFlight.current) return schedule(DEBOUNCE_MS);
    const changes: AnswerChange[] = [];
    for (const key of dirty.current) {
      const info = index.keys.get(key);
      if (!info || invalid.has(key)) continue; // an invalid figure stays unsaved until fixed
      const answer = fromFormValues(info, fieldReader(form.control), key);
      if (answer === "invalid") continue;
      if (sameAnswer(lastSaved.current.get(key), answer)) continue;
      const source = sourceOf(form.control, key, answer.num);
      changes.push({ cell: key, value: answer, baseVersion: versions.current.get(key) ?? 0, ...(source ? { source } : {}) });
    }
    const sent = new Set(changes.map((c) => c.cell));
    for (const key of [...dirty.current]) if (!sent.has(key) && !invalid.has(key)) dirty.current.delete(key);
    firstDirtyAt.current = null;
    if (!changes.length) {
      setState((s) => (s === "pending" || s === "saving" ? "saved" : s));
      return;
    }
    inFlight.current = true;
    let refused = false;
    setState("saving");
    for (const c of changes) dirty.current.delete(c.cell);
    try {
      const response = await (opts.fetcher ?? fetch)(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...saveExtrasFor(url), changes }),
      });
      const body = response.status === 200 || response.status === 409 ? ((await response.json().catch(() => ({}))) as Partial<SaveAnswersResponse>) : null;
      if (body && Array.isArray(body.saved) && Array.isArray(body.conflicts)) {
        const byCell = new Map(changes.map((c) => [c.cell, c.value]));
        for (const s of body.saved) {
          forgetSource(form.control, s.cell);
          versions.current.set(s.cell, s.version);
          lastSaved.current.set(s.cell, byCell.get(s.cell) ?? { num: null, text: null, status: null });
        }
        failures.current = 0;
        setError(null);
        if (body.conflicts.length) {
          const conflicts = body.conflicts;
          for (const c of conflicts) unresolved.current.add(c.cell);
          setConflicts((old) => [...old.filter((o) => !conflicts.some((c) => c.cell === o.cell)), ...conflicts]);
          setState("conflict");
        } else setState(dirty.current.size ? "pending" : "saved");
        onSaved.current?.();
      } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        // Refused for a reason retrying cannot fix (signed out, no longer allowed, a report submitted
        // meanwhile: a 409 without the save's answer).
        const refusal = body ?? (await response.json().catch(() => ({})));
        for (const c of changes) dirty.current.add(c.cell);
        refused = true; // sent again with the next change, not on a timer
        setError(wordingRef.current(refusal, response.status));
        setState("failed");
      } else throw new Error(`HTTP ${response.status}`);
    } catch {
      for (const c of changes) dirty.current.add(c.cell);
      failures.current++;
      setState("failed");
      schedule(Math.min(30_000, 1000 * 2 ** failures.current));
    } finally {
      inFlight.current = false;
    }
    if (dirty.current.size && failures.current === 0 && !refused) schedule(DEBOUNCE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, index, url, invalid]);

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    const now = Date.now();
    firstDirtyAt.current ??= now;
    const wait = Math.max(0, Math.min(delay, firstDirtyAt.current + MAX_WAIT_MS - now));
    timer.current = setTimeout(() => void flushRef.current(), wait);
  }, []);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const markDirty = useCallback(
    (key: string) => {
      dirty.current.add(key);
      setState((s) => (s === "conflict" ? s : "pending"));
      schedule(DEBOUNCE_MS);
    },
    [schedule],
  );

  // Every change of a field's value marks its cell dirty: the same changes form.watch(callback)
  // reported, without the copy of the whole form's values it made for its callback on each one.
  useEffect(() => {
    if (!enabled) return;
    return hubOf(form.control).onValueChange((name) => markDirty(keyOfField(name)));
  }, [form, enabled, markDirty]);

  useEffect(() => {
    if (!enabled) return;
    // Waits for a save in flight, sends what is still pending once, and tells whether all of it is in.
    const run = async () => {
      let sent = false;
      for (;;) {
        while (inFlight.current) await new Promise((r) => setTimeout(r, 20));
        if ([...dirty.current].some((k) => invalid.has(k))) return false; // a figure to correct first
        if (unresolved.current.size) return false; // the stored figure is not the one on the screen
        if (!dirty.current.size) return true;
        if (sent) return false; // sent and back as pending: refused or failed (the form says why)
        sent = true;
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        await flushRef.current();
      }
    };
    settlers.add(run);
    return () => void settlers.delete(run);
  }, [enabled, invalid]);

  // Leaving with unsaved input warns.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size || inFlight.current) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  /** Take the other person's value. */
  const acceptTheirs = useCallback((c: Conflict) => {
    unresolved.current.delete(c.cell);
    versions.current.set(c.cell, c.version);
    lastSaved.current.set(c.cell, c.theirs ?? { num: null, text: null, status: null });
    setConflicts((old) => old.filter((o) => o.cell !== c.cell));
    return c.theirs;
  }, []);
  /** Keep mine: save again on top of their version. */
  const keepMine = useCallback(
    (c: Conflict) => {
      unresolved.current.delete(c.cell);
      versions.current.set(c.cell, c.version);
      setConflicts((old) => old.filter((o) => o.cell !== c.cell));
      markDirty(c.cell);
    },
    [markDirty],
  );

  return { state, error, conflicts, acceptTheirs, keepMine, flushNow: () => void flushRef.current() };
}
