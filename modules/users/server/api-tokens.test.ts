// On a seeded throw-away database: tokens are stored as hashes only, resolve to their owner while
// live, stop at once when revoked, expired or when the owner is deactivated, and the body gate
// (scripts/server.mjs) agrees; each change is written with its audit row. Runs on both engines
// (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { sql, testSql } from "@/testing/sql";

const demo = await demoDatabase("api-tokens-test");
const { createToken, listTokens, revokeToken, MAX_LIVE_TOKENS } = await import("./api-tokens");
const { resolveToken } = await import("@/lib/auth/api-token-store");
const { hashToken } = await import("@/lib/auth/api-token");
const { isSignedIn } = await import("@/lib/auth/gate-session.mjs");
const { ServiceError } = await import("@/lib/http/service-error");

const q = testSql(demo.db);
const db = () => demo.db;
const userId = async (email: string) => (await q.get<{ id: number }>("select id from users where email = ?", email))!.id;
/** users.active is 0/1 on SQLite, a boolean on PostgreSQL. */
const setUserActive = (id: number, active: boolean) =>
  q.run(sql(`update users set active = ${Number(active)} where id = ?`, `update users set active = ${active} where id = ?`), id);
let by: { user: { id: number; role: string }; ip: string | null };

beforeAll(async () => {
  by = { user: { id: await userId("interviewer@example.org"), role: "interviewer" }, ip: "203.0.113.9" };
}, 120_000);
afterAll(() => demo.remove());

describe("personal API tokens", () => {
  it("store the SHA-256 of the token only, and answer the token once", async () => {
    const { id, token } = await createToken(demo.db, { name: "R script", expiresInDays: 90, scope: "read" }, by);
    const row = (await q.get("select * from api_tokens where id = ?", id))!;
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(JSON.stringify(await listTokens(demo.db, by.user.id))).not.toContain(token.slice(4));
    expect(await q.get('select action, object, user_id as "userId", ip from audit_log where object like ?', `token ${id} %`)).toEqual({
      action: "token.create",
      object: expect.stringContaining("read"),
      userId: by.user.id,
      ip: "203.0.113.9",
    });
  });

  it("resolve to their owner while live, with their scope; not for writes when read-only", async () => {
    const { id, token } = await createToken(demo.db, { name: "read", expiresInDays: 1, scope: "read" }, by);
    expect(await resolveToken(db(), token, "GET")).toEqual({ ok: true, tokenId: id, userId: by.user.id, scope: "read" });
    expect(await resolveToken(db(), token, "PUT")).toMatchObject({ ok: false, reason: expect.stringMatching(/only read/) });
    expect(await resolveToken(db(), token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "GET")).toMatchObject({ ok: false });
    expect(await resolveToken(db(), "not-a-token", "GET")).toMatchObject({ ok: false });
    expect(await isSignedIn({ authorization: `Bearer ${token}` })).toBe(true);
    expect(await isSignedIn({ authorization: "Bearer jst_" + "x".repeat(43) })).toBe(false);
  });

  it("stop at once when revoked, when expired, and when the owner is deactivated", async () => {
    const { id, token } = await createToken(demo.db, { name: "w", expiresInDays: 30, scope: "write" }, by);
    expect((await resolveToken(db(), token, "POST")).ok).toBe(true);
    expect(await resolveToken(db(), token, "GET", new Date(Date.now() + 31 * 86_400_000))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expired/),
    });
    const other = { user: { id: await userId("supervisor@example.org"), role: "supervisor" }, ip: null };
    await expect(revokeToken(demo.db, id, other)).rejects.toThrow(ServiceError);
    expect((await revokeToken(demo.db, id, by)).revokedAt).not.toBeNull();
    expect(await resolveToken(db(), token, "GET")).toMatchObject({ ok: false, reason: expect.stringMatching(/revoked/) });
    expect(await isSignedIn({ authorization: `Bearer ${token}` })).toBe(false);

    const live = await createToken(demo.db, { name: "x", expiresInDays: 30, scope: "read" }, by);
    expect(await isSignedIn({ authorization: `Bearer ${live.token}` })).toBe(true);
    await setUserActive(by.user.id, false);
    try {
      expect(await isSignedIn({ authorization: `Bearer ${live.token}` })).toBe(false);
    } finally {
      await setUserActive(by.user.id, true);
    }
  });

  it("a Bearer request is judged by its token, never by a cookie it also carries", async () => {
    expect(await isSignedIn({ authorization: "Bearer nonsense", cookie: "authjs.session-token=whatever" })).toBe(false);
  });

  it("are limited in number per user", async () => {
    const user = { user: { id: await userId("reporter@example.org"), role: "reporter" }, ip: null };
    for (let i = 0; i < MAX_LIVE_TOKENS; i++) await createToken(demo.db, { name: `t${i}`, expiresInDays: 1, scope: "read" }, user);
    await expect(createToken(demo.db, { name: "one more", expiresInDays: 1, scope: "read" }, user)).rejects.toThrow(/revoke one first/);
  });
});
