// Personal API tokens of the signed-in user: create (the secret is returned once and stored only
// as its hash), list (never the secret), revoke (at once: every request checks the token). Each
// change is one transaction with its audit row.
import "server-only";
import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction } from "@/db/transaction";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/server";
import { expiryOf, hashToken, newToken } from "@/lib/auth/api-token";
import { ServiceError } from "@/lib/http/service-error";
import type { CreateTokenRequest } from "../token-schemas";

type Actor = { user: { id: number; role: string }; ip: string | null };

/** Live tokens a user may hold at once: enough for every script, few enough to review. */
export const MAX_LIVE_TOKENS = 20;

export type TokenInfo = {
  id: number;
  name: string;
  scope: "read" | "write";
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export async function createToken(db: Db, input: CreateTokenRequest, by: Actor, now = new Date()): Promise<{ id: number; token: string; expiresAt: string }> {
  const token = newToken();
  const expiresAt = expiryOf(now, input.expiresInDays);
  return inTransaction(db, async (tx) => {
    const [{ n: live }] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, by.user.id), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now.toISOString())));
    if (live >= MAX_LIVE_TOKENS) throw new ServiceError(409, `You already have ${MAX_LIVE_TOKENS} active tokens: revoke one first.`);
    const [{ id }] = await tx
      .insert(apiTokens)
      .values({ userId: by.user.id, name: input.name, tokenHash: hashToken(token), scope: input.scope, expiresAt, createdAt: now.toISOString() })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, { action: "token.create", object: `token ${id} (${input.scope}, until ${expiresAt.slice(0, 10)})`, user: by.user }, by.ip);
    return { id, token, expiresAt };
  });
}

export async function listTokens(db: Db, userId: number): Promise<TokenInfo[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}

/** Revokes one of the user's own tokens; another user's token is "not found", as one that does not exist. */
export async function revokeToken(db: Db, id: number, by: Actor, now = new Date()): Promise<TokenInfo> {
  return inTransaction(db, async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
    if (!token || token.userId !== by.user.id) throw new ServiceError(404, "No such token.");
    if (!token.revokedAt) {
      await tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, id));
      await recordAudit(tx, { action: "token.revoke", object: `token ${id}`, user: by.user }, by.ip);
    }
    return (await listTokens(tx, by.user.id)).find((t) => t.id === id)!;
  });
}
