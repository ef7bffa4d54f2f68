// On a seeded throw-away database: each user service writes its change and its audit row in one
// transaction (both or neither), re-reads inside it what it depends on (two creations with the same
// email at once give one user and one refusal), and bumps the session version where it must.
// Runs on both engines (SQLite and PostgreSQL); the failures are injected with a trigger on either.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { failWrites, testSql } from "@/testing/sql";

const demo = await demoDatabase("users-test");
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { createUser, describeScope, resetPassword, setActive, updateUser } = await import("./users");

const q = testSql(demo.db);
let by: { user: { id: number; role: string }; ip: string | null };
const db = () => getDb();

beforeAll(async () => {
  const adminId = (await q.get<{ id: number }>("select id from users where email = 'admin@example.org'"))!.id;
  by = { user: { id: adminId, role: "admin" }, ip: "203.0.113.7" };
}, 120_000);
afterAll(() => demo.remove());
afterEach(async () => {
  for (const allow of failing.splice(0)) await allow();
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
  q.all<{ userId: number; role: string; ip: string }>('select user_id as "userId", role, ip from audit_log where action = ? and object = ?', action, object);
/** `active` as 0/1 on both engines (a boolean on PostgreSQL). */
const userRow = async (id: number) => {
  const row = (await q.get<{ role: string; active: number | boolean; sv: number; hash: string }>(
    "select role, active, session_version as sv, password_hash as hash from users where id = ?",
    id,
  ))!;
  return { ...row, active: Number(row.active) };
};
const usersWithEmail = (email: string) => q.value<number>("select cast(count(*) as integer) as n from users where email = ?", email);
/** The injected failures still in place, lifted after each test. */
const failing: (() => Promise<void>)[] = [];
async function failUntilTestEnds(options: Parameters<typeof failWrites>[1]) {
  const allow = await failWrites(db(), options);
  failing.push(allow);
  return allow;
}
/** Makes the audit rows (or the users updates) fail inside the service's transaction, until the test
 *  ends or the returned function is called. */
const failAudit = () => failUntilTestEnds({ table: "audit_log", message: "audit down" });
const failUserWrites = () => failUntilTestEnds({ table: "users", event: "update", message: "users down" });

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

/** The messages of a failure and of the errors it wraps: on PostgreSQL drizzle reports a failed
 *  statement as "Failed query: …", with the driver's error (the trigger's message) as its cause. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const messages: string[] = [];
  for (let error: unknown = await refusal(promise); error instanceof Error; error = error.cause) messages.push(error.message);
  return messages.join("\n");
}

describe("createUser", () => {
  it("writes the user, its scope and exactly one audit row", async () => {
    const email = unique("create");
    const id = await createUser(db(), correspondent(email), by);
    expect(await usersWithEmail(email)).toBe(1);
    expect(await q.all("select kind, code from user_scopes where user_id = ?", id)).toEqual([{ kind: "country", code: "DE" }]);
    expect(await auditRows("user.create", `${email} (correspondent)`)).toEqual([{ userId: by.user.id, role: "admin", ip: "203.0.113.7" }]);
  });

  it("refuses a scope naming unknown codes with its field error, and writes nothing", async () => {
    const email = unique("refused");
    const error = await refusal(createUser(db(), correspondent(email, ["ZZ"]), by));
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as InstanceType<typeof ServiceError>).details).toEqual({ countries: { key: "unknownCountries", values: { codes: "ZZ" } } });
    expect(await usersWithEmail(email)).toBe(0);
    expect(await auditRows("user.create", `${email} (correspondent)`)).toHaveLength(0);
  });

  it("leaves no user when its audit row cannot be written", async () => {
    const email = unique("no-audit");
    await failAudit();
    expect(await failure(createUser(db(), correspondent(email), by))).toMatch(/audit down/);
    expect(await usersWithEmail(email)).toBe(0);
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
    expect(await usersWithEmail(email)).toBe(1);
    const rows = (await q.get<{ n: number }>(
      "select cast(count(*) as integer) as n from audit_log where action = 'user.create' and object like ?",
      `${email} (%`,
    ))!;
    expect(rows.n).toBe(1);
  });
});

describe("updateUser", () => {
  it("changes role and scope, ends the sessions and writes one audit row", async () => {
    const id = await createUser(db(), correspondent(unique("update")), by);
    const before = await userRow(id);
    await updateUser(db(), id, fields("supervisor", ["AST"]), by);
    expect(await userRow(id)).toMatchObject({ role: "supervisor", sv: before.sv + 1 });
    expect(await q.all("select kind, code from user_scopes where user_id = ?", id)).toEqual([{ kind: "region", code: "AST" }]);
    expect(await auditRows("user.update", `user ${id} → supervisor`)).toHaveLength(1);
  });

  it("a refused or failing update changes nothing and leaves no audit row", async () => {
    const id = await createUser(db(), correspondent(unique("update-fail")), by);
    const before = await userRow(id);
    const error = await refusal(() => updateUser(db(), id, fields("supervisor", ["NOPE"]), by));
    expect((error as InstanceType<typeof ServiceError>).details).toEqual({ regions: { key: "unknownRegions", values: { codes: "NOPE" } } });
    await failUserWrites();
    expect(await failure(updateUser(db(), id, fields("supervisor", ["AST"]), by))).toMatch(/users down/);
    expect(await userRow(id)).toEqual(before);
    expect(await auditRows("user.update", `user ${id} → supervisor`)).toHaveLength(0);
  });

  it("leaves the user as they were when the audit row cannot be written", async () => {
    const id = await createUser(db(), correspondent(unique("update-no-audit")), by);
    const before = await userRow(id);
    await failAudit();
    expect(await failure(updateUser(db(), id, fields("supervisor", ["AST"]), by))).toMatch(/audit down/);
    expect(await userRow(id)).toEqual(before);
    expect(await q.all("select kind, code from user_scopes where user_id = ?", id)).toEqual([{ kind: "country", code: "DE" }]);
  });

  it("refuses a user that does not exist", async () => {
    const error = await refusal(() => updateUser(db(), 999_999, fields("correspondent", ["DE"]), by));
    expect(error).toMatchObject({ status: 404 });
    expect(await auditRows("user.update", "user 999999 → correspondent")).toHaveLength(0);
  });

  it("refuses an interviewer's supervisor that does not exist or is no supervisor, and stores nothing", async () => {
    const id = await createUser(db(), correspondent(unique("interviewer")), by);
    const before = await userRow(id);
    const interviewer = (supervisorId: number) => ({ ...fields("supervisor", ["AST"]), role: "interviewer" as const, supervisorId });
    for (const supervisorId of [999_999, by.user.id]) {
      const error = await refusal(() => updateUser(db(), id, interviewer(supervisorId), by));
      expect(error).toMatchObject({ status: 422, details: { supervisorId: { key: "unknownSupervisor" } } });
      const refused = await refusal(createUser(db(), { ...interviewer(supervisorId), email: unique("interviewer"), password: "a-good-password" }, by));
      expect(refused).toMatchObject({ status: 422, details: { supervisorId: { key: "unknownSupervisor" } } });
    }
    expect(await userRow(id)).toEqual(before);
    const supervisor = (await q.get<{ id: number }>("select id from users where email = 'supervisor@example.org'"))!.id;
    await updateUser(db(), id, interviewer(supervisor), by);
    expect((await userRow(id)).role).toBe("interviewer");
  });
});

describe("resetPassword", () => {
  it("changes the hash, ends the sessions and writes one audit row", async () => {
    const id = await createUser(db(), correspondent(unique("reset")), by);
    const before = await userRow(id);
    await resetPassword(db(), id, "another-good-password", by);
    const after = await userRow(id);
    expect(after.hash).not.toBe(before.hash);
    expect(after.sv).toBe(before.sv + 1);
    expect(await auditRows("user.password_reset", `user ${id}`)).toHaveLength(1);
  });

  it("a failing reset leaves no audit row; a failing audit row leaves the password", async () => {
    const id = await createUser(db(), correspondent(unique("reset-fail")), by);
    const before = await userRow(id);
    const allowUserWrites = await failUserWrites();
    expect(await failure(resetPassword(db(), id, "another-good-password", by))).toMatch(/users down/);
    expect(await auditRows("user.password_reset", `user ${id}`)).toHaveLength(0);
    await allowUserWrites();
    await failAudit();
    expect(await failure(resetPassword(db(), id, "another-good-password", by))).toMatch(/audit down/);
    expect(await userRow(id)).toEqual(before);
  });
});

describe("unknown users", () => {
  it("a password reset or (de)activation of a user that does not exist is refused with 404, not done", async () => {
    expect(await refusal(resetPassword(db(), 999_999, "another-good-password", by))).toMatchObject({ status: 404 });
    expect(await refusal(() => setActive(db(), 999_999, false, by))).toMatchObject({ status: 404 });
    expect(await refusal(() => setActive(db(), 999_999, true, by))).toMatchObject({ status: 404 });
    expect(await q.get("select cast(count(*) as integer) as n from audit_log where object = 'user 999999'")).toEqual({ n: 0 });
  });
});

describe("setActive", () => {
  it("deactivates and reactivates, ending the sessions, one audit row each; a repeat changes nothing", async () => {
    const id = await createUser(db(), correspondent(unique("active")), by);
    const before = await userRow(id);
    await setActive(db(), id, false, by);
    await setActive(db(), id, false, by);
    expect(await userRow(id)).toMatchObject({ active: 0, sv: before.sv + 1 });
    expect(await auditRows("user.deactivate", `user ${id}`)).toHaveLength(1);
    await setActive(db(), id, true, by);
    expect(await userRow(id)).toMatchObject({ active: 1, sv: before.sv + 2 });
    expect(await auditRows("user.activate", `user ${id}`)).toHaveLength(1);
  });

  it("a failing write leaves no audit row, and a failing audit row leaves the user active", async () => {
    const id = await createUser(db(), correspondent(unique("active-fail")), by);
    const before = await userRow(id);
    const allowUserWrites = await failUserWrites();
    expect(await failure(setActive(db(), id, false, by))).toMatch(/users down/);
    expect(await auditRows("user.deactivate", `user ${id}`)).toHaveLength(0);
    await allowUserWrites();
    await failAudit();
    expect(await failure(setActive(db(), id, false, by))).toMatch(/audit down/);
    expect(await userRow(id)).toEqual(before);
  });

  it("refuses to let an administrator deactivate themselves", async () => {
    const error = await refusal(() => setActive(db(), by.user.id, false, by));
    expect(error).toMatchObject({ status: 409 });
    expect((await userRow(by.user.id)).active).toBe(1);
    expect(await auditRows("user.deactivate", `user ${by.user.id}`)).toHaveLength(0);
  });
});

describe("describeScope", () => {
  it("names a supervisor's regions (alphabetically) and a reporter's body", async () => {
    const principal = { id: 1, role: "supervisor" as const, countries: [], regions: ["AST", "ALA"], bodyId: null, supervisorId: null };
    expect(await describeScope(db(), principal)).toEqual({ countries: "", regions: "Almaty city, Astana city", body: null });
    const reporter = (await q.get<{ bodyId: number }>(`select reporting_body_id as "bodyId" from users where email = 'reporter@example.org'`))!;
    expect((await describeScope(db(), { ...principal, role: "reporter", regions: [], bodyId: reporter.bodyId })).body).toBe("Police Department of Astana city");
  });
});
