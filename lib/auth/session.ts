// How pages, route handlers and server actions learn who is asking and whether they may.
// Every protected entry point calls one of these; the decisions themselves are in policy.ts.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, userScopes } from "@/db/schema";
import { auth } from "./auth";
import { decide, type Action, type Principal, type Resource } from "./policy";

export type CurrentUser = Principal & { email: string; name: string; locale: string };

/** The signed-in, active user whose session is still current; null otherwise. Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  return loadUser(session.uid, session.sv ?? -1);
});

export function loadUser(id: number, sessionVersion: number | null): CurrentUser | null {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  const scopes = db.select().from(userScopes).where(eq(userScopes.userId, id)).all();
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

export type ApiAccess = { ok: true; user: CurrentUser } | { ok: false; response: Response };

/** For route handlers and server actions: 401/403 JSON with the policy's reason. */
export async function checkApiAccess(action: Action, resource: Resource): Promise<ApiAccess> {
  const user = await currentUser();
  const decision = decide(user, action, resource);
  if (decision.allowed) return { ok: true, user: user! };
  return {
    ok: false,
    response: Response.json({ error: decision.reason }, { status: user ? 403 : 401 }),
  };
}
