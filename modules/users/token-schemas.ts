// What a user may send about their personal API tokens; the OpenAPI document describes the same schemas.
import { z } from "zod";
import { MAX_TOKEN_DAYS, TOKEN_SCOPES } from "@/lib/auth/api-token";
import { TEXT_MAX } from "@/lib/text-limits";

export const CreateTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(TEXT_MAX.name).describe("What the token is for, e.g. the script that uses it."),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).describe("Days until the token stops working."),
    scope: z.enum(TOKEN_SCOPES).default("read").describe("read: GET requests only; write: also the owner's writes."),
  })
  .strict();
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

/** A token id in the address. */
export const TokenId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
