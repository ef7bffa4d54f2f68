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
function checkScope(db: Executor, f: Fields): FieldErrors {
  const errors: FieldErrors = {};
  const missing = (table: typeof countries | typeof regions, codes: string[]) => {
    if (!codes.length) return [];
    const found = new Set(
      db
        .select({ code: table.code })
        .from(table)
        .where(inArray(table.code, codes))
        .all()
        .map((r) => r.code),
    );
    return codes.filter((c) => !found.has(c));
  };
  const badCountries = missing(countries, f.countries);
  if (badCountries.length) errors.countries = { key: "unknownCountries", values: { codes: badCountries.join(", ") } };
  const badRegions = missing(regions, f.regions);
  if (badRegions.length) errors.regions = { key: "unknownRegions", values: { codes: badRegions.join(", ") } };
  if (f.role === "correspondent" && !f.countries.length) errors.countries ??= { key: "scopeRequired", values: { what: "country" } };
  if ((f.role === "supervisor" || f.role === "interviewer") && !f.regions.length) errors.regions ??= { key: "scopeRequired", values: { what: "region" } };
  if (f.role === "reporter") {
    if (!f.bodyId || !db.select({ id: reportingBodies.id }).from(reportingBodies).where(eq(reportingBodies.id, f.bodyId)).get())
      errors.bodyId = { key: "bodyRequired" };
  }
  // An interviewer's supervisor is a user who is one (the form offers only those; a deleted or
  // other user's id is refused, not stored).
  if (f.role === "interviewer" && f.supervisorId) {
    const supervisor = db.select({ role: users.role }).from(users).where(eq(users.id, f.supervisorId)).get();
    if (supervisor?.role !== "supervisor") errors.supervisorId = { key: "unknownSupervisor" };
  }
  return errors;
}

function checkNewUser(db: Executor, input: CreateUserInput): FieldErrors {
  const errors = checkScope(db, input);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) errors.email = { key: "emailTaken" };
  return errors;
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

function writeScopes(tx: Executor, userId: number, f: Fields) {
  tx.delete(userScopes).where(eq(userScopes.userId, userId)).run();
  const rows = [
    ...(f.role === "correspondent" ? f.countries.map((code) => ({ userId, kind: "country" as const, code })) : []),
    ...(f.role === "supervisor" || f.role === "interviewer" ? f.regions.map((code) => ({ userId, kind: "region" as const, code })) : []),
  ];
  if (rows.length) tx.insert(userScopes).values(rows).run();
}

const roleColumns = (f: Fields) => ({
  reportingBodyId: f.role === "reporter" ? (f.bodyId ?? null) : null,
  supervisorId: f.role === "interviewer" ? (f.supervisorId ?? null) : null,
});

/** The user as the transaction sees it, or a 404 refusal. */
function currentState(tx: Executor, id: number) {
  const user = tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, id)).get();
  if (!user) throw new ServiceError(404, refusal("noSuchUser"));
  return user;
}

export async function createUser(db: Db, input: CreateUserInput, by: Actor): Promise<number> {
  // A first look without the lock, so that a refused form costs no password hash; the check that
  // counts is the one inside the transaction (another request may have taken the email meanwhile).
  const early = checkNewUser(db, input);
  if (hasErrors(early)) throw refuse(early);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (tx) => {
    const errors = checkNewUser(tx, input);
    if (hasErrors(errors)) throw refuse(errors);
    const { id } = tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash, ...roleColumns(input) })
      .returning({ id: users.id })
      .get();
    writeScopes(tx, id, input);
    recordAudit(tx, { action: "user.create", object: `${input.email} (${input.role})`, user: by.user }, by.ip);
    return id;
  });
}

export function updateUser(db: Db, id: number, f: Fields, by: Actor): void {
  inTransaction(db, (tx) => {
    currentState(tx, id);
    const errors = checkScope(tx, f);
    if (hasErrors(errors)) throw refuse(errors);
    // A change of role or scope ends the user's sessions, so no page keeps showing old rights.
    tx.update(users)
      .set({ name: f.name, role: f.role, ...roleColumns(f), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .run();
    writeScopes(tx, id, f);
    recordAudit(tx, { action: "user.update", object: `user ${id} → ${f.role}`, user: by.user }, by.ip);
  });
}

export async function resetPassword(db: Db, id: number, password: string, by: Actor): Promise<void> {
  const passwordHash = await hashPassword(password);
  inTransaction(db, (tx) => {
    currentState(tx, id);
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, { action: "user.password_reset", object: `user ${id}`, user: by.user }, by.ip);
  });
}

/** Activates or deactivates a user; a user already in that state is left as is (a second click). */
export function setActive(db: Db, id: number, active: boolean, by: Actor): void {
  // An administrator cannot lock themselves out.
  if (!active && id === by.user.id) throw new ServiceError(409, refusal("cannotDeactivateSelf"));
  inTransaction(db, (tx) => {
    if (currentState(tx, id).active === active) return;
    tx.update(users)
      .set({ active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .run();
    recordAudit(tx, { action: active ? "user.activate" : "user.deactivate", object: `user ${id}`, user: by.user }, by.ip);
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

export function listUsers(db: Executor): UserRow[] {
  const scopes = db.select().from(userScopes).all();
  const bodies = new Map(
    db
      .select()
      .from(reportingBodies)
      .all()
      .map((b) => [b.id, b.name]),
  );
  return db
    .select()
    .from(users)
    .orderBy(asc(users.email))
    .all()
    .map((u) => {
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

export function listReportingBodies(db: Executor) {
  return db.select({ id: reportingBodies.id, name: reportingBodies.name }).from(reportingBodies).orderBy(reportingBodies.name).all();
}

/** A user's scope in words, for their home page: the countries' codes, the regions' names in
 *  alphabetical order (reference data, no query) and the reporting body's name (null when none). */
export function describeScope(db: Executor, principal: Principal): { countries: string; regions: string; body: string | null } {
  const regionNames = REGIONS.filter((r) => principal.regions.includes(r.code))
    .map((r) => r.name)
    .sort();
  const body = principal.bodyId
    ? db.select({ name: reportingBodies.name }).from(reportingBodies).where(eq(reportingBodies.id, principal.bodyId)).get()?.name
    : undefined;
  return { countries: principal.countries.join(", "), regions: regionNames.join(", "), body: body ?? null };
}
