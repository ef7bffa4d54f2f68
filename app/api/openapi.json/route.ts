// GET /api/openapi.json — the API's OpenAPI 3.1 description, built from the schemas the routes
// validate with (public: it describes, it holds no data).
import { route } from "@/lib/http/route";
import { apiDocument } from "@/app/api-docs/operations";

const document = apiDocument();

export const GET = route(async () => Response.json(document));
