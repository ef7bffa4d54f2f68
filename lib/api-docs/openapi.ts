// The API's description as data, and the OpenAPI 3.1 document built from it. Each feature declares
// its operations (modules/*/api-docs.ts) with the very zod schemas its routes validate bodies and
// parameters with; app/api-docs/operations.ts collects them; GET /api/openapi.json serves the
// document. OpenAPI 3.1 schemas are JSON Schema 2020-12, what zod 4's toJSONSchema writes.
import { z } from "zod";

export type ApiMethod = "get" | "post" | "put" | "delete";

export type ParamDoc = { name: string; in: "path" | "query"; schema: z.ZodType; description?: string; required?: boolean };

export type ResponseDoc = {
  description: string;
  /** Media types of the body; a schema when it is JSON we describe. */
  content?: Record<string, { schema?: z.ZodType }>;
};

export type OperationDoc = {
  method: ApiMethod;
  /** With {placeholders}: /api/cycles/{cycle}/replies/{country}/answers. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it, in words (the rules themselves are lib/auth/policy.ts). "public": no sign-in. */
  access: string;
  params?: ParamDoc[];
  body?: { contentType: string; schema?: z.ZodType; description?: string; maxBytes?: number };
  responses?: Record<string, ResponseDoc>;
};

/** The answer of every refusal: 4xx with a reason (and sometimes details). */
export const ApiError = z
  .object({ error: z.string().describe("Why the request was refused, in English."), details: z.unknown().optional() })
  .describe("A refusal: 4xx with its reason.");

const JSON_SCHEMA_OPTIONS = { target: "draft-2020-12", io: "input", unrepresentable: "any" } as const;

/** A zod schema as an OpenAPI 3.1 schema object: JSON Schema 2020-12 without its `$schema` key. */
export function schemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, JSON_SCHEMA_OPTIONS) as Record<string, unknown>;
  return rest;
}

const PLACEHOLDER = /\{([^}]+)\}/g;

function parameters(op: OperationDoc) {
  const given = new Map((op.params ?? []).map((p) => [`${p.in}:${p.name}`, p]));
  const inPath = [...op.path.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const out: Record<string, unknown>[] = [];
  for (const name of inPath) {
    const p = given.get(`path:${name}`);
    out.push({
      name,
      in: "path",
      required: true,
      schema: p ? schemaOf(p.schema) : { type: "string" },
      ...(p?.description ? { description: p.description } : {}),
    });
  }
  for (const p of op.params ?? []) {
    if (p.in !== "query") continue;
    out.push({
      name: p.name,
      in: "query",
      required: p.required ?? false,
      schema: schemaOf(p.schema),
      ...(p.description ? { description: p.description } : {}),
    });
  }
  return out;
}

function responses(op: OperationDoc) {
  const out: Record<string, unknown> = {};
  const given = op.responses ?? { "200": { description: "OK", content: { "application/json": {} } } };
  for (const [status, r] of Object.entries(given)) {
    out[status] = {
      description: r.description,
      ...(r.content
        ? { content: Object.fromEntries(Object.entries(r.content).map(([type, c]) => [type, c.schema ? { schema: schemaOf(c.schema) } : {}])) }
        : {}),
    };
  }
  const error = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  if (op.body || op.params?.some((p) => p.in === "query")) out["400"] ??= { description: "Invalid parameters or body", ...error };
  if (op.access !== "public") {
    out["401"] ??= { description: "Not signed in, or the API token is unknown, revoked, expired or not allowed this method", ...error };
    out["403"] ??= { description: "Signed in, but not allowed", ...error };
  }
  return out;
}

export type ApiInfo = { title: string; version: string; description: string };

/** The OpenAPI 3.1 document of these operations. */
export function openApiDocument(operations: OperationDoc[], info: ApiInfo) {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const op of operations) {
    const key = `${op.method} ${op.path}`;
    if (seen.has(key)) throw new Error(`The API description names ${key} twice.`);
    seen.add(key);
    const operationId = `${op.method}${op.path
      .replace(/^\/api/, "")
      .replace(/[{}]/g, "")
      .split(/[/.\-_]/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join("")}`;
    const params = parameters(op);
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId,
      summary: op.summary,
      description: [op.description, `Access: ${op.access}.`].filter(Boolean).join("\n\n"),
      tags: [op.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              ...(op.body.description || op.body.maxBytes
                ? { description: [op.body.description, op.body.maxBytes ? `At most ${op.body.maxBytes} bytes.` : ""].filter(Boolean).join(" ") }
                : {}),
              content: { [op.body.contentType]: op.body.schema ? { schema: schemaOf(op.body.schema) } : {} },
            },
          }
        : {}),
      responses: responses(op),
      ...(op.access === "public" ? { security: [] } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: "/" }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: schemaOf(ApiError) },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token (POST /api/tokens, or the page API tokens): Authorization: Bearer jst_…",
        },
        cookieAuth: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session after signing in." },
      },
    },
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  };
}

/** app/api/x/[id]/route.ts → /api/x/{id}; a catch-all [...name] → {name}. */
export function pathOfRouteFile(file: string): string {
  return file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
}
