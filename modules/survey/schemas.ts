// The survey's JSON request bodies (the CSV uploads are parsed by sample-frame.ts and microdata.ts).
import { z } from "zod";
import { TEXT_MAX } from "@/lib/text-limits";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { isIsoDate } from "@/modules/questionnaire/rules";
import { INTERVIEW_LANGUAGES, ParadataSession } from "./paradata";

export const CreateWaveRequest = z
  .object({
    year: z.number().int().min(2000).max(2100),
    fieldworkStart: z.string().refine(isIsoDate, "a date YYYY-MM-DD"),
    fieldworkEnd: z.string().refine(isIsoDate, "a date YYYY-MM-DD"),
  })
  .strict()
  .refine((w) => w.fieldworkEnd >= w.fieldworkStart, { message: "fieldwork cannot end before it starts", path: ["fieldworkEnd"] });

export const PublishWaveRequest = z.object({ published: z.boolean() }).strict();

export const AssignRequest = z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000), interviewerId: z.number().int().positive() }).strict();

export const ReviewComment = z.object({ question: z.string().min(1).max(60), text: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict();
export type ReviewComment = z.infer<typeof ReviewComment>;

export const InterviewTransitionRequest = z.union([
  z.object({ action: z.literal("complete"), changes: SaveAnswersRequest.shape.changes.optional(), paradata: ParadataSession.optional() }).strict(),
  z.object({ action: z.literal("approve") }).strict(),
  z.object({ action: z.literal("reject"), comments: z.array(ReviewComment).min(1).max(100) }).strict(),
]);

/** A tablet's queue: at most this many interviews a request. */
const MAX_QUEUE = 200;
export const SubmitQueueRequest = z
  .object({
    interviews: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            /** Generated on the device once per item: the server applies an id at most once. */
            clientId: z.uuid().optional(),
            changes: SaveAnswersRequest.shape.changes.optional(),
            /** Replies to the supervisor's comments on the interview, written on the device (applied before the changes). */
            replies: z
              .array(z.object({ comment: z.number().int().positive(), text: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict())
              .max(100)
              .optional(),
            /** false: save the changes only (the interview is still in progress on the device). Default: complete it. */
            complete: z.boolean().optional(),
            paradata: ParadataSession.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_QUEUE),
  })
  .strict();
export type QueueItem = z.infer<typeof SubmitQueueRequest>["interviews"][number];

/** The interviewer's autosave of an interview: the answers' changes, with the session's paradata. */
export const SaveInterviewAnswersRequest = z.object({ changes: SaveAnswersRequest.shape.changes, paradata: ParadataSession.optional() }).strict();

/** The interviewer's reply to a supervisor's comment. */
export const CommentReplyRequest = z.object({ text: z.string().trim().min(1).max(TEXT_MAX.comment) }).strict();

/** The respondent's language of an interview. */
export const InterviewLanguageRequest = z.object({ language: z.enum(INTERVIEW_LANGUAGES) }).strict();
