"use client";
// A grid that behaves like a spreadsheet: arrow keys, Enter (down) and Home/End (within the row)
// move between cells; Escape puts back the value the cell had when it was entered; Ctrl+Z undoes
// the grid's last edit or paste; a block pasted from Excel or LibreOffice fills the cells from the
// focused one, a figure, NA, NAP or an empty cell each, and what does not read as one is kept in its
// cell, marked (number-cell.tsx shows the error), never dropped. Tab is the browser's: one stop per
// cell, the NA/NAP boxes being out of the tab order.
//
// It works on the rendered table (rows of <td data-cell>) and sets values through react-hook-form,
// so that sums, messages and the autosave follow as they do for typing.
import { useCallback, useMemo, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import { statusField } from "@/modules/questionnaire/form-values";
import { fieldReader } from "./field-reader";
import { formatNumber, parseClipboardBlock, readCellEntry } from "@/modules/questionnaire/numbers";
import { useReply } from "./reply-context";

type Saved = { key: string; text: unknown; st: unknown };
export type PasteSummary = { count: number; invalid: number; outside: number };

/** The control that stands for a cell: the figure of a number cell, else its first enabled input. */
function controlOf(td: Element | null | undefined): HTMLElement | null {
  if (!td || !(td as HTMLElement).dataset?.cell) return null;
  return td.querySelector<HTMLElement>(".num-input input:enabled, input:enabled:not([type=hidden]), select:enabled, textarea:enabled");
}

function rowsOf(td: HTMLTableCellElement): HTMLCollectionOf<HTMLTableRowElement> | null {
  return (td.closest("tbody") as HTMLTableSectionElement | null)?.rows ?? null;
}

function focusCell(td: Element) {
  const control = controlOf(td);
  if (!control) return false;
  control.focus({ preventScroll: true }); // the form's onFocus brings it into view, no further than needed
  if (control instanceof HTMLInputElement && control.type === "text") control.select();
  return document.activeElement === control;
}

/** The next cell in a direction that can take focus (passing over empty and disabled cells). */
function step(from: HTMLTableCellElement, dRow: number, dCol: number): boolean {
  const rows = rowsOf(from);
  if (!rows) return false;
  let r = (from.parentElement as HTMLTableRowElement).sectionRowIndex;
  let c = from.cellIndex;
  for (;;) {
    r += dRow;
    c += dCol;
    const row = rows[r];
    if (!row || c < 0 || c >= row.cells.length) return false;
    if (controlOf(row.cells[c]) && focusCell(row.cells[c])) return true;
  }
}

function rowEnd(from: HTMLTableCellElement, last: boolean): boolean {
  const cells = [...(from.parentElement as HTMLTableRowElement).cells];
  for (const td of last ? cells.reverse() : cells) if (td !== from && controlOf(td) && focusCell(td)) return true;
  return false;
}

/** Whether the caret may leave a text input to the left (or right): at its edge, or all selected. */
function atEdge(input: HTMLInputElement, toStart: boolean): boolean {
  const { selectionStart: s, selectionEnd: e, value } = input;
  if (s === null || e === null) return true;
  if (s === 0 && e === value.length) return true;
  return s === e && (toStart ? s === 0 : s === value.length);
}

export function useGridKeys() {
  const { control, setValue } = useFormContext();
  const { index, locale, readOnly } = useReply();
  const undo = useRef<Saved[][]>([]);
  /** The cell being edited and its value when it was entered. */
  const entered = useRef<Saved | null>(null);
  const [pasted, setPasted] = useState<PasteSummary | null>(null);

  // Not getValues(key): it copies the whole form's values on every call, twice per pasted cell.
  const value = useMemo(() => fieldReader(control), [control]);
  const read = useCallback((key: string): Saved => ({ key, text: value(key), st: value(statusField(key)) }), [value]);
  const differs = (a: Saved, b: Saved) => a.text !== b.text || (a.st ?? "") !== (b.st ?? "");
  const restore = useCallback(
    (saved: Saved[]) => {
      for (const s of saved) {
        setValue(s.key, s.text, { shouldDirty: true });
        if (s.st !== undefined) setValue(statusField(s.key), s.st, { shouldDirty: true });
      }
    },
    [setValue],
  );

  const onFocus = useCallback(
    (e: React.FocusEvent<HTMLElement>) => {
      const key = (e.target as HTMLElement).closest<HTMLElement>("td[data-cell]")?.dataset.cell;
      if (key && entered.current?.key !== key) entered.current = read(key);
    },
    [read],
  );

  const onBlur = useCallback(
    (e: React.FocusEvent<HTMLElement>) => {
      const td = (e.target as HTMLElement).closest("td[data-cell]");
      if (!td || (e.relatedTarget instanceof Node && td.contains(e.relatedTarget))) return;
      const before = entered.current;
      entered.current = null;
      // The cell's own blur (number-cell.tsx: formatting, NA typed → status) has run: compare what it left.
      if (before && differs(before, read(before.key))) undo.current.push([before]);
    },
    [read],
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLElement>) => {
      const target = e.target as HTMLElement;
      const td = target.closest<HTMLTableCellElement>("td[data-cell]");
      if (!td || e.altKey || e.nativeEvent.isComposing) return;
      const input = target instanceof HTMLInputElement ? target : null;
      const movable = input && (input.type === "text" || input.type === "checkbox");
      const ctrl = e.ctrlKey || e.metaKey;
      const done = (moved: boolean) => {
        if (moved) {
          e.preventDefault();
          e.stopPropagation(); // not the form's Enter = next question
        }
      };
      if (ctrl && !e.shiftKey && e.key.toLowerCase() === "z") {
        if (readOnly) return;
        e.preventDefault();
        const before = entered.current;
        if (before && differs(before, read(before.key))) return restore([before]);
        const last = undo.current.pop();
        if (!last) return;
        restore(last);
        const first = td.closest("tbody")?.querySelector(`td[data-cell="${CSS.escape(last[0].key)}"]`);
        if (first && first !== td) focusCell(first);
        const now = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("td[data-cell]")?.dataset.cell;
        entered.current = now ? read(now) : null;
        return;
      }
      if (ctrl) return;
      switch (e.key) {
        case "Escape": {
          const before = entered.current;
          if (before && differs(before, read(before.key))) {
            e.preventDefault();
            restore([before]);
            if (input?.type === "text") input.select();
          }
          return;
        }
        case "Enter":
          if (target.tagName === "TEXTAREA" || target.tagName === "BUTTON") return;
          return done(step(td, e.shiftKey ? -1 : 1, 0)); // below the last row: the form's Enter, next question
        case "ArrowDown":
        case "ArrowUp":
          if (!movable || e.shiftKey) return;
          return done(step(td, e.key === "ArrowDown" ? 1 : -1, 0));
        case "ArrowLeft":
        case "ArrowRight": {
          if (!movable || e.shiftKey) return;
          const left = e.key === "ArrowLeft";
          if (input.type === "text" && !atEdge(input, left)) return;
          return done(step(td, 0, left ? -1 : 1));
        }
        case "Home":
        case "End": {
          if (!movable || e.shiftKey) return;
          const home = e.key === "Home";
          if (input.type === "text" && !atEdge(input, home)) return;
          return done(rowEnd(td, !home));
        }
      }
    },
    [read, restore, readOnly],
  );

  const numberLocale = typeof navigator === "undefined" ? undefined : navigator.language;
  const onPaste = useCallback(
    (e: React.ClipboardEvent<HTMLElement>) => {
      const input = e.target as HTMLInputElement;
      const start = input.closest<HTMLTableCellElement>("td[data-cell]");
      if (readOnly || !start || !input.matches(".num-input input")) return;
      const block = parseClipboardBlock(e.clipboardData.getData("text/plain"));
      if (!block.length) return;
      const single = block.length === 1 && block[0].length === 1;
      // One value into part of a figure: the browser's own paste, into the text as it stands.
      if (single && input.value && !(input.selectionStart === 0 && input.selectionEnd === input.value.length)) return;
      e.preventDefault();
      const rows = rowsOf(start)!;
      const r0 = (start.parentElement as HTMLTableRowElement).sectionRowIndex;
      const previous: Saved[] = [];
      const summary: PasteSummary = { count: 0, invalid: 0, outside: 0 };
      block.forEach((cells, i) =>
        cells.forEach((raw, j) => {
          const td = rows[r0 + i]?.cells[start.cellIndex + j];
          const key = td?.dataset.cell;
          const info = key ? index.keys.get(key) : undefined;
          if (!key || info?.kind !== "cell" || info.cell.spec.kind !== "number" || !td.querySelector(".num-input input:enabled")) {
            summary.outside++;
            return;
          }
          const entry = readCellEntry(raw, info.cell.spec.number, numberLocale);
          const next =
            entry.kind === "number"
              ? { text: entry.value === null ? "" : formatNumber(entry.value, locale), st: "" }
              : entry.kind === "status"
                ? { text: "", st: entry.status }
                : { text: entry.text, st: "" };
          summary.count++;
          if (entry.kind === "invalid") summary.invalid++;
          const before = td === start && entered.current?.key === key ? entered.current : read(key);
          if (before.text === next.text && (before.st ?? "") === next.st) return;
          previous.push(before);
          setValue(key, next.text, { shouldDirty: true });
          if ((before.st ?? "") !== next.st) setValue(statusField(key), next.st, { shouldDirty: true });
        }),
      );
      if (previous.length) undo.current.push(previous);
      entered.current = read(start.dataset.cell!);
      setPasted(single && !summary.invalid ? null : summary);
      input.select();
    },
    [index, locale, numberLocale, read, readOnly, setValue],
  );

  const handlers = useMemo(() => ({ onFocus, onBlur, onKeyDown, onPaste }), [onFocus, onBlur, onKeyDown, onPaste]);
  return { handlers, pasted };
}
