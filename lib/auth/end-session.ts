// Ends a session on the server: the user's session version moves on, so every token carrying the
// old one is refused (lib/auth/session.ts compares it on every request).
import "server-only";
import { getDb } from "@/db/client";
import { get } from "@/db/sql";
import { inTransaction } from "@/db/transaction";
import { audit } from "@/lib/audit/server";
import { END_SESSION } from "./auth.sql";

/** Only a token that is still current ends anything: a stale copy cannot sign its user out of the
 *  newer sessions. The sign-out button bumps the version itself before next-auth's signOut event
 *  calls this, which then finds nothing to do (and records no second logout). */
export async function endSession(uid: unknown, sv: unknown): Promise<void> {
  if (typeof uid !== "number" || typeof sv !== "number") return;
  const ended = await inTransaction(getDb(), (tx) => get<{ email: string; role: string }>(tx, END_SESSION, uid, sv));
  if (ended) audit({ action: "logout", object: ended.email, user: { id: uid, role: ended.role } });
}
