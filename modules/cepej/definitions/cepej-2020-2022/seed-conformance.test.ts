// The definition against the seed it was encoded from. seed-index.json is committed data written
// once by scripts/index-cepej-seed.ts from the CEPEJ 2020–2022 seed; nothing here reads the seed.
// Each check lists every mismatch, so a failure names all the questions to fix at once.
import { describe, expect, it } from "vitest";
import type { Question } from "../../../questionnaire/definition";
import { cellKey } from "../../../questionnaire/cells";
import { sumsOf } from "../../../questionnaire/rules";
import { parseQuestionnaire } from "../../../questionnaire/validate";
import { walkQuestions } from "../../../questionnaire/walk";
import { CEPEJ_2020_2022 } from ".";
import seed from "./seed-index.json";

type SeedTable = { line: number; columns: string[]; rows: string[] };
type SeedQuestion = { id: string; line: number; repeatedAt?: number[]; tables?: SeedTable[] };
type SeedSum = { question: string; row: string; written: string; parts: string[]; partRows: string[] };
type SeedCaseFlow = {
  question: string;
  layout: "columns" | "rows";
  pendingStart: string;
  incoming: string;
  resolved: string;
  pendingEnd: string;
};
const index = seed as unknown as {
  questions: SeedQuestion[];
  sources: { id: string; line: number }[];
  sums: SeedSum[];
  caseFlows: SeedCaseFlow[];
};

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error(`definition invalid: ${JSON.stringify(parsed.errors.slice(0, 5))}`);
const all = Array.from(walkQuestions(parsed.questionnaire), (x) => x.question);
const numbered = all.filter((q) => q.type !== "sources");
const byId = new Map(all.map((q) => [q.id, q]));

/** Labels compare as printed, whitespace aside: the seed's text extraction adds and drops spaces
 *  ("An integrated/connect ed tool", "1.Civil"), so labels are compared without any. */
const norm = (s: string) => s.replace(/\s+/g, "");
type Grid = Extract<Question, { type: "grid" }>;
const grid = (id: string): Grid | null => {
  const q = byId.get(id);
  return q?.type === "grid" ? q : null;
};
const rowId = (q: Grid, label: string) => q.rows.find((r) => norm(r.label.en) === norm(label))?.id;
const colId = (q: Grid, label: string) => q.columns.find((c) => norm(c.label.en) === norm(label))?.id;

/**
 * The seed's columns, in one of the three ways the definition encodes them:
 * - one column per printed column, same labels, same order;
 * - a printed column holding different cells by row (Q062-1: a choice in one row, another choice
 *   in the next) split into several columns with the printed label, each row having exactly one
 *   of them (the others in its `emptyColumns`);
 * - printed columns that are the options of one answer per row (Q061-7 "Yes | No", each row ticks
 *   one): a single choice column labelled with the printed labels joined by " / ".
 */
function columnsProblem(q: Grid, seedColumns: string[]): string | null {
  const labels = q.columns.map((c) => norm(c.label.en));
  const printed = seedColumns.map(norm);
  if (labels.join("\n") === printed.join("\n")) return null;
  const distinct = labels.filter((l, i) => labels.indexOf(l) === i);
  if (distinct.length < labels.length && distinct.join("\n") === printed.join("\n")) {
    for (const row of q.rows) {
      for (const label of distinct) {
        const held = q.columns.filter((c) => norm(c.label.en) === label && !row.emptyColumns?.includes(c.id));
        if (held.length !== 1) return `row "${row.id}" has ${held.length} cells under the printed column "${label}"`;
      }
    }
    return null;
  }
  const [only] = q.columns;
  if (q.columns.length === 1 && only.cell.kind === "choice" && printed.length > 1 && labels[0] === norm(seedColumns.join(" / "))) {
    return only.cell.options.length >= printed.length ? null : `"${only.id}" has fewer options than the printed columns`;
  }
  return `columns ${JSON.stringify(q.columns.map((c) => c.label.en))}, the seed prints ${JSON.stringify(seedColumns)}`;
}

describe("CEPEJ 2020–2022 definition conforms to the seed (seed-index.json)", () => {
  it("the index covers the seed", () => {
    expect(index.questions.length).toBeGreaterThan(350);
    expect(index.sums.length).toBeGreaterThan(30);
    expect(index.caseFlows.length).toBeGreaterThan(5);
  });

  it("has each numbered question of the seed exactly once, in the seed's order, and no other", () => {
    const seedIds = index.questions.map((q) => q.id);
    const defIds = numbered.map((q) => q.id);
    const count = (id: string) => defIds.filter((x) => x === id).length;
    expect(seedIds.filter((id) => count(id) !== 1).map((id) => `${id}: ${count(id)} times`)).toEqual([]);
    expect(defIds.filter((id) => !seedIds.includes(id)).map((id) => `${id}: not in the seed`)).toEqual([]);
    expect(defIds).toEqual(seedIds);
  });

  it("has the seed's sources questions, as sources", () => {
    const defSources = all.filter((q) => q.type === "sources").map((q) => q.id);
    expect(defSources).toEqual(index.sources.map((s) => s.id));
  });

  it("encodes every table with the seed's rows and columns", () => {
    const problems: string[] = [];
    for (const sq of index.questions) {
      for (const t of sq.tables ?? []) {
        const q = grid(sq.id);
        if (!q) {
          problems.push(`${sq.id}: the seed prints a table (line ${t.line}), the definition has a ${byId.get(sq.id)?.type ?? "missing"} question`);
          continue;
        }
        const defRows = q.rows.map((r) => norm(r.label.en));
        const seedRows = t.rows.map(norm);
        const missing = t.rows.filter((r) => !defRows.includes(norm(r)));
        const extra = q.rows.filter((r) => !seedRows.includes(norm(r.label.en)));
        for (const r of missing) problems.push(`${sq.id}: row missing or mislabelled: "${r}"`);
        for (const r of extra) problems.push(`${sq.id}: row "${r.id}" not in the seed: "${r.label.en}"`);
        if (!missing.length && !extra.length && defRows.join("\n") !== seedRows.join("\n")) problems.push(`${sq.id}: rows not in the seed's order`);
        const problem = columnsProblem(q, t.columns);
        if (problem) problems.push(`${sq.id}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("makes every sum written in a row label a sum rule", () => {
    const problems: string[] = [];
    for (const s of index.sums) {
      const q = grid(s.question);
      const total = q && rowId(q, s.row);
      const parts = q ? s.partRows.map((l) => rowId(q, l)) : [];
      if (!q || !total || parts.some((p) => !p)) {
        problems.push(`${s.question}: cannot find the rows of "(${s.written})" in "${s.row}"`);
        continue;
      }
      const declared = sumsOf(q);
      const has = (row: string, col: string) => !q.rows.find((r) => r.id === row)!.emptyColumns?.includes(col);
      const numberCols = q.columns.filter((c) => c.cell.kind === "number" && has(total, c.id));
      if (!numberCols.length) problems.push(`${s.question}: "${s.row}" has no number cell to hold its sum`);
      for (const col of numberCols) {
        const key = cellKey({ q: q.id, row: total, col: col.id });
        const want = parts
          .filter((p) => has(p!, col.id))
          .map((p) => cellKey({ q: q.id, row: p!, col: col.id }))
          .sort();
        const found = declared.some((d) => d.total === key && [...d.parts].sort().join() === want.join());
        if (!found) problems.push(`${s.question}: no sum ${key} = ${want.join(" + ")} ("${s.written}")`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every case-flow table its identity rule", () => {
    const problems: string[] = [];
    for (const f of index.caseFlows) {
      const q = grid(f.question);
      if (!q) {
        problems.push(`${f.question}: not a grid`);
        continue;
      }
      const roles = ["pendingStart", "incoming", "resolved", "pendingEnd"] as const;
      if (f.layout === "columns") {
        const want = Object.fromEntries(roles.map((r) => [r, colId(q, f[r])]));
        if (!q.caseFlow) problems.push(`${f.question}: no caseFlow`);
        else if (JSON.stringify(q.caseFlow) !== JSON.stringify(want)) {
          problems.push(`${f.question}: caseFlow ${JSON.stringify(q.caseFlow)}, the seed's columns are ${JSON.stringify(want)}`);
        }
      } else {
        const numberCols = q.columns.filter((c) => c.cell.kind === "number");
        for (const col of numberCols) {
          const want = Object.fromEntries(roles.map((r) => [r, { q: q.id, row: rowId(q, f[r]), col: col.id }]));
          const found = (q.rules ?? []).some(
            (rule) => rule.kind === "flow" && roles.every((r) => cellKey(rule[r]) === cellKey(want[r] as { q: string; row: string; col: string })),
          );
          if (!found) problems.push(`${f.question}: no flow rule ${roles.map((r) => `${r}=${cellKey(want[r] as never)}`).join(", ")}`);
        }
        if (!numberCols.length) problems.push(`${f.question}: no number column`);
      }
    }
    expect(problems).toEqual([]);
  });
});
