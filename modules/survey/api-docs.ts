// The household-survey routes as the OpenAPI document describes them (lib/api-docs/openapi.ts).
import { z } from "zod";
import type { OperationDoc } from "@/lib/api-docs/openapi";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import {
  AssignRequest,
  CommentReplyRequest,
  CreateWaveRequest,
  InterviewLanguageRequest,
  InterviewTransitionRequest,
  PublishWaveRequest,
  SubmitQueueRequest,
} from "./schemas";

const json = (schema: z.ZodType, maxBytes: number = BODY_LIMITS.json) => ({ contentType: "application/json", schema, maxBytes });
const csv = (description: string) => ({ contentType: "text/csv", description, maxBytes: BODY_LIMITS.csvUpload });
const year = { name: "year", in: "path", schema: z.string().regex(/^\d{4}$/), description: "The wave's year." } as const;
const interview = { name: "id", in: "path", schema: z.string(), description: "The household's row id." } as const;
const ADMIN = "administrators";
const tag = "Household survey";

export const SURVEY_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/survey/device",
    summary: "What an interviewer's device keeps for offline work: assignments, answers with versions, comments, the questionnaire in every language",
    tag,
    access: "interviewers (their own assignments)",
  },
  {
    method: "put",
    path: "/api/survey/interviews/{id}/comments/{commentId}/reply",
    summary: "The interviewer's reply to a supervisor's comment",
    tag,
    access: "the assigned interviewer, while the interview may be changed",
    params: [interview, { name: "commentId", in: "path", schema: z.string(), description: "The comment's id." }],
    body: json(CommentReplyRequest),
  },
  {
    method: "put",
    path: "/api/survey/interviews/{id}/language",
    summary: "The respondent's language, in which the questionnaire's texts are shown and recorded",
    tag,
    access: "the assigned interviewer, while the interview may be changed",
    params: [interview],
    body: json(InterviewLanguageRequest),
  },
  {
    method: "get",
    path: "/api/survey/waves/{year}/paradata",
    summary: "Paradata: one row per interview (times, durations, device, language, changes), or its codebook",
    tag,
    access: "administrators (every region); supervisors (their regions)",
    params: [year, { name: "format", in: "query", schema: z.enum(["csv", "codebook"]) }],
    responses: { "200": { description: "CSV", content: { "text/csv": {} } } },
  },
  {
    method: "post",
    path: "/api/survey/assign",
    summary: "Assign households to an interviewer",
    tag,
    access: "supervisors of the households' regions; administrators",
    body: json(AssignRequest),
  },
  {
    method: "put",
    path: "/api/survey/interviews/{id}/answers",
    summary: "Save an interview's answers (autosave)",
    tag,
    access: "the assigned interviewer; administrators",
    params: [interview],
    body: json(SaveAnswersRequest),
  },
  {
    method: "post",
    path: "/api/survey/interviews/{id}/transitions",
    summary: "Complete, approve or reject an interview",
    tag,
    access: "complete: the assigned interviewer; approve, reject: supervisors of the region",
    params: [interview],
    body: json(InterviewTransitionRequest),
  },
  {
    method: "post",
    path: "/api/survey/interviews/submit",
    summary: "A tablet's queue of interviews collected offline",
    tag,
    access: "interviewers (each interview their own); administrators",
    body: json(SubmitQueueRequest, BODY_LIMITS.interviewQueue),
  },
  { method: "post", path: "/api/survey/waves", summary: "Create a wave", tag, access: ADMIN, body: json(CreateWaveRequest) },
  {
    method: "post",
    path: "/api/survey/waves/{year}/interviews/import",
    summary: "Import interviews captured elsewhere (microdata CSV)",
    tag,
    access: ADMIN,
    params: [year],
    body: csv("Microdata CSV, the columns of the wave's codebook."),
  },
  {
    method: "get",
    path: "/api/survey/waves/{year}/microdata",
    summary: "Approved interviews as microdata, its codebook or SPSS syntax",
    tag,
    access: ADMIN,
    params: [year, { name: "format", in: "query", schema: z.enum(["csv", "codebook", "sps"]) }],
    responses: { "200": { description: "CSV or text", content: { "text/csv": {}, "text/plain": {} } } },
  },
  {
    method: "post",
    path: "/api/survey/waves/{year}/publish",
    summary: "Publish or withdraw a wave's results",
    tag,
    access: ADMIN,
    params: [year],
    body: json(PublishWaveRequest),
  },
  {
    method: "get",
    path: "/api/survey/waves/{year}/results",
    summary: "Weighted key indicators with standard errors and 95 % intervals",
    tag,
    access: "everyone once the wave is published; administrators before",
    params: [year],
  },
  {
    method: "post",
    path: "/api/survey/waves/{year}/sample",
    summary: "Load the wave's sample frame",
    tag,
    access: ADMIN,
    params: [year],
    body: csv("household_id,region,settlement,weight,address"),
  },
  {
    method: "get",
    path: "/api/survey/waves/{year}/tables",
    summary: "The results tables as CSV or XLSX",
    tag,
    access: "everyone once the wave is published; administrators before",
    params: [year, { name: "format", in: "query", schema: z.enum(["csv", "xlsx"]) }],
    responses: { "200": { description: "CSV or XLSX", content: { "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {} } } },
  },
];
