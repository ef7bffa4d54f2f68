// Parses a definition and checks what the zod shape cannot: unique ids, and that every sum,
// case flow, condition and rule points at something that exists. Errors are listed by path.
import { Questionnaire, type CellRef, type Condition, type Question } from "./definition";
import { walkQuestions } from "./walk";

export type DefinitionError = { path: string; message: string };
export type ParseResult = { ok: true; questionnaire: Questionnaire } | { ok: false; errors: DefinitionError[] };

export function parseQuestionnaire(input: unknown): ParseResult {
  const shape = Questionnaire.safeParse(input);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })),
    };
  }
  const errors = checkIntegrity(shape.data);
  return errors.length ? { ok: false, errors } : { ok: true, questionnaire: shape.data };
}

function checkIntegrity(q: Questionnaire): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const byId = new Map<string, { question: Question; path: string }>();
  const partIds = new Set<string>();

  const visitParts = (parts: Questionnaire["parts"], path: string) =>
    parts.forEach((p, i) => {
      const here = `${path}[${i}]`;
      if (partIds.has(p.id)) errors.push({ path: `${here}.id`, message: `duplicate part id "${p.id}"` });
      partIds.add(p.id);
      visitParts(p.parts, `${here}.parts`);
    });
  visitParts(q.parts, "parts");

  for (const { question, path } of walkQuestions(q)) {
    if (byId.has(question.id)) {
      errors.push({ path: `${path}.id`, message: `duplicate question id "${question.id}" (first at ${byId.get(question.id)!.path})` });
    } else byId.set(question.id, { question, path });
  }

  const cellExists = (ref: CellRef): string | null => {
    const target = byId.get(ref.q)?.question;
    if (!target) return `unknown question "${ref.q}"`;
    if (target.type === "grid") {
      if (ref.row === undefined) return `question "${ref.q}" is a grid: give row and col`;
      if (!target.rows.some((r) => r.id === ref.row)) return `unknown row "${ref.row}" in "${ref.q}"`;
      if (!target.columns.some((c) => c.id === ref.col)) return `unknown column "${ref.col}" in "${ref.q}"`;
    } else if (ref.row !== undefined) return `question "${ref.q}" has no rows`;
    return null;
  };
  const checkCondition = (c: Condition, path: string) => {
    if ("all" in c) c.all.forEach((x, i) => checkCondition(x, `${path}.all[${i}]`));
    else if ("any" in c) c.any.forEach((x, i) => checkCondition(x, `${path}.any[${i}]`));
    else if ("not" in c) checkCondition(c.not, `${path}.not`);
    else {
      const problem = cellExists(c.cell);
      if (problem) errors.push({ path: `${path}.cell`, message: problem });
    }
  };

  for (const { question, path } of byId.values()) {
    if (question.enabledWhen) checkCondition(question.enabledWhen, `${path}.enabledWhen`);
    question.rules?.forEach((rule, i) => {
      const refs =
        rule.kind === "sum"
          ? [rule.total, ...rule.parts]
          : rule.kind === "atMost"
            ? [rule.cell, rule.max]
            : [rule.pendingStart, rule.incoming, rule.resolved, rule.pendingEnd];
      for (const ref of refs) {
        const problem = cellExists(ref);
        if (problem) errors.push({ path: `${path}.rules[${i}]`, message: problem });
      }
    });
    if ("options" in question) checkUniqueIds(question.options, `${path}.options`, "option", errors);
    if (question.type !== "grid") continue;

    const rowIds = checkUniqueIds(question.rows, `${path}.rows`, "row", errors);
    const colIds = checkUniqueIds(question.columns, `${path}.columns`, "column", errors);
    question.rows.forEach((row, i) => {
      for (const id of row.sumOf ?? []) {
        if (!rowIds.has(id)) errors.push({ path: `${path}.rows[${i}].sumOf`, message: `unknown row "${id}"` });
        if (id === row.id) errors.push({ path: `${path}.rows[${i}].sumOf`, message: "a row cannot be a sum of itself" });
      }
      if (row.atMost && !rowIds.has(row.atMost)) errors.push({ path: `${path}.rows[${i}].atMost`, message: `unknown row "${row.atMost}"` });
      for (const id of row.emptyColumns ?? []) {
        if (!colIds.has(id)) errors.push({ path: `${path}.rows[${i}].emptyColumns`, message: `unknown column "${id}"` });
      }
      if (row.enabledWhen) checkCondition(row.enabledWhen, `${path}.rows[${i}].enabledWhen`);
    });
    question.columns.forEach((col, i) => {
      if ("options" in col.cell) checkUniqueIds(col.cell.options, `${path}.columns[${i}].cell.options`, "option", errors);
      for (const id of col.sumOf ?? []) {
        const part = question.columns.find((c) => c.id === id);
        if (!part) errors.push({ path: `${path}.columns[${i}].sumOf`, message: `unknown column "${id}"` });
        else if (part.cell.kind !== "number") errors.push({ path: `${path}.columns[${i}].sumOf`, message: `column "${id}" is not numeric` });
      }
      if (col.sumOf && col.cell.kind !== "number") errors.push({ path: `${path}.columns[${i}].sumOf`, message: "only number columns can be sums" });
    });
    const hasRowSums = question.rows.some((r) => r.sumOf);
    if (hasRowSums && !question.columns.some((c) => c.cell.kind === "number")) {
      errors.push({ path: `${path}.rows`, message: "row sums need at least one number column" });
    }
    if (question.caseFlow) {
      for (const [role, id] of Object.entries(question.caseFlow)) {
        const col = question.columns.find((c) => c.id === id);
        if (!col) errors.push({ path: `${path}.caseFlow.${role}`, message: `unknown column "${id}"` });
        else if (col.cell.kind !== "number") errors.push({ path: `${path}.caseFlow.${role}`, message: `column "${id}" is not numeric` });
      }
    }
    question.maxChecked?.forEach((m, i) => {
      const col = question.columns.find((c) => c.id === m.col);
      if (!col || col.cell.kind !== "check") errors.push({ path: `${path}.maxChecked[${i}]`, message: `"${m.col}" is not a tick-box column` });
    });
  }
  return errors;
}

function checkUniqueIds(items: { id: string }[], path: string, what: string, errors: DefinitionError[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) errors.push({ path: `${path}[${i}].id`, message: `duplicate ${what} id "${item.id}"` });
    seen.add(item.id);
  });
  return seen;
}
