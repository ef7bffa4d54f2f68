// The request's API token, checked against the database on every use: it exists (by its hash),
// is neither revoked nor expired, allows the method, and its owner is active. Each use is written
// to the log-journal.
import "server-only";
import type { Db } from "@/db/open";
import { prepared } from "@/db/statements";
import { inTransaction } from "@/db/transaction";
import { audit } from "@/lib/audit/server";
import { TOKEN_PATTERN, hashToken, tokenRefusal, type StoredToken } from "./api-token";

const TOKEN_SQL = `select id, user_id as userId, scope, expires_at as expiresAt, revoked_at as revokedAt, last_used_at as lastUsedAt
  from api_tokens where token_hash = ?`;

export type TokenUse = { ok: true; tokenId: number; userId: number; scope: StoredToken["scope"] } | { ok: false; reason: string };

/** Marking "last used" is a write; once a minute per token is enough for the list of tokens (the
 *  log-journal has every use). */
const LAST_USED_EVERY_MS = 60_000;

export async function resolveToken(db: Db, token: string, method: string | null, now = new Date()): Promise<TokenUse> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "This is not an API token." };
  const row = prepared(db.$client, TOKEN_SQL).get(hashToken(token)) as (StoredToken & { userId: number; lastUsedAt: string | null }) | undefined;
  if (!row) return { ok: false, reason: "Unknown API token." };
  const refusal = tokenRefusal(row, method, now);
  if (refusal) return { ok: false, reason: refusal };
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_EVERY_MS)
    await inTransaction(db, async (tx) => {
      prepared(tx.$client, "update api_tokens set last_used_at = ? where id = ?").run(now.toISOString(), row.id);
    });
  return { ok: true, tokenId: row.id, userId: row.userId, scope: row.scope };
}

/** One row per request made with a token: which token, what was asked. */
export function auditTokenUse(user: { id: number; role: string }, tokenId: number, method: string | null, path: string | null) {
  audit({ action: "token.use", object: `token ${tokenId}: ${method ?? "?"} ${(path ?? "").slice(0, 300)}`, user });
}
