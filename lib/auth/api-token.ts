// Personal API tokens: what a token may do on a request. Pure; the database side is
// api-token-store.ts (resolving a request's token) and modules/users/server/api-tokens.ts (create,
// list, revoke).
export { TOKEN_PATTERN, bearerOf, hashToken, newToken } from "./api-token-format.mjs";

export type TokenScope = "read" | "write";
export const TOKEN_SCOPES: readonly TokenScope[] = ["read", "write"];
export const MAX_TOKEN_DAYS = 366;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

export type StoredToken = { id: number; scope: TokenScope; expiresAt: string; revokedAt: string | null };

/** Why the token cannot be used for this request, or null when it can: revoked, expired, or a
 *  read-only token on a write. A request whose method is unknown counts as a write. */
export function tokenRefusal(token: StoredToken, method: string | null, now: Date): string | null {
  if (token.revokedAt) return "This API token has been revoked.";
  if (Date.parse(token.expiresAt) <= now.getTime()) return "This API token has expired.";
  if (token.scope === "read" && !READS.has((method ?? "").toUpperCase())) return "This API token may only read (scope read).";
  return null;
}

/** The expiry of a token created now for `days` days (ISO, UTC). */
export function expiryOf(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}
