// What importing a reply file would do, before it is done: the cells it adds, changes and clears
// (an import replaces the reply's answers, so a stored cell the file lacks is cleared), and whether
// the file belongs to this reply at all. Pure: the service previews and writes with it, the tests
// check it without a database.
import { isEmpty, sameAnswer, type Answer } from "@/modules/questionnaire/answers";

export type ImportChange = { cell: string; kind: "added" | "changed" | "cleared"; before: Answer | null; after: Answer | null };
export type ImportCounts = { added: number; changed: number; cleared: number };

const value = (a: Answer | null | undefined): Answer | null => (a && !isEmpty(a) ? a : null);

/** The cells that differ between the stored answers and the file's, in the file's order, then the cleared ones. */
export function planImport(current: Map<string, Answer>, next: Map<string, Answer>): ImportChange[] {
  const plan: ImportChange[] = [];
  for (const [cell, a] of next) {
    const before = value(current.get(cell));
    const after = value(a);
    if (sameAnswer(before, after)) continue;
    plan.push({ cell, kind: !before ? "added" : !after ? "cleared" : "changed", before, after });
  }
  for (const [cell, a] of current) {
    if (next.has(cell) || !value(a)) continue;
    plan.push({ cell, kind: "cleared", before: value(a), after: null });
  }
  return plan;
}

export function countImport(plan: ImportChange[]): ImportCounts {
  const counts: ImportCounts = { added: 0, changed: 0, cleared: 0 };
  for (const c of plan) counts[c.kind]++;
  return counts;
}

/** A file names its cycle and country; importing it into another reply needs the user to say so,
 *  by naming the file's cycle and country (`map`). The reason when it is refused, or null. */
export function importMismatch(
  file: { cycle?: string; country?: string },
  reply: { cycle: string; country: string },
  map?: { cycle?: string; country?: string },
): string | null {
  const reasons: string[] = [];
  if (file.cycle !== undefined && file.cycle !== reply.cycle && map?.cycle !== file.cycle)
    reasons.push(`the file is the reply of cycle ${file.cycle}, not ${reply.cycle}`);
  if (file.country !== undefined && file.country.toUpperCase() !== reply.country.toUpperCase() && map?.country?.toUpperCase() !== file.country.toUpperCase())
    reasons.push(`the file is the reply of ${file.country}, not ${reply.country}`);
  return reasons.length ? `Not imported: ${reasons.join(" and ")}. Map it to this reply explicitly to import it anyway.` : null;
}
