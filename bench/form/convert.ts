// Converts our questionnaire definition (modules/questionnaire/definition.ts) and a reply's stored
// answers into a SurveyJS survey JSON and data, question for question, so that SurveyJS renders the
// same questions with the same inputs:
//  - a number: a numeric text input plus NA / NAP tick boxes (a checkbox question beside it);
//  - a grid: a matrixdropdown, each number column followed by NA / NAP companion columns (a one-
//    choice checkbox cell each); total rows and total columns as expression questions (Σ, live);
//    a case-flow grid gets an expression column (pending start + incoming − resolved − pending end,
//    live) and every sum and case-flow identity becomes an expression validator of the matrix,
//    checked on every value change (checkErrorsMode "onValueChanged"), like our live rule messages;
//  - choice → radiogroup, multi → checkbox, text/sources → comment, date → text (date);
//  - every question with a comment box gets SurveyJS's comment area; conditions become enableIf.
// Cells a grid row leaves empty (emptyColumns) are hidden through onMatrixCellCreated.
// Not converted (SurveyJS has less to do): explanatory notes, previous-cycle values and variation
// warnings, derived indicators, autosave.
import type { CellSpec, Condition, Part, Question, Questionnaire } from "@/modules/questionnaire/definition";
import type { Answer } from "@/modules/questionnaire/answers";

type Json = Record<string, unknown>;
export const nameOf = (id: string) => `q${id.replace(/[^A-Za-z0-9]/g, "_")}`;

function ref(c: { q: string; row?: string; col?: string }) {
  return c.row ? `{${nameOf(c.q)}.${c.row}.${c.col}}` : `{${nameOf(c.q)}}`;
}
function expr(c: Condition): string {
  if ("all" in c) return `(${c.all.map(expr).join(" and ")})`;
  if ("any" in c) return `(${c.any.map(expr).join(" or ")})`;
  if ("not" in c) return `!(${expr(c.not)})`;
  if ("answered" in c) return `(${ref(c.cell)} notempty)`;
  return `(${ref(c.cell)} anyof [${c.in.map((v) => `'${v}'`).join(", ")}] or ${c.in.map((v) => `${ref(c.cell)} = '${v}'`).join(" or ")})`;
}
const choices = (options: { id: string; label: { en: string } }[]) => options.map((o) => ({ value: o.id, text: o.label.en }));

function columnsOf(spec: CellSpec, id: string, title: string): Json[] {
  switch (spec.kind) {
    case "number": {
      const cols: Json[] = [
        {
          name: id,
          title,
          cellType: "text",
          inputType: "number",
          ...(spec.number.min !== null ? { min: spec.number.min } : {}),
          ...(spec.number.max !== undefined ? { max: spec.number.max } : {}),
        },
      ];
      if (spec.number.allowNA) cols.push({ name: `${id}_NA`, title: "NA", cellType: "checkbox", choices: [{ value: "NA", text: "NA" }] });
      if (spec.number.allowNAP) cols.push({ name: `${id}_NAP`, title: "NAP", cellType: "checkbox", choices: [{ value: "NAP", text: "NAP" }] });
      return cols;
    }
    case "choice":
      return [{ name: id, title, cellType: "radiogroup", choices: choices(spec.options) }];
    case "multi":
      return [{ name: id, title, cellType: "checkbox", choices: choices(spec.options) }];
    case "check":
      return [{ name: id, title, cellType: "checkbox", choices: [{ value: "1", text: "✓" }] }];
    case "text":
      return [{ name: id, title, cellType: "text" }];
    case "date":
      return [{ name: id, title, cellType: "text", inputType: "date" }];
  }
}

function convertQuestion(q: Question, empty: Map<string, Set<string>>): Json[] {
  const name = nameOf(q.id);
  const base: Json = {
    name,
    title: `${q.id}. ${q.label.en}`,
    ...(q.comment !== false ? { showCommentArea: true, commentText: q.comment ? q.comment.en : "Comments" } : {}),
    ...(q.enabledWhen ? { enableIf: expr(q.enabledWhen) } : {}),
  };
  switch (q.type) {
    case "number": {
      const st = [...(q.number.allowNA ? ["NA"] : []), ...(q.number.allowNAP ? ["NAP"] : [])];
      return [
        { ...base, type: "text", inputType: "number", ...(q.number.min !== null ? { min: q.number.min } : {}) },
        ...(st.length
          ? [
              {
                type: "checkbox",
                name: `${name}_st`,
                titleLocation: "hidden",
                colCount: 0,
                choices: st,
                ...(q.enabledWhen ? { enableIf: expr(q.enabledWhen) } : {}),
              },
            ]
          : []),
      ];
    }
    case "choice":
      return [{ ...base, type: "radiogroup", colCount: 0, choices: choices(q.options) }];
    case "multi":
      return [{ ...base, type: "checkbox", colCount: 0, choices: choices(q.options) }];
    case "text":
    case "sources":
      return [{ ...base, type: "comment" }];
    case "date":
      return [{ ...base, type: "text", inputType: "date" }];
    case "grid": {
      const columns = q.columns.flatMap((c) => columnsOf(c.cell, c.id, c.label.en));
      const validators: Json[] = [];
      const sums: Json[] = [];
      const numberCols = q.columns.filter((c) => c.cell.kind === "number");
      const cell = (row: string, col: string) => `{${name}.${row}.${col}}`;
      for (const row of q.rows) {
        if (row.emptyColumns?.length) empty.set(`${name}:${row.id}`, new Set(row.emptyColumns.flatMap((c) => [c, `${c}_NA`, `${c}_NAP`])));
        if (!row.sumOf) continue;
        for (const col of numberCols) {
          if (row.emptyColumns?.includes(col.id)) continue;
          const parts = row.sumOf.map((r) => cell(r, col.id)).join(" + ");
          sums.push({
            type: "expression",
            name: `${name}_sum_${row.id}_${col.id}`,
            title: `Σ ${row.label.en.slice(0, 40)} / ${col.label.en.slice(0, 30)}`,
            expression: parts,
            displayStyle: "decimal",
          });
          validators.push({
            type: "expression",
            expression: `(${cell(row.id, col.id)} empty) or (${cell(row.id, col.id)} = ${parts})`,
            text: `${row.id} / ${col.id}: the total differs from the sum of its parts`,
          });
        }
      }
      for (const col of q.columns) {
        if (!col.sumOf) continue;
        for (const row of q.rows) {
          const parts = col.sumOf.map((c) => cell(row.id, c)).join(" + ");
          sums.push({
            type: "expression",
            name: `${name}_sum_${row.id}_${col.id}`,
            title: `Σ ${row.label.en.slice(0, 40)} / ${col.label.en.slice(0, 30)}`,
            expression: parts,
            displayStyle: "decimal",
          });
          validators.push({
            type: "expression",
            expression: `(${cell(row.id, col.id)} empty) or (${cell(row.id, col.id)} = ${parts})`,
            text: `${row.id} / ${col.id}: the total differs from the sum of its parts`,
          });
        }
      }
      if (q.caseFlow) {
        const f = q.caseFlow;
        columns.push({
          name: "case_flow",
          title: "Case flow (Δ)",
          cellType: "expression",
          expression: `{row.${f.pendingStart}} + {row.${f.incoming}} - {row.${f.resolved}} - {row.${f.pendingEnd}}`,
        });
        for (const row of q.rows) {
          validators.push({
            type: "expression",
            expression: `(${cell(row.id, f.pendingEnd)} empty) or (${cell(row.id, f.pendingStart)} + ${cell(row.id, f.incoming)} - ${cell(row.id, f.resolved)} = ${cell(row.id, f.pendingEnd)})`,
            text: `${row.id}: pending 1 Jan + incoming − resolved ≠ pending 31 Dec`,
          });
        }
      }
      return [
        {
          ...base,
          type: "matrixdropdown",
          columns,
          rows: q.rows.map((r) => ({ value: r.id, text: r.label.en, ...(r.enabledWhen ? { enableIf: expr(r.enabledWhen) } : {}) })),
          validators,
          cellType: "text",
        },
        ...sums,
      ];
    }
  }
}

function convertPart(p: Part, empty: Map<string, Set<string>>): Json {
  return {
    type: "panel",
    name: `part_${p.id.replace(/\./g, "_")}`,
    title: `${p.id}. ${p.title.en}`,
    elements: [...p.questions.flatMap((q) => convertQuestion(q, empty)), ...p.parts.map((s) => convertPart(s, empty))],
  };
}

export function toSurveyJs(q: Questionnaire, partId: string) {
  const parts = partId === "all" ? q.parts : q.parts.filter((p) => p.id === partId);
  const empty = new Map<string, Set<string>>();
  const json = {
    textUpdateMode: "onTyping",
    checkErrorsMode: "onValueChanged",
    showQuestionNumbers: "off",
    pages: [{ name: "page", elements: parts.map((p) => convertPart(p, empty)) }],
  };
  return { json, empty };
}

/** Stored answers (cell keys of modules/questionnaire/cells.ts) → SurveyJS data. */
export function toSurveyData(q: Questionnaire, answers: Record<string, { answer: Answer }>) {
  const types = new Map<string, Question>();
  const walk = (p: Part) => {
    p.questions.forEach((x) => types.set(x.id, x));
    p.parts.forEach(walk);
  };
  q.parts.forEach(walk);
  const data: Record<string, unknown> = {};
  for (const [key, { answer: a }] of Object.entries(answers)) {
    const [cellPart, extra] = key.split("#");
    const [qid, row, col] = cellPart.split(":");
    const question = types.get(qid);
    if (!question) continue;
    const name = nameOf(qid);
    if (extra === "comment") {
      data[`${name}-Comment`] = a.text;
      continue;
    }
    if (extra) continue; // option texts, whole-question status
    const spec = question.type === "grid" ? question.columns.find((c) => c.id === col)?.cell.kind : question.type;
    const value = a.status ? null : (a.num ?? (spec === "multi" && a.text ? JSON.parse(a.text) : spec === "check" ? (a.text ? ["1"] : null) : a.text));
    if (row) {
      const m = (data[name] ??= {}) as Record<string, Record<string, unknown>>;
      const r = (m[row] ??= {});
      if (a.status) r[`${col}_${a.status}`] = [a.status];
      else r[col] = value;
    } else if (a.status) data[`${name}_st`] = [a.status];
    else data[name] = value;
  }
  return data;
}
