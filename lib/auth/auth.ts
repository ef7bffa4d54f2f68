// next-auth (v5) with email + password. Sessions are JWTs carrying the user id and the user's
// session version; lib/auth/session.ts checks both against the database on every request, so a
// deactivated user, a changed password or a logout ends existing sessions.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { checkLogin } from "./login";
import { addressKey } from "./lockout";
import { endSession } from "./end-session";
import { authSecret } from "./secret";
import { isStorageFull, storageFull } from "@/db/storage";
import { safeCallbackPath } from "./callback-url";
import { audit, requestIp } from "@/lib/audit/server";

class AccountLockedError extends CredentialsSignin {
  code = "locked";
}
class InactiveAccountError extends CredentialsSignin {
  code = "inactive";
}
/** The attempt could not be recorded (full disk): not a wrong password, and no password is checked. */
class StorageFullError extends CredentialsSignin {
  code = "unavailable";
}

const LoginInput = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });

/** Idle time after which a session expires (seconds); SESSION_IDLE_MINUTES overrides. */
const sessionMaxAge = Number(process.env.SESSION_IDLE_MINUTES ?? 8 * 60) * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // maxAge is the idle limit: each use of the session endpoint (see session-keepalive.tsx) re-issues
  // the token for another maxAge, at most once a minute.
  session: { strategy: "jwt", maxAge: sessionMaxAge, updateAge: 60 },
  // Its errors (an unknown action, a bad request) land on the login page too, instead of
  // next-auth's own error page, which answers 500 for them.
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected event (recorded in the log-journal), not a server error.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const input = LoginInput.safeParse(raw);
        if (!input.success) return null;
        const { email, password } = input.data;
        const address = addressKey(await requestIp());
        let result: Awaited<ReturnType<typeof checkLogin>>;
        try {
          result = await checkLogin(getDb(), email, password, address);
        } catch (error) {
          if (!isStorageFull(error)) throw error;
          storageFull(error);
          throw new StorageFullError();
        }
        if (result.outcome === "locked") throw new AccountLockedError();
        if (result.outcome === "invalid") {
          // One row per password actually checked: refusals under the limits are not checks.
          audit({ action: "login.failed", object: email, user: result.user ? { id: result.user.id, role: result.user.role } : null });
          return null;
        }
        if (result.outcome === "inactive") throw new InactiveAccountError();
        const { user } = result;
        audit({ action: "login", object: email, user: { id: user.id, role: user.role } });
        return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // Signing out through next-auth's own endpoint (POST /api/auth/signout) ends the session on the
    // server too, as the sign-out button does: a copy of the cookie stops working.
    async signOut(message) {
      if ("token" in message && message.token) await endSession(message.token.uid, message.token.sv);
    },
  },
  callbacks: {
    // After signing in or out: only a path of this site, percent-encoded (never another host, never
    // a character a Location header cannot carry). Relative, so that the login page it is handed to
    // need not know which host name next-auth saw.
    redirect({ url, baseUrl }) {
      return safeCallbackPath(url, [new URL(baseUrl).host]);
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number, sv: token.sv as number };
    },
  },
});
