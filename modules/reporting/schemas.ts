// What may be sent to the reporting feature: report transitions, and the Committee's forms. The
// forms' refusal messages are keys of their catalogue (modules/reporting/components/admin-forms.tsx).
import { z } from "zod";
import { isIsoDate } from "@/lib/dates/dates";

/** POST /api/reports/{id}/transitions. */
export const TransitionRequest = z.union([
  z.object({ action: z.literal("submit") }).strict(),
  z.object({ action: z.literal("return"), comment: z.string().trim().min(1).max(5000) }).strict(),
]);

const date = z.string().refine(isIsoDate, "invalidDate");
const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

export const CalendarChangeInput = z
  .object({ date, kind: z.enum(["off", "working", "remove"], { message: "invalidKind" }), note: z.string().trim().max(200, "tooLong") })
  .refine((v) => v.kind === "remove" || v.note !== "", { message: "reasonRequired", path: ["note"] });

export const NewRequestInput = z.object({
  requesterKind: z.enum(["state_body", "individual", "legal_entity"], { message: "invalidChoice" }),
  requester: text(300),
  signatory: text(300),
  channel: z.enum(["eds", "kadagalau", "other"], { message: "invalidChoice" }),
  indicators: text(5000),
  unit: z.enum(["crime", "offense", "criminal_case", "person"], { message: "invalidChoice" }),
  period: text(100),
  receivedOn: date,
});

export const AnswerRequestInput = z.object({ id: z.coerce.number().int().positive(), answer: text(20000) });

export const DispatchInput = z.object({
  collection: z.coerce.number().int().min(1).max(6),
  period: z.string().min(4).max(7),
  sentOn: date,
  recipients: text(2000),
});
