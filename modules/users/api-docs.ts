// The personal API token routes as the OpenAPI document describes them (lib/api-docs/openapi.ts).
import { z } from "zod";
import type { OperationDoc } from "@/lib/api-docs/openapi";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { CreateTokenRequest, TokenId } from "./token-schemas";

const TokenInfo = z.object({
  id: z.int(),
  name: z.string(),
  scope: z.enum(["read", "write"]),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
const tag = "API tokens";
const SESSION_ONLY = "any signed-in user, from a browser session (not with a token), for their own tokens";

export const USERS_API: OperationDoc[] = [
  {
    method: "get",
    path: "/api/tokens",
    summary: "Your API tokens (never their secrets)",
    tag,
    access: "any signed-in user, for their own tokens",
    responses: { "200": { description: "The tokens", content: { "application/json": { schema: z.object({ tokens: z.array(TokenInfo) }) } } } },
  },
  {
    method: "post",
    path: "/api/tokens",
    summary: "Create an API token",
    description: "The answer holds the token: it is shown this once and stored only as its SHA-256. Send it as `Authorization: Bearer <token>`.",
    tag,
    access: SESSION_ONLY,
    body: { contentType: "application/json", schema: CreateTokenRequest, maxBytes: BODY_LIMITS.json },
    responses: {
      "201": {
        description: "Created",
        content: { "application/json": { schema: z.object({ id: z.int(), token: z.string(), expiresAt: z.string() }) } },
      },
    },
  },
  {
    method: "delete",
    path: "/api/tokens/{id}",
    summary: "Revoke one of your API tokens",
    tag,
    access: SESSION_ONLY,
    params: [{ name: "id", in: "path", schema: TokenId }],
    responses: {
      "200": { description: "Revoked (at once)", content: { "application/json": { schema: z.object({ token: TokenInfo }) } } },
      "404": { description: "No such token of yours" },
    },
  },
];
