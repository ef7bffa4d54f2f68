// The CEPEJ routes as the OpenAPI document describes them (lib/api-docs/openapi.ts), with the
// schemas the routes validate their bodies with.
import { z } from "zod";
import type { OperationDoc } from "@/lib/api-docs/openapi";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { FlagRequest, OpenQueryRequest, PublishCycleRequest, QueryPostRequest, RestoreRequest, TransitionRequest, UndoImportRequest } from "./schemas";
import { ReplyJson } from "./export/reply-json";

const json = (schema: z.ZodType) => ({ contentType: "application/json", schema, maxBytes: BODY_LIMITS.json });
const cycle = { name: "cycle", in: "path", schema: z.string().max(64), description: "Evaluation cycle, e.g. 2022-2024." } as const;
const country = { name: "country", in: "path", schema: z.string().length(2), description: "ISO 3166-1 alpha-2 code, e.g. KZ." } as const;
const REPLY = "/api/cycles/{cycle}/replies/{country}";
const READ = "the country's correspondents and the secretariat (administrators)";
const REVIEW = "the secretariat (administrators)";
const tag = "CEPEJ evaluation";

export const CEPEJ_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/cycles/{cycle}/export",
    summary: "Every reply of the cycle as a long CSV",
    tag,
    access: REVIEW,
    params: [cycle, { name: "format", in: "query", schema: z.enum(["csv"]) }],
    responses: { "200": { description: "CSV", content: { "text/csv": {} } }, "404": { description: "No such cycle" } },
  },
  {
    method: "get",
    path: "/api/cycles/{cycle}/questionnaire",
    summary: "The cycle's questionnaire definition",
    tag,
    access: "any signed-in user",
    params: [cycle],
  },
  {
    method: "post",
    path: "/api/cycles/{cycle}/publish",
    summary: "Publish (or withdraw) the cycle's dashboard of validated replies",
    tag,
    access: REVIEW,
    params: [cycle],
    body: { contentType: "application/json", schema: PublishCycleRequest, maxBytes: BODY_LIMITS.json },
  },
  {
    method: "get",
    path: "/api/cycles/{cycle}/status",
    summary: "State of every country's reply",
    tag,
    access: REVIEW,
    params: [cycle, { name: "format", in: "query", schema: z.enum(["csv", "json"]) }],
    responses: { "200": { description: "CSV or JSON", content: { "text/csv": {}, "application/json": {} } } },
  },
  { method: "get", path: `${REPLY}/answers`, summary: "The reply's stored answers with their versions", tag, access: READ, params: [cycle, country] },
  {
    method: "put",
    path: `${REPLY}/answers`,
    summary: "Save answers (autosave)",
    description: "Each change names its cell, the new value (null clears it) and the version it was based on; an older base version is a 409 with both values.",
    tag,
    access: "the country's correspondents while the reply is open; administrators",
    params: [cycle, country],
    body: json(SaveAnswersRequest),
  },
  {
    method: "get",
    path: `${REPLY}/export`,
    summary: "The reply as CSV, XLSX or JSON",
    tag,
    access: READ,
    params: [cycle, country, { name: "format", in: "query", schema: z.enum(["csv", "xlsx", "json"]) }],
    responses: {
      "200": {
        description: "The reply",
        content: { "text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "application/json": { schema: ReplyJson } },
      },
    },
  },
  {
    method: "put",
    path: `${REPLY}/flags`,
    summary: "Mark a value not retained for publication (or unmark it)",
    tag,
    access: REVIEW,
    params: [cycle, country],
    body: json(FlagRequest),
  },
  {
    method: "get",
    path: `${REPLY}/history`,
    summary: "Every change of a cell",
    tag,
    access: REVIEW,
    params: [cycle, country, { name: "cell", in: "query", schema: z.string().max(200), required: true }],
  },
  {
    method: "post",
    path: `${REPLY}/history`,
    summary: "Restore a value a change recorded",
    tag,
    access: REVIEW,
    params: [cycle, country],
    body: json(RestoreRequest),
  },
  {
    method: "post",
    path: `${REPLY}/import`,
    summary: "Import a reply in the JSON export format: ?preview=1 answers what would change (added, changed, cleared) without writing",
    tag,
    access: "the country's correspondents while the reply is open; administrators",
    params: [
      cycle,
      country,
      { name: "preview", in: "query", schema: z.enum(["1"]), description: "Only count and list the changes." },
      { name: "mapCycle", in: "query", schema: z.string(), description: "Accept a file of this other cycle (explicit mapping)." },
      { name: "mapCountry", in: "query", schema: z.string(), description: "Accept a file of this other country (explicit mapping)." },
    ],
    body: { contentType: "application/json", schema: ReplyJson, maxBytes: BODY_LIMITS.replyImport },
  },
  {
    method: "post",
    path: `${REPLY}/import/undo`,
    summary: "Undo an import as a whole: every cell it changed gets its value from before (409 when one changed since)",
    tag,
    access: "the country's correspondents while the reply is open; administrators",
    params: [cycle, country],
    body: json(UndoImportRequest),
  },
  { method: "get", path: `${REPLY}/queries`, summary: "The reply's query threads", tag, access: READ, params: [cycle, country] },
  {
    method: "post",
    path: `${REPLY}/queries`,
    summary: "Open a query on a question",
    tag,
    access: REVIEW,
    params: [cycle, country],
    body: json(OpenQueryRequest),
  },
  {
    method: "post",
    path: `${REPLY}/queries/{id}`,
    summary: "Answer a query's thread, or resolve it",
    tag,
    access: `${READ} answer; ${REVIEW} resolve`,
    params: [cycle, country, { name: "id", in: "path", schema: z.string() }],
    body: json(QueryPostRequest),
  },
  {
    method: "post",
    path: `${REPLY}/transitions`,
    summary: "Submit, return, validate or reopen the reply",
    tag,
    access: `submit: the country's correspondents; return, validate, reopen: ${REVIEW}`,
    params: [cycle, country],
    body: json(TransitionRequest),
  },
  {
    method: "get",
    path: "/api/open-data/cepej-indicators",
    summary: "Open data: derived indicators of validated replies",
    tag: "Open data",
    access: "public",
    params: [{ name: "format", in: "query", schema: z.enum(["json", "csv"]) }],
    responses: { "200": { description: "Indicators with metadata (licence included)", content: { "application/json": {}, "text/csv": {} } } },
  },
];
