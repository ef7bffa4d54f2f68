// The shape of a personal API token and how it is stored. Plain JavaScript: the body gate
// (scripts/server.mjs, lib/auth/gate-session.mjs) reads it without a build; the app imports it too.
import { createHash, randomBytes } from "node:crypto";

/** `jst_` and 32 random bytes in base64url: a prefix that secret scanners and people recognise,
 *  256 bits that nobody guesses. */
export const TOKEN_PATTERN = /^jst_[A-Za-z0-9_-]{43}$/;

export function newToken() {
  return `jst_${randomBytes(32).toString("base64url")}`;
}

/** What is stored: SHA-256 of the token, hex. The secret is random and 256 bits long, so a fast
 *  hash is enough (a slow password hash protects low-entropy secrets, which this is not), and the
 *  lookup by hash is one index probe per request. */
export function hashToken(/** @type {string} */ token) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of an `Authorization: Bearer …` header: a string (possibly malformed) when the
 *  request uses the Bearer scheme, null when it does not. A Bearer request is never a cookie one. */
export function bearerOf(/** @type {string | null | undefined} */ header) {
  if (!header) return null;
  const m = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return m ? (m[1] ?? "").trim() : null;
}
