// The questionnaire definition model: one serialisable (JSON) description of parts, questions,
// cells, rules and conditions. The renderer, the rules engine, storage keys, exports and the print
// view all read this model; no question is hand-coded anywhere else.
import { z } from "zod";

/** Every user-visible text of a definition is a map by language; `en` is required. */
export const LocalizedText = z.object({ en: z.string().min(1), ru: z.string().optional(), kk: z.string().optional() }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Row, column and option ids become part of storage keys, so they are kept simple. */
const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "ids use letters, digits, '_' and '-'");
/** Question ids are the questionnaire's own numbers ("006", "046-1-3", "208-15", "A1"). */
const QuestionId = Id;

/** A reference to one answer cell: a question, and for grids its row and column. */
export const CellRef = z
  .object({ q: QuestionId, row: Id.optional(), col: Id.optional() })
  .strict()
  .refine((r) => (r.row === undefined) === (r.col === undefined), "row and col go together");
export type CellRef = z.infer<typeof CellRef>;

/**
 * Conditions enable a question, a row or a cell. `in` is true when the referenced choice equals
 * one of the option ids, or a multi-choice includes one of them; `answered` when the cell holds
 * anything (a number, NA/NAP, a choice, a text).
 */
export type Condition = { cell: CellRef; in: string[] } | { cell: CellRef; answered: true } | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ cell: CellRef, in: z.array(Id).min(1) }).strict(),
    z.object({ cell: CellRef, answered: z.literal(true) }).strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

export const Option = z
  .object({
    id: Id,
    label: LocalizedText,
    /** The option carries its own short text ("If yes, please specify", an internet address). */
    text: LocalizedText.optional(),
    /** Choosing it clears and excludes every other option of a multiple choice ("No", "NAP"). */
    exclusive: z.boolean().optional(),
  })
  .strict();
export type Option = z.infer<typeof Option>;

export const NumberSpec = z
  .object({
    /** Decimals allowed; 0 means an integer. */
    decimals: z.number().int().min(0).max(10).default(0),
    /** Lower bound; counts and amounts default to 0 (no negative figures). */
    min: z.number().nullable().default(0),
    max: z.number().optional(),
    unit: z.string().max(20).optional(),
    allowNA: z.boolean().default(true),
    allowNAP: z.boolean().default(true),
  })
  .strict();
export type NumberSpec = z.infer<typeof NumberSpec>;

/** What one grid column holds in each of its cells. */
export const CellSpec = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("number"), number: NumberSpec.default(NumberSpec.parse({})) }).strict(),
  z.object({ kind: z.literal("choice"), options: z.array(Option).min(2) }).strict(),
  z
    .object({
      kind: z.literal("multi"),
      options: z.array(Option).min(1),
      maxSelected: z.number().int().positive().optional(),
    })
    .strict(),
  /** A single tick box (Q014-0: "criteria used" / "main criteria"). */
  z.object({ kind: z.literal("check") }).strict(),
  z.object({ kind: z.literal("text"), maxLength: z.number().int().positive().default(500) }).strict(),
  /** A calendar date "YYYY-MM-DD"; `within: "fieldwork"` limits it to the survey wave's fieldwork. */
  z
    .object({
      kind: z.literal("date"),
      min: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      max: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      within: z.literal("fieldwork").optional(),
    })
    .strict(),
]);
export type CellSpec = z.infer<typeof CellSpec>;

export const Row = z
  .object({
    id: Id,
    label: LocalizedText,
    /** This row is the total of these rows ("TOTAL (1 + 2 + 3)", "2 (2.1 + 2.2)"). */
    sumOf: z.array(Id).min(1).optional(),
    /** This row must not exceed another row ("of which", "including 13.1"). */
    atMost: Id.optional(),
    /** Columns that have no cell in this row. */
    emptyColumns: z.array(Id).optional(),
    enabledWhen: Condition.optional(),
    /** Nesting depth for display (2.1 under 2). */
    indent: z.number().int().min(0).max(4).optional(),
  })
  .strict();
export type Row = z.infer<typeof Row>;

export const Column = z
  .object({
    id: Id,
    label: LocalizedText,
    cell: CellSpec,
    /** This column is the total of these columns (Total = Male + Female). */
    sumOf: z.array(Id).min(1).optional(),
  })
  .strict();
export type Column = z.infer<typeof Column>;

/** Case-flow identity of each row: pending 1 Jan + incoming − resolved = pending 31 Dec. */
export const CaseFlow = z.object({ pendingStart: Id, incoming: Id, resolved: Id, pendingEnd: Id }).strict();
export type CaseFlow = z.infer<typeof CaseFlow>;

/** Cross-question rules that a grid's own rows and columns cannot express. */
export const ExtraRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sum"), total: CellRef, parts: z.array(CellRef).min(2) }).strict(),
  z.object({ kind: z.literal("atMost"), cell: CellRef, max: CellRef }).strict(),
  /** A case flow laid out in cells rather than columns (Q107: rows 1 pending … 4 pending 31 Dec). */
  z.object({ kind: z.literal("flow"), pendingStart: CellRef, incoming: CellRef, resolved: CellRef, pendingEnd: CellRef }).strict(),
]);
export type ExtraRule = z.infer<typeof ExtraRule>;

const questionBase = {
  id: QuestionId,
  /** The number printed before the question where its id is a variable name rather than the
   *  questionnaire's own number (household survey: "A1" for `result`); the id otherwise. */
  displayId: z.string().trim().min(1).max(20).optional(),
  label: LocalizedText,
  /** Explanatory note shown on demand beside the question. */
  note: LocalizedText.optional(),
  /** The comment box's own prompt; `false` for questions without a comment box. */
  comment: z.union([LocalizedText, z.literal(false)]).optional(),
  enabledWhen: Condition.optional(),
  /** Whole-question NA / NAP boxes (e.g. "[] NAP" under Q014-0). */
  questionStatus: z.array(z.enum(["NA", "NAP"])).optional(),
  /** Cross-cycle variation (in %) beyond which an explanation is required. */
  variationThreshold: z.number().positive().optional(),
  rules: z.array(ExtraRule).optional(),
};

export const Question = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("number"), number: NumberSpec.default(NumberSpec.parse({})) }).strict(),
  z.object({ ...questionBase, type: z.literal("choice"), options: z.array(Option).min(2) }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("multi"),
      options: z.array(Option).min(1),
      maxSelected: z.number().int().positive().optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("text"),
      maxLength: z.number().int().positive().default(10000),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("date"),
      min: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      max: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      within: z.literal("fieldwork").optional(),
    })
    .strict(),
  /** The sources of a part (A1, A2 …): a text, answered once per part. */
  z.object({ ...questionBase, type: z.literal("sources"), maxLength: z.number().int().positive().default(10000) }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("grid"),
      rows: z.array(Row).min(1),
      columns: z.array(Column).min(1),
      caseFlow: CaseFlow.optional(),
      /** Per column, the most ticks allowed ("select maximum three main criteria"). */
      maxChecked: z.array(z.object({ col: Id, max: z.number().int().positive() }).strict()).optional(),
    })
    .strict(),
]);
export type Question = z.infer<typeof Question>;

export type Part = {
  id: string;
  title: LocalizedText;
  questions: Question[];
  parts: Part[];
};
// why `any`: the input type of a recursive schema (before defaults apply) cannot be written out.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const Part: z.ZodType<Part, any> = z.lazy(() =>
  z
    .object({
      /** The seed's number: "1", "1.1", "1.1.1". */
      id: z.string().regex(/^[0-9]+(\.[0-9]+)*$/, "part ids are numbers like 1, 1.1, 1.1.1"),
      title: LocalizedText,
      questions: z.array(Question).default([]),
      parts: z.array(Part).default([]),
    })
    .strict(),
);

export const Questionnaire = z
  .object({
    id: Id,
    version: z.string().min(1),
    title: LocalizedText,
    /** Top-level parts are chapters; each is one page of the form. */
    parts: z.array(Part).min(1),
  })
  .strict();
export type Questionnaire = z.infer<typeof Questionnaire>;
export type QuestionnaireInput = z.input<typeof Questionnaire>;
