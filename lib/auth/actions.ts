"use server";
// Server actions for signing in and out and for the user's language.
import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { users } from "@/db/schema";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { audit, requestIp } from "@/lib/audit/server";
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./callback-url";
import { addressKey, lockedUntil } from "./lockout";
import { currentUser } from "./session";

export type LoginState = { error?: "invalid" | "inactive" | "unavailable" | "locked" | "emailRequired" | "passwordRequired"; retryAt?: number; email?: string };

const LoginForm = z.object({
  email: z.string().trim().toLowerCase().min(1, "emailRequired").max(320),
  password: z.string().min(1, "passwordRequired").max(1024),
  // Not a refusal when odd: the user is sent home instead (safeCallbackPath).
  callbackUrl: z.unknown().optional(),
});

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const parsed = LoginForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0].message as LoginState["error"], email: String(form.get("email") ?? "") };
  const { email, password, callbackUrl } = parsed.data;
  // The limits themselves are applied in authorize() (auth.ts), where the attempt is reserved; here
  // only the moment to show the user.
  const retryAt = async () => lockedUntil(getDb(), { email, address: addressKey(await requestIp()) });
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl, [(await headers()).get("host")]) });
    return {};
  } catch (error) {
    if (isRedirectError(error)) {
      // Signed in: remember the user's language for the pages that follow.
      const [user] = await getDb().select({ locale: users.locale }).from(users).where(eq(users.email, email)).limit(1);
      (await cookies()).set(LOCALE_COOKIE, toLocale(user?.locale), { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
      throw error;
    }
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "locked") return { error: "locked", retryAt: (await retryAt()) ?? Date.now(), email };
      if (code === "inactive") return { error: "inactive", email };
      if (code === "unavailable") return { error: "unavailable", email };
      const nowLocked = await retryAt();
      return nowLocked ? { error: "locked", retryAt: nowLocked, email } : { error: "invalid", email };
    }
    throw error;
  }
}

export async function signOutAction() {
  const user = await currentUser();
  if (user) {
    // Ends this session everywhere the token might be used: older tokens no longer match.
    await inTransaction(getDb(), async (tx) => {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, user.id));
    });
    audit({ action: "logout", object: user.email, user });
  }
  await signOut({ redirectTo: "/login" });
}

export async function changeLanguage(form: FormData) {
  const locale = toLocale(String(form.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  const user = await currentUser();
  if (user)
    await inTransaction(getDb(), async (tx) => {
      await tx.update(users).set({ locale }).where(eq(users.id, user.id));
    });
}
