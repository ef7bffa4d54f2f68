// Refuses further logins for an account after too many recent failures.
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

/** When the account is locked, the moment it unlocks (epoch ms); otherwise null. */
export function lockedUntil(email: string, now = Date.now()): number | null {
  const failures = getDb()
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, now - WINDOW_MS)))
    .orderBy(loginAttempts.at)
    .all();
  if (failures.length < MAX_FAILURES) return null;
  // Unlocks when the oldest failure that keeps the count at the limit leaves the window.
  return failures[failures.length - MAX_FAILURES].at + WINDOW_MS;
}

export function recordLoginAttempt(email: string, succeeded: boolean, now = Date.now()) {
  getDb().insert(loginAttempts).values({ email, succeeded, at: now }).run();
}
