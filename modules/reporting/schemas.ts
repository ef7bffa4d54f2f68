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
  indicators: text(TEXT_MAX.comment),
  unit: z.enum(["crime", "offense", "criminal_case", "person"], { message: "invalidChoice" }),
  period: text(TEXT_MAX.note),
  receivedOn: date,
});

export const AnswerRequestInput = z.object({ id: z.coerce.number().int().positive(), answer: text(TEXT_MAX.longText) });

export const DispatchInput = z.object({
  collection: z.coerce.number().int().min(1).max(6),
  period: z.string().min(4).max(7),
  sentOn: date,
  recipients: text(TEXT_MAX.comment),
});
