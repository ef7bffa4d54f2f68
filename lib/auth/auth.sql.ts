// The sign-in and session checks' raw SQL, prepared once per connection (db/sql.ts): they run on
// every request (the session's user, an API token) or every sign-in. Each runs as written on SQLite
// and PostgreSQL: camelCase aliases are quoted (PostgreSQL folds unquoted ones to lower case), and
// `active` is 0/1 on SQLite but a boolean on PostgreSQL, so callers read it as truthy.
// Free of "server-only": lib/auth/login.ts runs in scripts and tests too.
import { statement } from "@/db/sql";

/** The session's user, on every request (lib/auth/session.ts). */
export const USER_BY_ID = statement(`select id, email, name, role, locale, active, session_version as "sessionVersion", reporting_body_id as "reportingBodyId",
  supervisor_id as "supervisorId" from users where id = ?`);

/** The countries and regions the user may work on. */
export const USER_SCOPES = statement("select kind, code from user_scopes where user_id = ?");

/** The account a sign-in names (lib/auth/login.ts). */
export const LOGIN_USER = statement(`select id, email, name, role, active, session_version as "sessionVersion", password_hash as "passwordHash"
  from users where email = ?`);

/** A re-hash at the current cost, unless the password was changed meanwhile. */
export const UPGRADE_HASH = statement("update users set password_hash = ? where id = ? and password_hash = ?");

/** A request's API token, by the hash of its secret (lib/auth/api-token-store.ts). */
export const TOKEN_BY_HASH =
  statement(`select id, user_id as "userId", scope, expires_at as "expiresAt", revoked_at as "revokedAt", last_used_at as "lastUsedAt"
  from api_tokens where token_hash = ?`);

export const TOKEN_LAST_USED = statement("update api_tokens set last_used_at = ? where id = ?");

/** A sign-out: the session version moves on if the token's is still current (lib/auth/end-session.ts). */
export const END_SESSION = statement("update users set session_version = session_version + 1 where id = ? and session_version = ? returning email, role");
