// The legal-statistics routes as the OpenAPI document describes them (lib/api-docs/openapi.ts).
import { z } from "zod";
import type { OperationDoc } from "@/lib/api-docs/openapi";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { SaveAnswersRequest } from "@/modules/questionnaire/schemas";
import { TransitionRequest } from "./schemas";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const report = { name: "id", in: "path", schema: z.string(), description: "The report's id." } as const;
const tag = "Legal statistics";

export const REPORTING_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/admin/compliance",
    summary: "Reporting compliance: which report was due, when it came",
    tag,
    access: "administrators",
    params: [
      { name: "from", in: "query", schema: date },
      { name: "to", in: "query", schema: date },
      { name: "region", in: "query", schema: z.string().max(64) },
      { name: "state", in: "query", schema: z.string().max(64) },
    ],
    responses: { "200": { description: "CSV", content: { "text/csv": {} } } },
  },
  {
    method: "get",
    path: "/api/report-forms/{number}/deadline",
    summary: "The legal due date of a form for a period",
    tag,
    access: "public",
    params: [
      { name: "number", in: "path", schema: z.string(), description: "The form's number, e.g. 1 (form 1-M)." },
      { name: "period", in: "query", schema: z.string().max(10), required: true, description: "2026-03, 2025-Q4, 2026-H1 or 2026." },
    ],
  },
  {
    method: "get",
    path: "/api/reports/{id}/answers",
    summary: "A report's stored cells",
    tag,
    access: "the body's reporters; administrators",
    params: [report],
  },
  {
    method: "put",
    path: "/api/reports/{id}/answers",
    summary: "Save a report's cells (autosave)",
    tag,
    access: "the body's reporters while the report is open; administrators",
    params: [report],
    body: { contentType: "application/json", schema: SaveAnswersRequest, maxBytes: BODY_LIMITS.json },
  },
  {
    method: "post",
    path: "/api/reports/{id}/transitions",
    summary: "Submit a report, or return it",
    tag,
    access: "submit: the body's reporters; return: the Committee (administrators)",
    params: [report],
    body: { contentType: "application/json", schema: TransitionRequest, maxBytes: BODY_LIMITS.json },
  },
  {
    method: "get",
    path: "/api/open-data/registered-crimes",
    summary: "Open data: registered criminal offences by region and year (or month)",
    description: "Rows of periods not complete yet (a year or month some body has not reported) are marked provisional.",
    tag: "Open data",
    access: "public",
    params: [
      { name: "format", in: "query", schema: z.enum(["json", "csv", "sdmx-csv"]), description: "sdmx-csv: SDMX-CSV 1.0." },
      { name: "year", in: "query", schema: z.int().min(1900).max(2100), description: "Months of this year instead of years." },
    ],
    responses: {
      "200": {
        description: "Figures with metadata (licence included)",
        content: { "application/json": {}, "text/csv": {}, "application/vnd.sdmx.data+csv; version=1.0.0": {} },
      },
    },
  },
];
