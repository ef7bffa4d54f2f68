// The request's API token, checked against the database on every use: it exists (by its hash),
// is neither revoked nor expired, allows the method, and its owner is active. Each use is written
// to the log-journal.
import "server-only";
import type { Db } from "@/db/open";
import { get, run } from "@/db/sql";
import { inTransaction } from "@/db/transaction";
import { audit } from "@/lib/audit/server";
import { TOKEN_PATTERN, hashToken, tokenRefusal, type StoredToken } from "./api-token";
import { TOKEN_BY_HASH, TOKEN_LAST_USED } from "./auth.sql";

export type TokenUse = { ok: true; tokenId: number; userId: number; scope: StoredToken["scope"] } | { ok: false; reason: string };

/** Marking "last used" is a write; once a minute per token is enough for the list of tokens (the
 *  log-journal has every use). */
const LAST_USED_EVERY_MS = 60_000;

export async function resolveToken(db: Db, token: string, method: string | null, now = new Date()): Promise<TokenUse> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "This is not an API token." };
  const row = await get<StoredToken & { userId: number; lastUsedAt: string | null }>(db, TOKEN_BY_HASH, hashToken(token));
  if (!row) return { ok: false, reason: "Unknown API token." };
  const refusal = tokenRefusal(row, method, now);
  if (refusal) return { ok: false, reason: refusal };
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_EVERY_MS)
    await inTransaction(db, async (tx) => {
      await run(tx, TOKEN_LAST_USED, now.toISOString(), row.id);
    });
  return { ok: true, tokenId: row.id, userId: row.userId, scope: row.scope };
}

/** One row per request made with a token: which token, what was asked. */
export function auditTokenUse(user: { id: number; role: string }, tokenId: number, method: string | null, path: string | null) {
  audit({ action: "token.use", object: `token ${tokenId}: ${method ?? "?"} ${(path ?? "").slice(0, 300)}`, user });
}
