// Whether a request carries a session token this server issued and that has not expired: what
// the body gate (scripts/server.mjs) needs to tell a signed-in caller from anyone, before Next.js
// runs. The routes still check the user against the database (lib/auth/session.ts); a token of a
// user signed out since is let through here and refused there, its body bounded by the route.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { decode } from "next-auth/jwt";
import Database from "better-sqlite3";
import { TOKEN_PATTERN, bearerOf, hashToken } from "./api-token-format.mjs";

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.(\d+))?$/;

/** Auth.js's session cookie from a Cookie header, joined when it was split into chunks, with the
 *  name it was encrypted for (lib/auth/session-token.ts does the same for the app). */
export function sessionCookie(/** @type {string | undefined} */ header) {
  if (!header) return null;
  /** @type {{ name: string; value: string; chunk: number | null }[]} */
  const parts = [];
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    const m = SESSION_COOKIE.exec(name);
    const value = pair.slice(at + 1).trim();
    if (m && value) parts.push({ name, value, chunk: m[1] === undefined ? null : Number(m[1]) });
  }
  if (!parts.length) return null;
  const whole = parts.find((p) => p.chunk === null);
  if (whole) return { name: whole.name, value: whole.value };
  parts.sort((a, b) => Number(a.chunk) - Number(b.chunk));
  return { name: parts[0].name.replace(/\.\d+$/, ""), value: parts.map((p) => p.value).join("") };
}

/** AUTH_SECRET, or the one the app generated next to the database (lib/auth/secret.ts). */
function secret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(process.env.DATABASE_PATH ?? path.join("data", "app.db")), "auth-secret");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** True when the Cookie header holds a session token that decrypts with our secret and is current. */
export async function hasSession(/** @type {string | undefined} */ cookieHeader) {
  const cookie = sessionCookie(cookieHeader);
  const key = cookie && secret();
  if (!cookie || !key) return false;
  try {
    const payload = await decode({ token: cookie.value, secret: key, salt: cookie.name });
    return typeof payload?.uid === "number";
  } catch {
    return false;
  }
}

/** @type {import("better-sqlite3").Statement | null} */
let tokenLookup = null;
/** @type {import("pg").Pool | null} */
let postgres = null;

const TOKEN_LIVE = `select 1 from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and t.expires_at > $2 and u.active`;

/** True when the Authorization header carries an API token that exists, is neither revoked nor
 *  expired, and whose owner is active. The route checks it again, with its scope, on its own
 *  connection; this read-only one only lets the body through the gate. */
export async function hasApiToken(/** @type {string | undefined} */ authorization) {
  const token = bearerOf(authorization);
  if (!token || !TOKEN_PATTERN.test(token)) return false;
  if (process.env.DATABASE_URL) {
    try {
      // A small pool of its own: the gate runs in the custom server, outside the app's bundle.
      if (!postgres) {
        postgres = new (await import("pg")).default.Pool({ connectionString: process.env.DATABASE_URL, max: 2, connectionTimeoutMillis: 5000 });
        // An idle client whose server connection was killed (a failover, pg_terminate_backend)
        // reports the error here; without a listener it would end the server (as db/postgres.ts).
        postgres.on("error", (error) => console.error("body gate: idle postgres connection lost:", error.message));
      }
      const { rowCount } = await postgres.query(TOKEN_LIVE, [hashToken(token), new Date().toISOString()]);
      return (rowCount ?? 0) > 0;
    } catch {
      return false;
    }
  }
  try {
    tokenLookup ??= new Database(process.env.DATABASE_PATH ?? path.join("data", "app.db"), { readonly: true, fileMustExist: true }).prepare(
      `select 1 from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = ? and t.revoked_at is null and t.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now') and u.active = 1`,
    );
    return tokenLookup.get(hashToken(token)) !== undefined;
  } catch {
    return false;
  }
}

/** Whether the request is from a signed-in caller: an API token when it names one (its cookies
 *  then do not count, as in the app), else the session cookie. */
export async function isSignedIn(/** @type {{ cookie?: string; authorization?: string }} */ headers) {
  if (bearerOf(headers.authorization) !== null) return hasApiToken(headers.authorization);
  return hasSession(headers.cookie);
}
