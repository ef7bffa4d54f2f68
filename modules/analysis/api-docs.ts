// The cross-source analysis routes as the OpenAPI document describes them (lib/api-docs/openapi.ts).
import { z } from "zod";
import type { OperationDoc } from "@/lib/api-docs/openapi";

export const ANALYSIS_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/analysis/unrecorded-crime",
    summary: "Survey victimisation and reporting estimates (95 % intervals) beside the offences registered in form 1-M, by region and offence",
    tag: "Cross-source analysis",
    access: "administrators; everyone once the year's survey wave and 1-M reports are published",
    params: [{ name: "year", in: "query", schema: z.string().regex(/^\d{4}$/), description: "Calendar year, e.g. 2025.", required: true }],
  },
];
