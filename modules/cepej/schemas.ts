// Request schemas of the CEPEJ routes and administrators' forms, checked at the boundary.
import { z } from "zod";
import { TEXT_MAX } from "@/lib/text-limits";

export const TransitionRequest = z
  .object({ action: z.enum(["submit", "return", "validate", "reopen"]), note: z.string().max(TEXT_MAX.comment).nullish() })
  .strict();

export const RestoreRequest = z
  .object({ cell: z.string().min(1).max(200), historyId: z.number().int().positive(), which: z.enum(["after", "before"]).optional() })
  .strict();

/** {importId}: undo that import of the reply as a whole. */
export const UndoImportRequest = z.object({ importId: z.number().int().positive() }).strict();

/** {cell, reason}; reason null removes the "not retained for publication" mark. */
export const FlagRequest = z.object({ cell: z.string().min(1).max(200), reason: z.string().trim().min(1).max(TEXT_MAX.comment).nullable() }).strict();

export const OpenQueryRequest = z.object({ question: z.string().min(1).max(50), text: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict();

/** {text} answers a query's thread, {resolve: true} closes it. */
export const QueryPostRequest = z.union([
  z.object({ text: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict(),
  z.object({ resolve: z.literal(true) }).strict(),
]);

// The forms' messages are keys of the "cycles.errors" catalogue.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");
export const DEFINITION_MAX = 5_000_000;

export const NewCycleForm = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{4}$/, "slug"),
    name: z.string().trim().min(1, "required").max(TEXT_MAX.name),
    referenceYear: z.coerce.number().int().min(1990, "year").max(2100, "year"),
    opensOn: date,
    closesOn: date,
    previousCycle: z
      .string()
      .trim()
      .max(TEXT_MAX.code)
      .transform((s) => s || null),
    variationThreshold: z.coerce.number().positive("threshold").max(1000, "threshold"),
    source: z.enum(["copy", "upload"]),
    /** A chosen file wins over pasted text. */
    definitionFile: z
      .unknown()
      .optional()
      .transform((f) => (f instanceof Blob && f.size > 0 ? f : null)),
    definitionJson: z.string().max(DEFINITION_MAX).optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ["closesOn"], message: "closesBeforeOpens" })
  .refine((v) => v.source !== "upload" || v.definitionFile || v.definitionJson?.trim(), { path: ["definitionJson"], message: "required" });

export const AssignForm = z.object({ cycle: z.string().min(1).max(TEXT_MAX.code), country: z.string().length(2), userId: z.coerce.number().int().positive() });

export const ExtendDeadlineForm = z.object({
  cycle: z.string().min(1).max(TEXT_MAX.code),
  country: z.string().length(2),
  deadline: z.union([date, z.literal("")]),
});

/** {published}: the cycle's dashboard becomes public (true) or is withdrawn (false). */
export const PublishCycleRequest = z.object({ published: z.boolean() }).strict();
