import { describe, expect, it, vi } from "vitest";
import { DUMMY_HASH, hashPassword, hashPasswordSync, needsRehash, verifyPassword } from "./password";

// The real scrypt, counted: how many run at once.
let inFlight = 0;
let mostInFlight = 0;
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const counted = (...args: Parameters<typeof actual.scrypt>) => {
    const done = args.pop() as (err: Error | null, key: Buffer) => void;
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    (actual.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
      inFlight--;
      done(err, key);
    });
  };
  return { ...actual, default: { ...actual, scrypt: counted }, scrypt: counted };
});

// "demo-password" hashed at the earlier cost (N = 2^15), as databases created before hold it.
const LEGACY = "scrypt$32768$8$1$bGVnYWN5LXNhbHQtMDAwMQ==$rxnIuc/LBNea8gnjrg9uaf1ATjiMlHKzqPeieAZrEQE=";

// Each hash takes about 0.5 s on purpose, more on a busy machine.
describe("password hashing", { timeout: 60_000 }, () => {
  it("verifies the right password and refuses a wrong one, at N = 2^17", async () => {
    const stored = await hashPassword("demo-password");
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("demo-password", stored)).toBe(true);
    expect(await verifyPassword("demo-passwore", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("the synchronous variant writes the same format", async () => {
    const stored = hashPasswordSync("demo-password");
    expect(stored.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("demo-password", stored)).toBe(true);
  });

  it("still verifies hashes made at the earlier cost, and asks for them to be re-hashed", async () => {
    expect(await verifyPassword("demo-password", LEGACY)).toBe(true);
    expect(await verifyPassword("demo-passwore", LEGACY)).toBe(false);
    expect(needsRehash(LEGACY)).toBe(true);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
  });

  it("the dummy hash is at the current cost and matches nothing ordinary", async () => {
    expect(DUMMY_HASH.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("demo-password", DUMMY_HASH)).toBe(false);
  });

  it("computes at most two hashes at once; the others wait their turn", async () => {
    mostInFlight = 0;
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyPassword("demo-password", LEGACY)));
    expect(results).toEqual([true, true, true, true, true]);
    expect(mostInFlight).toBe(2);
    expect(inFlight).toBe(0);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "scrypt$abc$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA==$aGFzaA==")).toBe(false); // N not a power of two
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false); // beyond maxmem
    expect(needsRehash("plain-text")).toBe(false);
  });
});
