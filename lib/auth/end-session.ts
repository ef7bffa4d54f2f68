// Ends a session on the server: the user's session version moves on, so every token carrying the
// old one is refused (lib/auth/session.ts compares it on every request).
import "server-only";
import { getDb } from "@/db/client";
import { prepared } from "@/db/statements";
import { inTransaction } from "@/db/transaction";
import { audit } from "@/lib/audit/server";

/** Only a token that is still current ends anything: a stale copy cannot sign its user out of the
 *  newer sessions. The sign-out button bumps the version itself before next-auth's signOut event
 *  calls this, which then finds nothing to do (and records no second logout). */
export async function endSession(uid: unknown, sv: unknown): Promise<void> {
  if (typeof uid !== "number" || typeof sv !== "number") return;
  const ended = await inTransaction(
    getDb(),
    async (tx) =>
      prepared(tx.$client, "update users set session_version = session_version + 1 where id = ? and session_version = ? returning email, role").get(uid, sv) as
        { email: string; role: string } | undefined,
  );
  if (ended) audit({ action: "logout", object: ended.email, user: { id: uid, role: ended.role } });
}
