import { beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/open";
import { checkLogin } from "./login";
import { hashPassword, verifyPassword } from "./password";

// The real hashing, counted: how many passwords were actually checked.
vi.mock("./password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const checks = vi.mocked(verifyPassword);

// "demo-password" hashed at the earlier cost (N = 2^15).
const LEGACY = "scrypt$32768$8$1$bGVnYWN5LXNhbHQtMDAwMQ==$rxnIuc/LBNea8gnjrg9uaf1ATjiMlHKzqPeieAZrEQE=";

function freshDatabase() {
  const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), "login-test-")), "app.db"));
  return { db, sqlite: db.$client };
}
type Sqlite = ReturnType<typeof freshDatabase>["sqlite"];
const addUser = (sqlite: Sqlite, email: string, passwordHash: string, active = true) =>
  sqlite.prepare("insert into users (email, name, role, password_hash, active) values (?, 'Test', 'admin', ?, ?)").run(email, passwordHash, active ? 1 : 0);

beforeEach(() => {
  checks.mockClear();
});

describe("checkLogin", () => {
  it("50 parallel wrong passwords get 10 checked, and the right one is then refused unchecked", async () => {
    const { db, sqlite } = freshDatabase();
    addUser(sqlite, "target@example.org", await hashPassword("right-password"));
    checks.mockClear();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => checkLogin(db, "target@example.org", `wrong-${i}`, "192.0.2.1")));
    expect(checks).toHaveBeenCalledTimes(10);
    expect(results.filter((r) => r.outcome === "invalid")).toHaveLength(10);
    expect(results.filter((r) => r.outcome === "locked")).toHaveLength(40);
    const right = await checkLogin(db, "target@example.org", "right-password", "192.0.2.1");
    expect(right.outcome).toBe("locked");
    expect(checks).toHaveBeenCalledTimes(10);
    // From another address the account still opens: one address cannot lock it for everyone.
    expect((await checkLogin(db, "target@example.org", "right-password", "192.0.2.2")).outcome).toBe("ok");
  }, 60_000);

  it("an unknown email, a wrong password and a deactivated account's wrong password look alike", async () => {
    const { db, sqlite } = freshDatabase();
    const hash = await hashPassword("right-password");
    addUser(sqlite, "known@example.org", hash);
    addUser(sqlite, "gone@example.org", hash, false);
    checks.mockClear();
    const unknown = await checkLogin(db, "nobody@example.org", "right-password", "192.0.2.1");
    const wrong = await checkLogin(db, "known@example.org", "wrong-password", "192.0.2.1");
    const gone = await checkLogin(db, "gone@example.org", "wrong-password", "192.0.2.1");
    expect([unknown.outcome, wrong.outcome, gone.outcome]).toEqual(["invalid", "invalid", "invalid"]);
    // Each cost one hash at the current cost.
    expect(checks.mock.calls.map(([, stored]) => stored.split("$")[1])).toEqual(["131072", "131072", "131072"]);
    // Each was reserved, as a failure (unknown emails count towards the limits like known ones).
    expect(sqlite.prepare("select email, succeeded from login_attempts order by id").all()).toEqual([
      { email: "nobody@example.org", succeeded: 0 },
      { email: "known@example.org", succeeded: 0 },
      { email: "gone@example.org", succeeded: 0 },
    ]);
    // Only the right password of a deactivated account says so.
    expect((await checkLogin(db, "gone@example.org", "right-password", "192.0.2.1")).outcome).toBe("inactive");
  }, 60_000);

  it("a hash at the earlier cost lets its user in and is re-hashed at the current cost, sessions untouched", async () => {
    const { db, sqlite } = freshDatabase();
    addUser(sqlite, "old@example.org", LEGACY);
    const before = sqlite.prepare("select session_version as sv from users where email = 'old@example.org'").get() as { sv: number };
    const wrong = await checkLogin(db, "old@example.org", "wrong-password", "192.0.2.1");
    expect(wrong.outcome).toBe("invalid");
    expect(checks.mock.calls.map(([, stored]) => stored.split("$")[1])).toEqual(["32768", "131072"]); // the answer costs a current hash too
    expect((sqlite.prepare("select password_hash as h from users where email = 'old@example.org'").get() as { h: string }).h).toBe(LEGACY);

    expect((await checkLogin(db, "old@example.org", "demo-password", "192.0.2.1")).outcome).toBe("ok");
    const after = sqlite.prepare("select password_hash as h, session_version as sv from users where email = 'old@example.org'").get() as {
      h: string;
      sv: number;
    };
    expect(after.h.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(after.sv).toBe(before.sv);
    expect((await checkLogin(db, "old@example.org", "demo-password", "192.0.2.1")).outcome).toBe("ok");
  }, 60_000);
});
