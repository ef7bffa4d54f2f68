// On a seeded throw-away database: each user service writes its change and its audit row in one
// transaction (both or neither), re-reads inside it what it depends on (two creations with the same
// email at once give one user and one refusal), and bumps the session version where it must.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import type Database from "better-sqlite3";

const demo = await demoDatabase("users-test");
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { createUser, describeScope, resetPassword, setActive, updateUser } = await import("./users");

let sqlite: Database.Database;
let by: { user: { id: number; role: string }; ip: string | null };
const db = () => getDb();

beforeAll(() => {
  sqlite = getDb().$client;
  const adminId = (sqlite.prepare("select id from users where email = 'admin@example.org'").get() as { id: number }).id;
  by = { user: { id: adminId, role: "admin" }, ip: "203.0.113.7" };
}, 120_000);
afterAll(() => {
  demo.remove();
});
afterEach(() => {
  sqlite.exec("drop trigger if exists fail_audit; drop trigger if exists fail_users");
});

let n = 0;
const unique = (prefix: string) => `${prefix}.${++n}.${Date.now().toString(36)}@example.org`;
const correspondent = (email: string, countries = ["DE"]) => ({
  email,
  name: "Test User",
  role: "correspondent" as const,
  countries,
  regions: [],
  bodyId: undefined,
  supervisorId: undefined,
  password: "a-good-password",
});
const fields = (role: "correspondent" | "supervisor", codes: string[]) => ({
  name: "Test User",
  role,
  countries: role === "correspondent" ? codes : [],
  regions: role === "supervisor" ? codes : [],
  bodyId: undefined,
  supervisorId: undefined,
});

const auditRows = (action: string, object: string) =>
  sqlite.prepare("select user_id as userId, role, ip from audit_log where action = ? and object = ?").all(action, object) as {
    userId: number;
    role: string;
    ip: string;
  }[];
const userRow = (id: number) =>
  sqlite.prepare("select role, active, session_version as sv, password_hash as hash from users where id = ?").get(id) as {
    role: string;
    active: number;
    sv: number;
    hash: string;
  };
const usersWithEmail = (email: string) => (sqlite.prepare("select count(*) as n from users where email = ?").get(email) as { n: number }).n;
/** Makes the next audit row (or users update) fail inside the service's transaction. */
const failAudit = () => sqlite.exec("create temp trigger fail_audit before insert on audit_log begin select raise(abort, 'audit down'); end");
const failUserWrites = () => sqlite.exec("create temp trigger fail_users before update on users begin select raise(abort, 'users down'); end");

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("createUser", () => {
  it("writes the user, its scope and exactly one audit row", async () => {
    const email = unique("create");
    const id = await createUser(db(), correspondent(email), by);
    expect(usersWithEmail(email)).toBe(1);
    expect(sqlite.prepare("select kind, code from user_scopes where user_id = ?").all(id)).toEqual([{ kind: "country", code: "DE" }]);
    expect(auditRows("user.create", `${email} (correspondent)`)).toEqual([{ userId: by.user.id, role: "admin", ip: "203.0.113.7" }]);
  });

  it("refuses a scope naming unknown codes with its field error, and writes nothing", async () => {
    const email = unique("refused");
    const error = await refusal(createUser(db(), correspondent(email, ["ZZ"]), by));
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as InstanceType<typeof ServiceError>).details).toEqual({ countries: { key: "unknownCountries", values: { codes: "ZZ" } } });
    expect(usersWithEmail(email)).toBe(0);
    expect(auditRows("user.create", `${email} (correspondent)`)).toHaveLength(0);
  });

  it("leaves no user when its audit row cannot be written", async () => {
    const email = unique("no-audit");
    failAudit();
    await expect(createUser(db(), correspondent(email), by)).rejects.toThrow(/audit down/);
    expect(usersWithEmail(email)).toBe(0);
  });

  it("two creations with the same email at once: one user, one refusal, one audit row", async () => {
    const email = unique("twice");
    const results = await Promise.allSettled([createUser(db(), correspondent(email), by), createUser(db(), correspondent(email, ["FR"]), by)]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ServiceError);
    expect(reason.details).toEqual({ email: { key: "emailTaken" } });
    expect(usersWithEmail(email)).toBe(1);
    const rows = sqlite.prepare("select count(*) as n from audit_log where action = 'user.create' and object like ?").get(`${email} (%`) as { n: number };
    expect(rows.n).toBe(1);
  });
});

describe("updateUser", () => {
  it("changes role and scope, ends the sessions and writes one audit row", async () => {
    const id = await createUser(db(), correspondent(unique("update")), by);
    const before = userRow(id);
    await updateUser(db(), id, fields("supervisor", ["AST"]), by);
    expect(userRow(id)).toMatchObject({ role: "supervisor", sv: before.sv + 1 });
    expect(sqlite.prepare("select kind, code from user_scopes where user_id = ?").all(id)).toEqual([{ kind: "region", code: "AST" }]);
    expect(auditRows("user.update", `user ${id} → supervisor`)).toHaveLength(1);
  });

  it("a refused or failing update changes nothing and leaves no audit row", async () => {
    const id = await createUser(db(), correspondent(unique("update-fail")), by);
    const before = userRow(id);
    const error = await refusal(() => updateUser(db(), id, fields("supervisor", ["NOPE"]), by));
    expect((error as InstanceType<typeof ServiceError>).details).toEqual({ regions: { key: "unknownRegions", values: { codes: "NOPE" } } });
    failUserWrites();
    await expect(updateUser(db(), id, fields("supervisor", ["AST"]), by)).rejects.toThrow(/users down/);
    expect(userRow(id)).toEqual(before);
    expect(auditRows("user.update", `user ${id} → supervisor`)).toHaveLength(0);
  });

  it("leaves the user as they were when the audit row cannot be written", async () => {
    const id = await createUser(db(), correspondent(unique("update-no-audit")), by);
    const before = userRow(id);
    failAudit();
    await expect(updateUser(db(), id, fields("supervisor", ["AST"]), by)).rejects.toThrow(/audit down/);
    expect(userRow(id)).toEqual(before);
    expect(sqlite.prepare("select kind, code from user_scopes where user_id = ?").all(id)).toEqual([{ kind: "country", code: "DE" }]);
  });

  it("refuses a user that does not exist", async () => {
    const error = await refusal(() => updateUser(db(), 999_999, fields("correspondent", ["DE"]), by));
    expect(error).toMatchObject({ status: 404 });
    expect(auditRows("user.update", "user 999999 → correspondent")).toHaveLength(0);
  });

  it("refuses an interviewer's supervisor that does not exist or is no supervisor, and stores nothing", async () => {
    const id = await createUser(db(), correspondent(unique("interviewer")), by);
    const before = userRow(id);
    const interviewer = (supervisorId: number) => ({ ...fields("supervisor", ["AST"]), role: "interviewer" as const, supervisorId });
    for (const supervisorId of [999_999, by.user.id]) {
      const error = await refusal(() => updateUser(db(), id, interviewer(supervisorId), by));
      expect(error).toMatchObject({ status: 422, details: { supervisorId: { key: "unknownSupervisor" } } });
      const refused = await refusal(createUser(db(), { ...interviewer(supervisorId), email: unique("interviewer"), password: "a-good-password" }, by));
      expect(refused).toMatchObject({ status: 422, details: { supervisorId: { key: "unknownSupervisor" } } });
    }
    expect(userRow(id)).toEqual(before);
    const supervisor = (sqlite.prepare("select id from users where email = 'supervisor@example.org'").get() as { id: number }).id;
    await updateUser(db(), id, interviewer(supervisor), by);
    expect(userRow(id).role).toBe("interviewer");
  });
});

describe("resetPassword", () => {
  it("changes the hash, ends the sessions and writes one audit row", async () => {
    const id = await createUser(db(), correspondent(unique("reset")), by);
    const before = userRow(id);
    await resetPassword(db(), id, "another-good-password", by);
    const after = userRow(id);
    expect(after.hash).not.toBe(before.hash);
    expect(after.sv).toBe(before.sv + 1);
    expect(auditRows("user.password_reset", `user ${id}`)).toHaveLength(1);
  });

  it("a failing reset leaves no audit row; a failing audit row leaves the password", async () => {
    const id = await createUser(db(), correspondent(unique("reset-fail")), by);
    const before = userRow(id);
    failUserWrites();
    await expect(resetPassword(db(), id, "another-good-password", by)).rejects.toThrow(/users down/);
    expect(auditRows("user.password_reset", `user ${id}`)).toHaveLength(0);
    sqlite.exec("drop trigger fail_users");
    failAudit();
    await expect(resetPassword(db(), id, "another-good-password", by)).rejects.toThrow(/audit down/);
    expect(userRow(id)).toEqual(before);
  });
});

describe("unknown users", () => {
  it("a password reset or (de)activation of a user that does not exist is refused with 404, not done", async () => {
    expect(await refusal(resetPassword(db(), 999_999, "another-good-password", by))).toMatchObject({ status: 404 });
    expect(await refusal(() => setActive(db(), 999_999, false, by))).toMatchObject({ status: 404 });
    expect(await refusal(() => setActive(db(), 999_999, true, by))).toMatchObject({ status: 404 });
    expect(sqlite.prepare("select count(*) as n from audit_log where object = 'user 999999'").get()).toEqual({ n: 0 });
  });
});

describe("setActive", () => {
  it("deactivates and reactivates, ending the sessions, one audit row each; a repeat changes nothing", async () => {
    const id = await createUser(db(), correspondent(unique("active")), by);
    const before = userRow(id);
    await setActive(db(), id, false, by);
    await setActive(db(), id, false, by);
    expect(userRow(id)).toMatchObject({ active: 0, sv: before.sv + 1 });
    expect(auditRows("user.deactivate", `user ${id}`)).toHaveLength(1);
    await setActive(db(), id, true, by);
    expect(userRow(id)).toMatchObject({ active: 1, sv: before.sv + 2 });
    expect(auditRows("user.activate", `user ${id}`)).toHaveLength(1);
  });

  it("a failing write leaves no audit row, and a failing audit row leaves the user active", async () => {
    const id = await createUser(db(), correspondent(unique("active-fail")), by);
    const before = userRow(id);
    failUserWrites();
    await expect(setActive(db(), id, false, by)).rejects.toThrow(/users down/);
    expect(auditRows("user.deactivate", `user ${id}`)).toHaveLength(0);
    sqlite.exec("drop trigger fail_users");
    failAudit();
    await expect(setActive(db(), id, false, by)).rejects.toThrow(/audit down/);
    expect(userRow(id)).toEqual(before);
  });

  it("refuses to let an administrator deactivate themselves", async () => {
    const error = await refusal(() => setActive(db(), by.user.id, false, by));
    expect(error).toMatchObject({ status: 409 });
    expect(userRow(by.user.id).active).toBe(1);
    expect(auditRows("user.deactivate", `user ${by.user.id}`)).toHaveLength(0);
  });
});

describe("describeScope", () => {
  it("names a supervisor's regions (alphabetically) and a reporter's body", async () => {
    const principal = { id: 1, role: "supervisor" as const, countries: [], regions: ["AST", "ALA"], bodyId: null, supervisorId: null };
    expect(await describeScope(db(), principal)).toEqual({ countries: "", regions: "Almaty city, Astana city", body: null });
    const reporter = sqlite.prepare("select reporting_body_id as bodyId from users where email = 'reporter@example.org'").get() as { bodyId: number };
    expect((await describeScope(db(), { ...principal, role: "reporter", regions: [], bodyId: reporter.bodyId })).body).toBe("Police Department of Astana city");
  });
});
