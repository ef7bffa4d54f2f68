// Sign-in and the session checks on both engines (db/sql.ts): the same statements and calls read the
// session's user (camelCase keys, `active` truthy or not), check a password under the guessing
// limits (a lock lifts at a moment in epoch ms, a number), re-hash an older hash, resolve an API
// token and end a session, on SQLite and on a real PostgreSQL (testing/postgres.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { all, get, run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { END_SESSION, USER_BY_ID, USER_SCOPES } from "./auth.sql";
import { hashToken, newToken } from "./api-token";
import { resolveToken } from "./api-token-store";
import { attemptSucceeded, lockedUntil, reserveAttempt } from "./lockout";
import { checkLogin } from "./login";

// "demo-password" hashed at the earlier cost (N = 2^15): a sign-in re-hashes it.
const LEGACY = "scrypt$32768$8$1$bGVnYWN5LXNhbHQtMDAwMQ==$rxnIuc/LBNea8gnjrg9uaf1ATjiMlHKzqPeieAZrEQE=";
const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

const ADD_USER = statement("insert into users (email, name, role, password_hash, locale) values (?, ?, ?, ?, ?)");
const DEACTIVATE = statement("update users set active = false where email = ?");
const ADD_SCOPE = statement("insert into user_scopes (user_id, kind, code) values (?, ?, ?)");
const ADD_TOKEN = statement("insert into api_tokens (user_id, name, token_hash, scope, expires_at) values (?, ?, ?, ?, ?)");
const HASH_OF = statement("select password_hash as hash, session_version as sv from users where email = ?");
const ATTEMPTS = statement("select email, address, succeeded, at from login_attempts order by id");
const LAST_USED = statement(`select last_used_at as "lastUsedAt" from api_tokens where id = ?`);

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "auth-engines-"));
  const db = openDatabase(path.join(dir, "app.db"));
  return {
    name: "SQLite",
    db,
    close: async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let server: TestPostgres | undefined;
async function postgres(): Promise<Engine> {
  server = await startTestPostgres();
  const db = (await openPostgres(server.url, { max: 2 })) as PgDb;
  return { name: "PostgreSQL", db: db as unknown as Db, close: () => db.$client.end() };
}

const engines: [string, () => Promise<Engine>][] = [["SQLite", sqlite]];
if (postgresBin()) engines.push(["PostgreSQL", postgres]);

describe.each(engines)("sign-in and sessions on %s", (_name, start) => {
  let engine: Engine;
  const token = newToken();
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_USER, "anna@example.org", "Anna", "correspondent", LEGACY, "fr"); // 1
      await run(tx, ADD_USER, "gone@example.org", "Gone", "admin", LEGACY, "en"); // 2
      await run(tx, DEACTIVATE, "gone@example.org");
      await run(tx, ADD_SCOPE, 1, "country", "FR");
      await run(tx, ADD_SCOPE, 1, "country", "DE");
      await run(tx, ADD_SCOPE, 1, "region", "AST");
      await run(tx, ADD_TOKEN, 1, "script", hashToken(token), "read", "2027-01-01T00:00:00.000Z");
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  it("reads the session's user with its camelCase keys and scopes, and a deactivated one as inactive", async () => {
    const user = await get<Record<string, unknown>>(engine.db, USER_BY_ID, 1);
    expect({ ...user, active: !!user?.active }).toEqual({
      id: 1,
      email: "anna@example.org",
      name: "Anna",
      role: "correspondent",
      locale: "fr",
      active: true,
      sessionVersion: 1,
      reportingBodyId: null,
      supervisorId: null,
    });
    expect(!!(await get<{ active: unknown }>(engine.db, USER_BY_ID, 2))?.active).toBe(false);
    expect(await get(engine.db, USER_BY_ID, 99)).toBeUndefined();
    const scopes = await all<{ kind: string; code: string }>(engine.db, USER_SCOPES, 1);
    expect(scopes.map((s) => `${s.kind}:${s.code}`).sort()).toEqual(["country:DE", "country:FR", "region:AST"]);
  });

  it("signs in, re-hashing an older hash, and tells a wrong password and a deactivated account apart only by the right password", async () => {
    const ok = await checkLogin(engine.db, "anna@example.org", "demo-password", "192.0.2.1", NOW);
    expect(ok).toEqual({ outcome: "ok", user: { id: 1, email: "anna@example.org", name: "Anna", role: "correspondent", active: true, sessionVersion: 1 } });
    const after = await get<{ hash: string; sv: number }>(engine.db, HASH_OF, "anna@example.org");
    expect(after?.hash.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(after?.sv).toBe(1);
    expect((await checkLogin(engine.db, "anna@example.org", "wrong", "192.0.2.1", NOW)).outcome).toBe("invalid");
    const gone = await checkLogin(engine.db, "gone@example.org", "demo-password", "192.0.2.1", NOW);
    expect(gone).toEqual({ outcome: "inactive", user: expect.objectContaining({ id: 2, active: false }) });
    // The right passwords no longer count as failures; the wrong one does.
    const attempts = await all<{ email: string; address: string; succeeded: unknown; at: unknown }>(engine.db, ATTEMPTS);
    expect(attempts.map((a) => [a.email, a.address, !!a.succeeded, Number(a.at)])).toEqual([
      ["anna@example.org", "192.0.2.1", true, NOW],
      ["anna@example.org", "192.0.2.1", false, NOW],
      ["gone@example.org", "192.0.2.1", true, NOW],
    ]);
  }, 60_000);

  it("locks an account and address after 10 failures until the oldest leaves the window (epoch ms, a number)", async () => {
    const key = { email: "lock@example.org", address: "198.51.100.1" };
    for (let i = 0; i < 10; i++) expect(await reserveAttempt(engine.db, key, NOW + i * MINUTE)).toEqual({ id: expect.any(Number) });
    expect(await reserveAttempt(engine.db, key, NOW + 10 * MINUTE)).toEqual({ retryAt: NOW + 15 * MINUTE });
    expect(await lockedUntil(engine.db, key, NOW + 10 * MINUTE)).toBe(NOW + 15 * MINUTE);
    expect(await lockedUntil(engine.db, { ...key, address: "198.51.100.2" }, NOW + 10 * MINUTE)).toBeNull();
    // Once the first failure is 15 minutes old, one more check; a success frees its place.
    const next = await reserveAttempt(engine.db, key, NOW + 15 * MINUTE);
    if (!("id" in next)) throw new Error("refused");
    expect(await lockedUntil(engine.db, key, NOW + 15 * MINUTE)).toBe(NOW + 16 * MINUTE);
    await attemptSucceeded(engine.db, next.id);
    expect(await lockedUntil(engine.db, key, NOW + 15 * MINUTE)).toBeNull();
  });

  it("resolves an API token to its owner and marks it used, and refuses an unknown one", async () => {
    const now = new Date("2026-05-01T10:00:00.000Z");
    expect(await resolveToken(engine.db, token, "GET", now)).toEqual({ ok: true, tokenId: 1, userId: 1, scope: "read" });
    expect(await get(engine.db, LAST_USED, 1)).toEqual({ lastUsedAt: "2026-05-01T10:00:00.000Z" });
    expect(await resolveToken(engine.db, token, "POST", now)).toEqual({ ok: false, reason: expect.stringContaining("only read") });
    expect((await resolveToken(engine.db, newToken(), "GET", now)).ok).toBe(false);
  });

  it("ends a session only with the current version, answering the user's email and role", async () => {
    expect(await inTransaction(engine.db, (tx) => get(tx, END_SESSION, 1, 1))).toEqual({ email: "anna@example.org", role: "correspondent" });
    expect(await inTransaction(engine.db, (tx) => get(tx, END_SESSION, 1, 1))).toBeUndefined();
    expect((await get<{ sessionVersion: number }>(engine.db, USER_BY_ID, 1))?.sessionVersion).toBe(2);
  });
});
