// How pages, route handlers and server actions learn who is asking and whether they may.
// Every protected entry point calls one of these; the decisions themselves are in policy.ts.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { all, get } from "@/db/sql";
import type { users } from "@/db/schema";
import { auth } from "./auth";
import { authSecret } from "./secret";
import { decide, type Action, type Principal, type Resource } from "./policy";
import { SessionTokenCache, sessionTokenOf } from "./session-token";
import { refusalBody, type Refusal } from "@/lib/http/refusal";
import { bearerOf } from "./api-token";
import { USER_BY_ID, USER_SCOPES } from "./auth.sql";
import { auditTokenUse, resolveToken } from "./api-token-store";

export type CurrentUser = Principal & {
  email: string;
  name: string;
  locale: string;
  /** Set when the request authenticated with a personal API token instead of a session cookie. */
  apiToken?: { id: number; scope: "read" | "write" };
};

/** Decoded session tokens (see session-token.ts): Auth.js decrypts the token and derives its key
 *  on every call, the largest per-request cost after the database in a profile of the autosave. */
const tokens = new SessionTokenCache();

/** The signed-in, active user whose session is still current; null otherwise. Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers();
  const bearer = bearerOf(requestHeaders.get("authorization"));
  // A request that presents a Bearer token is judged by that token alone, never by a cookie it
  // may also carry: a script's request is not a browser session (CSRF checks, token management).
  if (bearer !== null) return tokenUser(bearer, requestHeaders);
  const token = sessionTokenOf((await cookies()).getAll());
  if (!token) return null;
  let session = tokens.get(token.value);
  if (!session) {
    // The authoritative check: Auth.js reads and verifies the token as it does for any request.
    const verified = (await auth()) as { uid?: number; sv?: number } | null;
    if (!verified?.uid) return null;
    // Its expiry, to know how long the decoded token may be reused.
    const payload = await decode({ token: token.value, secret: authSecret(), salt: token.name }).catch(() => null);
    session = { uid: verified.uid, sv: verified.sv ?? -1 };
    if (typeof payload?.exp === "number") tokens.set(token.value, session, payload.exp * 1000);
  }
  // The user and the session version are read from the database on every request, so a logout,
  // a deactivation or a changed role still ends a session at once.
  return loadUser(session.uid, session.sv);
});

/** The owner of the request's API token, on the API only (pages and server actions are for
 *  browsers); null when the token is refused. middleware.ts sets the path and method headers. */
async function tokenUser(token: string, requestHeaders: Headers): Promise<CurrentUser | null> {
  const path = requestHeaders.get("x-pathname");
  const method = requestHeaders.get("x-request-method");
  if (!path?.startsWith("/api/") || path.startsWith("/api/auth/")) return null;
  const use = await resolveToken(getDb(), token, method);
  if (!use.ok) return null;
  const user = await loadUser(use.userId, null);
  if (!user) return null;
  auditTokenUse(user, use.tokenId, method, path);
  return { ...user, apiToken: { id: use.tokenId, scope: use.scope } };
}

type UserRow = typeof users.$inferSelect;

async function loadUser(id: number, sessionVersion: number | null): Promise<CurrentUser | null> {
  const db = getDb();
  const user = await get<Omit<UserRow, "active"> & { active: number | boolean }>(db, USER_BY_ID, id);
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  const scopes = await all<{ kind: string; code: string }>(db, USER_SCOPES, id);
  return {
    id: user.id,
    role: user.role,
    email: user.email,
    name: user.name,
    locale: user.locale,
    countries: scopes.filter((s) => s.kind === "country").map((s) => s.code),
    regions: scopes.filter((s) => s.kind === "region").map((s) => s.code),
    bodyId: user.reportingBodyId,
    supervisorId: user.supervisorId,
  };
}

/** For pages: the current user, or a redirect to the login page that comes back here. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages: the current user if the policy allows the action, else the 403 page. */
export async function requireAccess(action: Action, resource: Resource): Promise<CurrentUser> {
  const user = await requireUser();
  if (!decide(user, action, resource).allowed) forbidden();
  return user;
}

export type ApiAccess = { ok: true; user: CurrentUser } | { ok: false; response: Response; reason: Refusal };

/** For route handlers and server actions: 401/403 JSON with the policy's reason. */
export async function checkApiAccess(action: Action, resource: Resource): Promise<ApiAccess> {
  const user = await currentUser();
  const decision = decide(user, action, resource);
  if (decision.allowed) return { ok: true, user: user! };
  return {
    ok: false,
    response: Response.json(refusalBody(decision.reason), { status: user ? 403 : 401 }),
    reason: decision.reason,
  };
}
