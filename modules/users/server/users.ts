// User administration: create, change role and scope, reset a password, (de)activate.
// Each write is one transaction that re-reads what it depends on (the email's uniqueness, the
// user's current state, the scope's codes), writes, and records its audit row, so that the row
// exists exactly when the change does. Changing a role or scope, resetting a password and
// deactivating bump the session version, which ends the user's existing sessions.
import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction, type Executor } from "@/db/transaction";
import { REGIONS } from "@/db/reference-data";
import { countries, regions, reportingBodies, users, userScopes, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/server";
import type { FieldError } from "@/lib/auth/admin-action";
import { hashPassword } from "@/lib/auth/password";
import type { Principal } from "@/lib/auth/policy";
import { ServiceError } from "@/lib/http/service-error";
import type { CreateUserInput, UserFields } from "../schemas";
import { refusal } from "@/lib/http/refusal";

type Fields = Pick<UserFields, "name" | "role" | "countries" | "regions" | "bodyId" | "supervisorId">;
type FieldName = "email" | "name" | "countries" | "regions" | "bodyId" | "supervisorId" | "password";
type FieldErrors = Partial<Record<FieldName, FieldError>>;

/** Who acts, for the audit row. */
type Actor = { user: { id: number; role: string }; ip: string | null };

/** The form's field errors as a refusal: adminAction hands the details back as fieldErrors. */
const refuse = (errors: FieldErrors) => new ServiceError(422, refusal("checkFields"), errors);

/** Checks that the scope fits the role and names things that exist. */
async function checkScope(db: Executor, f: Fields): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const missing = async (table: typeof countries | typeof regions, codes: string[]) => {
    if (!codes.length) return [];
    const found = new Set((await db.select({ code: table.code }).from(table).where(inArray(table.code, codes))).map((r) => r.code));
    return codes.filter((c) => !found.has(c));
  };
  const badCountries = await missing(countries, f.countries);
  if (badCountries.length) errors.countries = { key: "unknownCountries", values: { codes: badCountries.join(", ") } };
  const badRegions = await missing(regions, f.regions);
  if (badRegions.length) errors.regions = { key: "unknownRegions", values: { codes: badRegions.join(", ") } };
  if (f.role === "correspondent" && !f.countries.length) errors.countries ??= { key: "scopeRequired", values: { what: "country" } };
  if ((f.role === "supervisor" || f.role === "interviewer") && !f.regions.length) errors.regions ??= { key: "scopeRequired", values: { what: "region" } };
  if (f.role === "reporter") {
    if (!f.bodyId || !(await db.select({ id: reportingBodies.id }).from(reportingBodies).where(eq(reportingBodies.id, f.bodyId)).limit(1)).length)
      errors.bodyId = { key: "bodyRequired" };
  }
  // An interviewer's supervisor is a user who is one (the form offers only those; a deleted or
  // other user's id is refused, not stored).
  if (f.role === "interviewer" && f.supervisorId) {
    const [supervisor] = await db.select({ role: users.role }).from(users).where(eq(users.id, f.supervisorId)).limit(1);
    if (supervisor?.role !== "supervisor") errors.supervisorId = { key: "unknownSupervisor" };
  }
  return errors;
}

async function checkNewUser(db: Executor, input: CreateUserInput): Promise<FieldErrors> {
  const errors = await checkScope(db, input);
  if ((await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1)).length) errors.email = { key: "emailTaken" };
  return errors;
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

async function writeScopes(tx: Executor, userId: number, f: Fields): Promise<void> {
  await tx.delete(userScopes).where(eq(userScopes.userId, userId));
  const rows = [
    ...(f.role === "correspondent" ? f.countries.map((code) => ({ userId, kind: "country" as const, code })) : []),
    ...(f.role === "supervisor" || f.role === "interviewer" ? f.regions.map((code) => ({ userId, kind: "region" as const, code })) : []),
  ];
  if (rows.length) await tx.insert(userScopes).values(rows);
}

const roleColumns = (f: Fields) => ({
  reportingBodyId: f.role === "reporter" ? (f.bodyId ?? null) : null,
  supervisorId: f.role === "interviewer" ? (f.supervisorId ?? null) : null,
});

/** The user as the transaction sees it, or a 404 refusal. */
async function currentState(tx: Executor, id: number) {
  const [user] = await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw new ServiceError(404, refusal("noSuchUser"));
  return user;
}

export async function createUser(db: Db, input: CreateUserInput, by: Actor): Promise<number> {
  // A first look without the lock, so that a refused form costs no password hash; the check that
  // counts is the one inside the transaction (another request may have taken the email meanwhile).
  const early = await checkNewUser(db, input);
  if (hasErrors(early)) throw refuse(early);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const errors = await checkNewUser(tx, input);
    if (hasErrors(errors)) throw refuse(errors);
    const [{ id }] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash, ...roleColumns(input) })
      .returning({ id: users.id });
    await writeScopes(tx, id, input);
    await recordAudit(tx, { action: "user.create", object: `${input.email} (${input.role})`, user: by.user }, by.ip);
    return id;
  });
}

export async function updateUser(db: Db, id: number, f: Fields, by: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    await currentState(tx, id);
    const errors = await checkScope(tx, f);
    if (hasErrors(errors)) throw refuse(errors);
    // A change of role or scope ends the user's sessions, so no page keeps showing old rights.
    await tx
      .update(users)
      .set({ name: f.name, role: f.role, ...roleColumns(f), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id));
    await writeScopes(tx, id, f);
    await recordAudit(tx, { action: "user.update", object: `user ${id} → ${f.role}`, user: by.user }, by.ip);
  });
}

export async function resetPassword(db: Db, id: number, password: string, by: Actor): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    await currentState(tx, id);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id));
    await recordAudit(tx, { action: "user.password_reset", object: `user ${id}`, user: by.user }, by.ip);
  });
}

/** Activates or deactivates a user; a user already in that state is left as is (a second click). */
export async function setActive(db: Db, id: number, active: boolean, by: Actor): Promise<void> {
  // An administrator cannot lock themselves out.
  if (!active && id === by.user.id) throw new ServiceError(409, refusal("cannotDeactivateSelf"));
  await inTransaction(db, async (tx) => {
    if ((await currentState(tx, id)).active === active) return;
    await tx
      .update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id));
    await recordAudit(tx, { action: active ? "user.activate" : "user.deactivate", object: `user ${id}`, user: by.user }, by.ip);
  });
}

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  scope: string;
  bodyId: number | null;
  supervisorId: number | null;
  countries: string[];
  regions: string[];
};

export async function listUsers(db: Executor): Promise<UserRow[]> {
  const scopes = await db.select().from(userScopes);
  const bodies = new Map((await db.select().from(reportingBodies)).map((b) => [b.id, b.name]));
  return (await db.select().from(users).orderBy(asc(users.email))).map((u) => {
    const mine = scopes.filter((s) => s.userId === u.id);
    const countryCodes = mine.filter((s) => s.kind === "country").map((s) => s.code);
    const regionCodes = mine.filter((s) => s.kind === "region").map((s) => s.code);
    const scope = [...countryCodes, ...regionCodes, ...(u.reportingBodyId ? [bodies.get(u.reportingBodyId) ?? ""] : [])].join(", ");
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      active: u.active,
      scope,
      bodyId: u.reportingBodyId,
      supervisorId: u.supervisorId,
      countries: countryCodes,
      regions: regionCodes,
    };
  });
}

export async function listReportingBodies(db: Executor) {
  return db.select({ id: reportingBodies.id, name: reportingBodies.name }).from(reportingBodies).orderBy(reportingBodies.name);
}

/** A user's scope in words, for their home page: the countries' codes, the regions' names in
 *  alphabetical order (reference data, no query) and the reporting body's name (null when none). */
export async function describeScope(db: Executor, principal: Principal): Promise<{ countries: string; regions: string; body: string | null }> {
  const regionNames = REGIONS.filter((r) => principal.regions.includes(r.code))
    .map((r) => r.name)
    .sort();
  const body = principal.bodyId
    ? (await db.select({ name: reportingBodies.name }).from(reportingBodies).where(eq(reportingBodies.id, principal.bodyId)).limit(1))[0]?.name
    : undefined;
  return { countries: principal.countries.join(", "), regions: regionNames.join(", "), body: body ?? null };
}
