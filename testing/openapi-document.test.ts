// The API's description: a valid OpenAPI 3.1 document (checked offline against the specification's
// JSON Schema, shipped by @seriousme/openapi-schema-validator), naming every route handler of the
// route registry and nothing else, with request bodies from the routes' own zod schemas.
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "zod";
import { REGISTRY } from "@/testing/route-registry";
import { apiDocument } from "@/app/api-docs/operations";
import { CreateTokenRequest } from "@/modules/users/token-schemas";
import { openApiDocument, pathOfRouteFile, schemaOf } from "@/lib/api-docs/openapi";

type Doc = ReturnType<typeof apiDocument>;
const operationsOf = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

describe("the OpenAPI document", () => {
  const doc = apiDocument();

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("the validator refuses a broken document (the check above can fail)", async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, unknown>> };
    delete (broken.paths["/api/tokens"].post as { responses?: unknown }).responses;
    (broken.paths["/api/tokens"] as Record<string, unknown>).fetch = { nope: true };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("names every route handler of the route registry, and no other", () => {
    const routes = REGISTRY.filter((e) => e.kind === "route").map((e) => `${e.method} ${pathOfRouteFile(e.file)}`);
    expect(routes.length).toBeGreaterThan(30);
    expect(new Set(operationsOf(doc))).toEqual(new Set(routes));
  });

  it("describes request bodies with the schemas the routes validate them with", () => {
    const post = doc.paths["/api/tokens"].post as { requestBody: { content: Record<string, { schema: unknown }> } };
    expect(post.requestBody.content["application/json"].schema).toEqual(schemaOf(CreateTokenRequest));
    expect(post.requestBody.content["application/json"].schema).toMatchObject({
      type: "object",
      properties: { scope: { enum: ["read", "write"], default: "read" }, expiresInDays: { type: "integer", minimum: 1, maximum: 366 } },
      required: ["name", "expiresInDays"],
      additionalProperties: false,
    });
  });

  it("marks public operations as needing no credentials, and others as token or session", () => {
    expect((doc.paths["/api/open-data/catalog"].get as { security?: unknown }).security).toEqual([]);
    expect((doc.paths["/api/admin/audit"].get as { security?: unknown }).security).toBeUndefined();
    expect(doc.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(Object.keys((doc.paths["/api/admin/audit"].get as { responses: object }).responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
  });

  it("refuses an operation named twice", () => {
    const op = {
      method: "get" as const,
      path: "/api/x",
      summary: "x",
      tag: "x",
      access: "public",
      params: [{ name: "q", in: "query" as const, schema: z.string() }],
    };
    expect(() => openApiDocument([op, op], { title: "t", version: "1", description: "d" })).toThrow(/twice/);
  });

  it("turns route files into paths", () => {
    expect(pathOfRouteFile("app/api/cycles/[cycle]/replies/[country]/answers/route.ts")).toBe("/api/cycles/{cycle}/replies/{country}/answers");
    expect(pathOfRouteFile("app/api/auth/[...nextauth]/route.ts")).toBe("/api/auth/{nextauth}");
  });
});
