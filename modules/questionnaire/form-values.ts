// Between stored answers and the form's (react-hook-form, uncontrolled) field values.
// Field names are storage keys; a number cell has a second field `${key}~st` for NA/NAP.
//   number → typed text ("110 346 857") + status ("" | "NA" | "NAP")
//   choice → option id or "";  multi → option ids;  check → boolean;  texts → string
import type { KeyInfo } from "./cells";
import { EMPTY, multiIds, num, status, text, type Answer } from "./answers";
import { formatNumber, parseNumber, type ParsedNumber } from "./numbers";
import type { NumberSpec } from "./definition";

export const statusField = (key: string) => `${key}~st`;
/** The storage key a form field belongs to. */
export const keyOfField = (field: string) => (field.endsWith("~st") ? field.slice(0, -3) : field);

export type FormValues = Record<string, string | string[] | boolean>;

export function toFormValues(info: KeyInfo, answer: Answer | undefined, into: FormValues, key: string, locale = "en") {
  const a = answer ?? EMPTY;
  if (info.kind === "cell") {
    switch (info.cell.spec.kind) {
      case "number":
        into[key] = a.num !== null ? formatNumber(a.num, locale) : "";
        into[statusField(key)] = a.status ?? "";
        return;
      case "choice":
        into[key] = a.text ?? "";
        return;
      case "multi":
        into[key] = multiIds(a);
        return;
      case "check":
        into[key] = a.num === 1;
        return;
      case "text":
      case "date":
        into[key] = a.text ?? "";
        return;
    }
  }
  if (info.kind === "questionStatus") into[key] = a.status ?? "";
  else into[key] = a.text ?? "";
}

/** The answer a key's fields hold now; "invalid" for a number that does not parse. */
// The form reads every number cell of a question (its rules, sums, indicators) on each keystroke,
// and the texts hardly change between two reads: parse each distinct text once per number spec.
// Results are shared (never modified by callers); the cache is emptied when it grows large.
const parsedCache = new WeakMap<NumberSpec, Map<string, ParsedNumber>>();
function parseCached(input: string, spec: NumberSpec): ParsedNumber {
  let cache = parsedCache.get(spec);
  if (!cache) parsedCache.set(spec, (cache = new Map()));
  let parsed = cache.get(input);
  if (!parsed) {
    if (cache.size >= 5000) cache.clear();
    parsed = parseNumber(input, spec);
    cache.set(input, parsed);
  }
  return parsed;
}

export function fromFormValues(info: KeyInfo, get: (field: string) => unknown, key: string): Answer | "invalid" {
  const value = get(key);
  if (info.kind === "cell") {
    const spec = info.cell.spec;
    switch (spec.kind) {
      case "number": {
        const st = get(statusField(key));
        if (st === "NA" || st === "NAP") return status(st);
        const parsed = parseCached(String(value ?? ""), spec.number);
        if (!parsed.ok) return "invalid";
        return parsed.value === null ? EMPTY : num(parsed.value);
      }
      case "choice":
        return value ? text(String(value)) : EMPTY;
      case "multi": {
        const ids = Array.isArray(value) ? value.map(String) : value === true ? [spec.options[0].id] : [];
        const ordered = spec.options.map((o) => o.id).filter((id) => ids.includes(id));
        return ordered.length ? text(JSON.stringify(ordered)) : EMPTY;
      }
      case "check":
        return value === true ? num(1) : value === false ? num(0) : EMPTY;
      case "text":
      case "date":
        return typeof value === "string" && value.length ? text(value) : EMPTY;
    }
  }
  if (info.kind === "questionStatus") return value === "NA" || value === "NAP" ? status(value) : EMPTY;
  return typeof value === "string" && value.trim().length ? text(value) : EMPTY;
}
