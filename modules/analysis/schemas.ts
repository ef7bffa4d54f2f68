// Requests of the analysis feature and the codes they may name.
import { z } from "zod";
import { TEXT_MAX } from "@/lib/text-limits";

/** The survey's offences (modules/survey/codes.ts OFFENCES, fixed by the instrument). */
export const SURVEY_OFFENCES = ["theft", "fraud", "robbery", "assault", "vehicle", "burglary", "road"];
/** The row ids of form 1-M (modules/reporting/definitions/form-1m.json). */
export const FORM_1M_LINES = [
  "total",
  "r1",
  "r1_1",
  "r1_2",
  "r1_3",
  "r1_4",
  "r2",
  "r3",
  "r4",
  "r5",
  "r6",
  "r7",
  "r8",
  "r9",
  "r10",
  "r10_1",
  "r11",
  "r12",
  "r13",
  "r14",
  "r15",
  "r16",
  "r16_1",
  "r17",
];

/** "theft, vehicle" → ["theft", "vehicle"] */
const codeList = (message: string) =>
  z
    .string()
    .max(TEXT_MAX.name, message)
    .transform((s) => [...new Set(s.split(/[\s,;+]+/).filter(Boolean))])
    .refine((xs) => xs.length > 0, message);

export const MappingInput = z.object({
  id: z.string().min(1).max(TEXT_MAX.code),
  surveyOffences: codeList("surveyOffences").refine((xs) => xs.every((x) => SURVEY_OFFENCES.includes(x)), "surveyOffences"),
  formLines: codeList("formLines").refine((xs) => xs.every((x) => FORM_1M_LINES.includes(x)), "formLines"),
  note: z.string().trim().min(1, "note").max(TEXT_MAX.comment, "note"),
});
export type MappingInput = z.infer<typeof MappingInput>;
