// What may be sent to the reporting feature: report transitions, and the Committee's forms. The
// forms' refusal messages are keys of their catalogue (modules/reporting/components/admin-forms.tsx).
import { z } from "zod";
import { isIsoDate } from "@/lib/dates/dates";
import { TEXT_MAX } from "@/lib/text-limits";

/** POST /api/reports/{id}/transitions. */
export const TransitionRequest = z.union([
  z.object({ action: z.literal("submit") }).strict(),
  z.object({ action: z.literal("return"), comment: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict(),
]);

const date = z.string().refine(isIsoDate, "invalidDate");
const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

export const CalendarChangeInput = z
  .object({ date, kind: z.enum(["off", "working", "remove"], { message: "invalidKind" }), note: z.string().trim().max(TEXT_MAX.note, "tooLong") })
  .refine((v) => v.kind === "remove" || v.note !== "", { message: "reasonRequired", path: ["note"] });

export const NewRequestInput = z.object({
  requesterKind: z.enum(["state_body", "individual", "legal_entity"], { message: "invalidChoice" }),
  requester: text(TEXT_MAX.name),
  signatory: text(TEXT_MAX.name),
  channel: z.enum(["eds", "kadagalau", "other"], { message: "invalidChoice" }),
  /** What is asked: indicators of the reports, or what paragraph 7 leaves without consideration. */
  subject: z.enum(["indicators", "open_sources", "copies"], { message: "invalidChoice" }).default("indicators"),
  indicators: text(TEXT_MAX.comment),
  unit: z.enum(["crime", "offense", "criminal_case", "person"], { message: "invalidChoice" }),
  period: text(TEXT_MAX.note),
  receivedOn: date,
});

export const AnswerRequestInput = z.object({
  id: z.coerce.number().int().positive(),
  answer: text(TEXT_MAX.longText),
  officialUse: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export const DispatchInput = z.object({
  collection: z.coerce.number().int().min(1).max(6),
  period: z.string().min(4).max(7),
  sentOn: date,
  recipients: text(TEXT_MAX.comment),
});

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isIsoDate(v), "invalidDate")
  .transform((v) => (v === "" ? null : v));

/** A holiday rule added or changed on the calendar page (an existing id replaces that rule). */
export const HolidayRuleInput = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,60}$/, "invalidId"),
    name: text(TEXT_MAX.name),
    month: z.coerce.number().int().min(1, "invalidDate").max(12, "invalidDate"),
    day: z.coerce.number().int().min(1, "invalidDate").max(31, "invalidDate"),
    validFrom: optionalDate,
    validTo: optionalDate,
    movesOffWeekend: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    source: text(TEXT_MAX.comment),
  })
  .refine((v) => v.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][v.month - 1], { message: "invalidDate", path: ["day"] })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, { message: "endsBeforeStart", path: ["validTo"] });

/** The Committee places a form's period. */
export const PlaceInput = z.object({ form: z.coerce.number().int().positive(), period: z.string().trim().min(4).max(10) });

/** The Committee sets a form's filing deadline, in working days before its placement term. */
export const FilingDaysInput = z.object({
  form: z.coerce.number().int().positive(),
  daysBefore: z.coerce.number().int().min(0, "outOfRange").max(15, "outOfRange"),
});
