// Every API operation, collected from the features' descriptions: what GET /api/openapi.json
// serves. testing/route-registry.test.ts checks that it names every route handler.
import { openApiDocument, type OperationDoc } from "@/lib/api-docs/openapi";
import { PLATFORM_API } from "@/lib/api-docs/platform";
import { ANALYSIS_API } from "@/modules/analysis/api-docs";
import { CEPEJ_API } from "@/modules/cepej/api-docs";
import { REPORTING_API } from "@/modules/reporting/api-docs";
import { SURVEY_API } from "@/modules/survey/api-docs";
import { USERS_API } from "@/modules/users/api-docs";

export const API_OPERATIONS: OperationDoc[] = [...PLATFORM_API, ...CEPEJ_API, ...SURVEY_API, ...REPORTING_API, ...USERS_API, ...ANALYSIS_API];

export function apiDocument() {
  return openApiDocument(API_OPERATIONS, {
    title: "Justice Statistics API",
    version: "1",
    description:
      "The application's HTTP API. Scripts authenticate with a personal API token (create one on the page API tokens, or POST /api/tokens " +
      "from a signed-in session) sent as `Authorization: Bearer <token>`; it acts with its owner's permissions, scope read on GET requests " +
      'only, scope write also on writes. Refusals are 4xx with a JSON {"error": reason}.',
  });
}
