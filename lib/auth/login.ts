// Checks an email and password under the guessing limits (lockout.ts). The attempt is reserved
// before the hash is computed, so parallel requests cannot get more passwords checked than the
// limits allow. An unknown email, a wrong password and a deactivated account with a wrong password
// cost the same hash and give the same answer.
import type { Db } from "@/db/open";
import { get, run } from "@/db/sql";
import { inTransaction } from "@/db/transaction";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "./password";
import { attemptSucceeded, reserveAttempt } from "./lockout";
import { LOGIN_USER, UPGRADE_HASH } from "./auth.sql";

export type LoginUser = { id: number; email: string; name: string; role: string; active: boolean; sessionVersion: number };
export type LoginResult =
  | { outcome: "ok"; user: LoginUser }
  | { outcome: "invalid"; user: LoginUser | null }
  | { outcome: "inactive"; user: LoginUser }
  | { outcome: "locked"; retryAt: number };

export async function checkLogin(db: Db, email: string, password: string, address: string, now = Date.now()): Promise<LoginResult> {
  const reservation = await reserveAttempt(db, { email, address }, now);
  if ("retryAt" in reservation) return { outcome: "locked", retryAt: reservation.retryAt };

  const row = await get<Omit<LoginUser, "active"> & { active: number | boolean; passwordHash: string }>(db, LOGIN_USER, email);
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (row && needsRehash(row.passwordHash)) {
    // Either way a hash at the current cost is computed, so an older hash does not answer faster.
    if (ok) await upgradeHash(db, row.id, row.passwordHash, password);
    else await verifyPassword(password, DUMMY_HASH);
  }
  const user = row ? { id: row.id, email: row.email, name: row.name, role: row.role, active: !!row.active, sessionVersion: row.sessionVersion } : null;
  if (!user || !ok) return { outcome: "invalid", user };
  await attemptSucceeded(db, reservation.id);
  return user.active ? { outcome: "ok", user } : { outcome: "inactive", user };
}

/** Re-hashes at the current cost, unless the password was changed meanwhile. Not a password change:
 *  sessions stay as they are. */
async function upgradeHash(db: Db, id: number, old: string, password: string) {
  const hash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    await run(tx, UPGRADE_HASH, hash, id, old);
  });
}
