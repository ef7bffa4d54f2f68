// Re-renders a component when the form fields it names change, like react-hook-form's useWatch but
// with a lookup by name instead of a scan of every watcher.
//
// Why: useWatch subscribes each watcher to the form's one state subject, and every change walks
// all of them (~1 000 in a chapter: the NA/NAP field of each number cell, its previous value, the
// sums, messages and conditions), and each watcher that matches copies the whole form's values
// ({ ..._formValues }, ~1 000 fields). The autosave's form.watch(callback) copied them once more.
// That was ~2 ms of every keystroke. Here one subscriber to the same subject dispatches by name.
//
// Semantics kept from useWatch (as of react-hook-form 7.66, when the hub replaced it): a change of field N notifies the watchers of
// N, of any name N starts with, and of any name that starts with N (react-hook-form matches names
// by prefix); a change without a name (a reset) notifies every watcher. A single-field watcher
// returns the field's value and re-renders only when it differs; a several-field watcher re-renders
// on every notification (useWatch returned a new array each time).
//
// It reads react-hook-form's control._subjects and control._formValues, as field-reader.ts does
// (react-hook-form's version is pinned in package.json).
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { Control, FieldValues } from "react-hook-form";

type Payload = { name?: string; values?: unknown; type?: string };
type Listener = () => void;
type InternalControl = Control<FieldValues> & {
  _subjects: { state: { subscribe: (o: { next: (p: Payload) => void }) => { unsubscribe: () => void } } };
  _formValues: Record<string, unknown>;
};

export type FieldHub = {
  /** Calls `listener` when any of `names` may have changed (every change when `names` is null). Returns the unsubscribe. */
  subscribe(names: readonly string[] | null, listener: Listener): () => void;
  /** A number that moves when any of `names` (any field when null) may have changed. */
  version(names: readonly string[] | null): number;
  /** Calls `listener(name)` for every change of a field's value (the autosave's dirty cells), as form.watch(callback) did. */
  onValueChange(listener: (name: string) => void): () => void;
  /** The field's value now. */
  value(name: string): unknown;
};

const hubs = new WeakMap<object, FieldHub>();

/** The hub of a form (one per react-hook-form control). */
export function hubOf(control: Control<FieldValues>): FieldHub {
  let hub = hubs.get(control);
  if (!hub) {
    hub = createFieldHub(control as InternalControl);
    hubs.set(control, hub);
  }
  return hub;
}

function createFieldHub(control: InternalControl): FieldHub {
  const subject = control._subjects?.state;
  if (typeof subject?.subscribe !== "function") throw new Error("field-hub: react-hook-form's control._subjects.state is missing (version changed?)");
  const byName = new Map<string, Set<Listener>>();
  /** For each proper prefix of a watched name, the watched names that extend it. */
  const extending = new Map<string, Map<string, number>>();
  const everything = new Set<Listener>();
  /** Watchers of no field (useWatch with an empty list): told only of changes without a name. */
  const namelessOnly = new Set<Listener>();
  const valueListeners = new Set<(name: string) => void>();
  const changedAt = new Map<string, number>();
  let tick = 0;
  let allAt = 0;
  let subscription: { unsubscribe: () => void } | null = null;
  let listeners = 0;

  const notifyName = (name: string, seen: Set<Listener>) => {
    const set = byName.get(name);
    if (!set) return;
    changedAt.set(name, tick);
    for (const l of set)
      if (!seen.has(l)) {
        seen.add(l);
        l();
      }
  };
  const next = (payload: Payload) => {
    const name = payload.name;
    tick++;
    // A value change: setValue's notice carries `values`; a typed one (onChange) carries the event's
    // `type`, and its `values` only when some subscriber asks for values (react-hook-form ≥ 7.6x
    // leaves the copy out otherwise). A blur, an error or a dirty flag carries neither.
    if (name && ("values" in payload || "type" in payload)) for (const l of [...valueListeners]) l(name);
    if (!name) {
      allAt = tick;
      const all = new Set<Listener>([...everything, ...namelessOnly]);
      for (const set of byName.values()) for (const l of set) all.add(l);
      for (const l of all) l();
      return;
    }
    const seen = new Set<Listener>();
    for (const l of [...everything]) {
      seen.add(l);
      l();
    }
    for (let i = 1; i <= name.length; i++) notifyName(name.slice(0, i), seen); // watched names N starts with (and N)
    const longer = extending.get(name); // watched names that start with N
    if (longer) for (const n of [...longer.keys()]) notifyName(n, seen);
  };
  const retain = () => {
    if (listeners++ === 0) subscription = subject.subscribe({ next });
  };
  const release = () => {
    if (--listeners === 0) {
      subscription?.unsubscribe();
      subscription = null;
    }
  };
  const add = (name: string, l: Listener) => {
    let set = byName.get(name);
    if (!set) {
      byName.set(name, (set = new Set()));
      for (let i = 1; i < name.length; i++) {
        const p = name.slice(0, i);
        let m = extending.get(p);
        if (!m) extending.set(p, (m = new Map()));
        m.set(name, (m.get(name) ?? 0) + 1);
      }
    }
    set.add(l);
  };
  const remove = (name: string, l: Listener) => {
    const set = byName.get(name);
    if (!set) return;
    set.delete(l);
    if (set.size) return;
    byName.delete(name);
    for (let i = 1; i < name.length; i++) extending.get(name.slice(0, i))?.delete(name);
  };

  return {
    subscribe(names, listener) {
      retain();
      if (names === null) everything.add(listener);
      else if (!names.length) namelessOnly.add(listener);
      else for (const n of names) add(n, listener);
      return () => {
        if (names === null) everything.delete(listener);
        else if (!names.length) namelessOnly.delete(listener);
        else for (const n of names) remove(n, listener);
        release();
      };
    },
    version(names) {
      if (names === null) return tick;
      let v = allAt;
      for (const n of names) {
        const at = changedAt.get(n);
        if (at !== undefined && at > v) v = at;
      }
      return v;
    },
    onValueChange(listener) {
      retain();
      valueListeners.add(listener);
      return () => {
        valueListeners.delete(listener);
        release();
      };
    },
    value: (name) => control._formValues[name],
  };
}

// Displays derived from what is typed (Σ totals, rule messages, indicators, variations) may follow
// the keystroke by one frame: the frame that shows the typed digit then carries only the input, and
// the derived updates (their scripts, and the layout and paint of a large grid) come in the next.
// A typist sees the digit at once and the totals a frame later; the total work is the same.
const pendingAfterPaint = new Set<Listener>();
let afterPaintScheduled = false;

function flushAfterPaint() {
  afterPaintScheduled = false;
  const due = [...pendingAfterPaint];
  pendingAfterPaint.clear();
  for (const l of due) l();
}

/** `listener`, called once after the next frame is painted however many changes come before it. */
export function afterNextPaint(listener: Listener): Listener {
  return () => {
    pendingAfterPaint.add(listener);
    if (afterPaintScheduled) return;
    afterPaintScheduled = true;
    // requestAnimationFrame runs just before the frame; the task it queues runs after it.
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(flushAfterPaint, 0));
    else setTimeout(flushAfterPaint, 0);
  };
}

/** Re-render when any of `names` changes (any field when null). `names` should be memoised.
 *  `afterPaint`: for displays derived from the fields, re-render after the next frame (see above). */
export function useFieldsChange(control: Control<FieldValues>, names: readonly string[] | null, options?: { afterPaint?: boolean }): void {
  const hub = hubOf(control);
  const afterPaint = options?.afterPaint ?? false;
  const subscribe = useCallback((cb: Listener) => hub.subscribe(names, afterPaint ? afterNextPaint(cb) : cb), [hub, names, afterPaint]);
  const snapshot = useCallback(() => hub.version(names), [hub, names]);
  useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** A field's value, re-rendering when it changes. */
export function useFieldValue(control: Control<FieldValues>, name: string): unknown {
  const hub = hubOf(control);
  const names = useMemo(() => [name], [name]);
  const subscribe = useCallback((cb: Listener) => hub.subscribe(names, cb), [hub, names]);
  const snapshot = useCallback(() => hub.value(name), [hub, name]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
