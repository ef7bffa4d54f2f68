import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, hashPasswordSync, needsRehash, verifyPassword } from "./password";

// "demo-password" hashed at the earlier cost (N = 2^15), as databases created before hold it.
const LEGACY = "scrypt$32768$8$1$bGVnYWN5LXNhbHQtMDAwMQ==$rxnIuc/LBNea8gnjrg9uaf1ATjiMlHKzqPeieAZrEQE=";

describe("password hashing", () => {
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

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "scrypt$abc$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA==$aGFzaA==")).toBe(false); // N not a power of two
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false); // beyond maxmem
    expect(needsRehash("plain-text")).toBe(false);
  });
});
