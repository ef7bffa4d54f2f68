// A complete and consistent form 1-M (its totals add up, every cell answered) for the tests that
// file a report: the rows come from the form's own definition, the figures are the tests' own.
import form1m from "../modules/reporting/definitions/form-1m.json";

const q1 = form1m.parts.flatMap((p) => p.questions).find((q) => q.id === "q1") as { rows: { id: string }[] };

/** The rows that are not zero; every other row is 0. The form's rules accept them (filings.test.ts submits them). */
const FIGURES: Record<string, number> = { total: 150, r1: 100, r1_1: 10, r1_2: 20, r1_3: 30, r1_4: 40, r2: 50, r8: 60, r10: 25, r10_1: 20 };

/** The cells of q1 (both columns), each with its figure. */
export const FORM_1M_CELLS: { cell: string; num: number }[] = q1.rows.flatMap((row) =>
  ["period", "ytd"].map((col) => ({ cell: `q1:${row.id}:${col}`, num: FIGURES[row.id] ?? 0 })),
);

/** The save request's changes for those cells; `baseVersion` per cell (0 on a new report). */
export const form1mChanges = (baseVersion: (cell: string) => number = () => 0) =>
  FORM_1M_CELLS.map(({ cell, num }) => ({ cell, value: { num, text: null, status: null }, baseVersion: baseVersion(cell) }));
