// Where a value in the form came from when it was not typed: a feature's "copy" button marks the
// cell with its source before setting the value; the autosave sends the source with the change as
// long as the cell still holds that value, and the server records it in the cell's history.
import type { Control, FieldValues } from "react-hook-form";

type Marked = { source: string; num: number };
const sources = new WeakMap<object, Map<string, Marked>>();

export function markSource(control: Control<FieldValues>, cell: string, source: string, num: number): void {
  let m = sources.get(control);
  if (!m) sources.set(control, (m = new Map()));
  m.set(cell, { source, num });
}

/** The source of a cell's value if the value is still the one copied; forgets it otherwise. */
export function sourceOf(control: Control<FieldValues>, cell: string, num: number | null): string | undefined {
  const m = sources.get(control);
  const marked = m?.get(cell);
  if (!marked) return undefined;
  if (marked.num !== num) {
    m!.delete(cell);
    return undefined;
  }
  return marked.source;
}

/** Once saved, the mark is spent: a later edit is typed. */
export function forgetSource(control: Control<FieldValues>, cell: string): void {
  sources.get(control)?.delete(cell);
}
