// The platform's own routes (health, sign-in, log-journal, this description, the open-data catalogue)
// as the OpenAPI document describes them.
import { z } from "zod";
import type { OperationDoc } from "./openapi";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PLATFORM_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/admin/audit",
    summary: "The log-journal as CSV, newest first",
    tag: "Administration",
    access: "administrators",
    params: [
      { name: "q", in: "query", schema: z.string().max(200) },
      { name: "action", in: "query", schema: z.string().max(64) },
      { name: "from", in: "query", schema: date },
      { name: "to", in: "query", schema: date },
      { name: "limit", in: "query", schema: z.int().min(1).max(100_000) },
    ],
    responses: { "200": { description: "CSV", content: { "text/csv": {} } } },
  },
  {
    method: "get",
    path: "/api/auth/{nextauth}",
    summary: "Auth.js endpoints: session, CSRF token, providers",
    description: "Sign in through the login page; scripts use API tokens instead.",
    tag: "Sign-in",
    access: "public",
  },
  {
    method: "post",
    path: "/api/auth/{nextauth}",
    summary: "Auth.js endpoints: credentials callback, sign-out",
    tag: "Sign-in",
    access: "public",
    body: { contentType: "application/x-www-form-urlencoded", description: "Auth.js's form, with its CSRF token." },
  },
  {
    method: "get",
    path: "/api/health",
    summary: "Whether the database answers and can be written",
    tag: "Platform",
    access: "public",
    responses: { "200": { description: "ok" }, "503": { description: "The database is not readable or writable" } },
  },
  { method: "get", path: "/api/openapi.json", summary: "This description (OpenAPI 3.1)", tag: "Platform", access: "public" },
  {
    method: "get",
    path: "/api/open-data/catalog",
    summary: "Open data catalogue (DCAT, JSON-LD)",
    tag: "Open data",
    access: "public",
    responses: { "200": { description: "A dcat:Catalog", content: { "application/ld+json": {} } } },
  },
];
