// Limits on password guessing. A check of a password is reserved before the hash is computed: the
// count of recent failures and the reservation are one IMMEDIATE transaction, so however many
// requests arrive at once (in this process or another one on the same file), no more checks are
// evaluated than the limits allow. A reservation counts as a failure until the password turns out
// right; one whose check never finishes (a crash) stays a failure, the safe side.
// Free of "server-only" and of the app's connection so that tests can drive it on their own files.
import type { Db } from "@/db/open";
import { get, run, statement } from "@/db/sql";
import { inTransaction, type Executor } from "@/db/transaction";

const MINUTE = 60_000;

/** Failures that refuse further checks while they are within their window. Per account and address
 *  the limit is tight; the account alone has a looser, longer one, so that one address cannot lock
 *  the account for everyone else, yet guessing from many addresses still ends; the address alone
 *  bounds guessing across many accounts. Documented in SECURITY.md. */
export const LIMITS = [
  { by: "account and address", max: 10, windowMs: 15 * MINUTE, where: "email = ? and address = ?", keys: ["email", "address"] },
  { by: "account", max: 100, windowMs: 60 * MINUTE, where: "email = ?", keys: ["email"] },
  { by: "address", max: 50, windowMs: 15 * MINUTE, where: "address = ?", keys: ["address"] },
] as const;

export type AttemptKey = { email: string; address: string };

/** Per limit, the max-th most recent failure in the window: the lock lifts when it leaves the
 *  window. Prepared once per connection (db/sql.ts); `at` is epoch ms, a bigint on PostgreSQL
 *  (read back as a string there, so it is turned into a number). */
const FAILURE_AT = LIMITS.map((limit) =>
  statement(`select at from login_attempts where ${limit.where} and not succeeded and at > ? order by at desc limit 1 offset ?`),
);

/** A reserved check, a failure until it succeeds. */
const INSERT_ATTEMPT = statement("insert into login_attempts (email, address, succeeded, at) values (?, ?, false, ?) returning id");

const ATTEMPT_SUCCEEDED = statement("update login_attempts set succeeded = true where id = ?");

/** When further checks for this account from this address are refused, the moment they are allowed
 *  again (epoch ms); otherwise null. */
export async function lockedUntil(db: Executor, key: AttemptKey, now = Date.now()): Promise<number | null> {
  let until: number | null = null;
  for (const [i, limit] of LIMITS.entries()) {
    const row = await get<{ at: number | string }>(db, FAILURE_AT[i], ...limit.keys.map((k) => key[k]), now - limit.windowMs, limit.max - 1);
    const lifts = row ? Number(row.at) + limit.windowMs : null;
    if (lifts !== null && (until === null || lifts > until)) until = lifts;
  }
  return until;
}

/** Reserves one password check: its id, or the moment checks are allowed again. */
export async function reserveAttempt(db: Db, key: AttemptKey, now = Date.now()): Promise<{ id: number } | { retryAt: number }> {
  return inTransaction(db, async (tx) => {
    const retryAt = await lockedUntil(tx, key, now);
    if (retryAt !== null) return { retryAt };
    const row = await get<{ id: number }>(tx, INSERT_ATTEMPT, key.email, key.address, now);
    return { id: row!.id };
  });
}

/** The reserved check found the right password: it no longer counts as a failure. */
export async function attemptSucceeded(db: Executor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await run(tx, ATTEMPT_SUCCEEDED, id);
  });
}

/** The address the limits count by: an IPv4 address as it is, an IPv6 address's /64 network (one
 *  subscriber usually holds a whole /64 and could otherwise change address for every guess). */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return "unknown";
  const address = ip.trim().toLowerCase().replace(/%.*$/, "");
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (v4) return v4[1];
  if (!address.includes(":")) return address;
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
