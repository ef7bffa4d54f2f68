import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerOf, expiryOf, hashToken, newToken, TOKEN_PATTERN, tokenRefusal, type StoredToken } from "./api-token";

const now = new Date("2026-11-26T12:00:00Z");
const live: StoredToken = { id: 1, scope: "read", expiresAt: "2027-02-24T12:00:00.000Z", revokedAt: null };

describe("API tokens", () => {
  it("are random, 256 bits, prefixed, and never the same twice", () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(200);
    expect(Buffer.from(tokens[0].slice(4), "base64url")).toHaveLength(32);
  });

  it("are stored as the SHA-256 of the whole token, hex, which does not contain the secret", () => {
    const token = "jst_" + "A".repeat(43);
    const expected = createHash("sha256").update(token).digest("hex");
    expect(hashToken(token)).toBe(expected);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(4));
    expect(hashToken(token + "x")).not.toBe(expected);
  });

  it("read the Bearer scheme only, and a Bearer request stays one even when malformed", () => {
    expect(bearerOf("Bearer jst_abc")).toBe("jst_abc");
    expect(bearerOf("bearer   jst_abc  ")).toBe("jst_abc");
    expect(bearerOf("Bearer")).toBe("");
    expect(bearerOf("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerOf(null)).toBeNull();
    expect(bearerOf("")).toBeNull();
  });

  it("work until they expire or are revoked; read tokens only read", () => {
    expect(tokenRefusal(live, "GET", now)).toBeNull();
    expect(tokenRefusal(live, "head", now)).toBeNull();
    expect(tokenRefusal(live, "POST", now)).toMatch(/only read/);
    expect(tokenRefusal(live, null, now)).toMatch(/only read/);
    expect(tokenRefusal({ ...live, scope: "write" }, "PUT", now)).toBeNull();
    expect(tokenRefusal({ ...live, revokedAt: "2026-11-26T11:00:00Z" }, "GET", now)).toMatch(/revoked/);
    expect(tokenRefusal({ ...live, expiresAt: now.toISOString() }, "GET", now)).toMatch(/expired/);
    expect(expiryOf(now, 90)).toBe("2027-02-24T12:00:00.000Z");
  });
});
