// Password hashing with scrypt (memory-hard, in node:crypto). Stored as "scrypt$N$r$p$salt$hash":
// each hash names its own cost, so the cost can be raised without breaking older hashes; those are
// re-hashed at the current cost on the next successful login (see needsRehash and login.ts).
import { randomBytes, scrypt as scryptCb, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 1 << 17; // 128 MiB of memory per hash with r = 8 (about 0.5 s on a 2-core server)
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Node refuses scrypt above maxmem (32 MiB by default, too little for N = 2^17). 256 MiB holds the
 *  current cost with room, and bounds what a corrupted stored hash could make the server allocate. */
const MAXMEM = 256 * 1024 * 1024;

/** Hashes computed at once. Each holds 128 MiB and one of the 4 threads of libuv's pool, which file
 *  reads share: a burst of logins then neither multiplies the memory nor stalls the serving of
 *  files; the other hashes wait their turn (two already use both cores of a small server). */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  if (running < MAX_PARALLEL) running++;
  else await new Promise<void>((start) => waiting.push(start)); // a finishing hash hands over its slot
  try {
    return await new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

const format = (salt: Buffer, key: Buffer) => ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM }));
}

/** Same format, synchronously: for seeding demo accounts while the database opens. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM }));
}

type Parsed = { n: number; r: number; p: number; salt: Buffer; hash: Buffer };

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length || !salt || !hash) return null;
  const [nn, rr, pp] = [n, r, p].map((x) => (/^\d{1,10}$/.test(x ?? "") ? Number(x) : NaN));
  // scrypt needs N a power of two above 1; anything else is not a hash this module wrote.
  if (!(nn > 1 && (nn & (nn - 1)) === 0 && rr >= 1 && pp >= 1)) return null;
  return { n: nn, r: rr, p: pp, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  try {
    const key = await scrypt(password.normalize("NFKC"), parsed.salt, parsed.hash.length, { N: parsed.n, r: parsed.r, p: parsed.p, maxmem: MAXMEM });
    return timingSafeEqual(key, parsed.hash);
  } catch {
    return false; // parameters scrypt refuses (beyond maxmem): not a usable hash
  }
}

/** A stored hash made at another cost than the current one: re-hash it once the password is known. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return parsed !== null && (parsed.n !== N || parsed.r !== R || parsed.p !== P);
}

/** A well-formed hash at the current cost that no password matches in practice: checking against it
 *  costs what checking a real account costs, for unknown emails. */
export const DUMMY_HASH = ["scrypt", N, R, P, "c2FsdHNhbHRzYWx0c2FsdA==", "3pU4S2cK4d8gA0lD8m0Hq0n1hB1rJ8cZ9pWbV6tY2Xs="].join("$");
