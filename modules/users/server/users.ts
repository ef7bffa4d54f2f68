// User administration: create, change role and scope, reset a password, (de)activate.
// Deactivating or resetting a password bumps the session version, which ends existing sessions.
import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { countries, regions, reportingBodies, users, userScopes, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { CreateUserInput } from "../schemas";

type Fields = Pick<CreateUserInput, "name" | "role" | "countries" | "regions" | "bodyId" | "supervisorId">;
export type FieldErrors = Partial<Record<"email" | "name" | "countries" | "regions" | "bodyId" | "supervisorId" | "password" | "form", { key: string; values?: Record<string, string> }>>;

/** Checks that the scope fits the role and names things that exist. */
export function checkScope(f: Fields): FieldErrors {
  const db = getDb();
  const errors: FieldErrors = {};
  const missing = (table: typeof countries | typeof regions, codes: string[]) => {
    if (!codes.length) return [];
    const found = new Set(db.select({ code: table.code }).from(table).where(inArray(table.code, codes)).all().map((r) => r.code));
    return codes.filter((c) => !found.has(c));
  };
  const badCountries = missing(countries, f.countries);
  if (badCountries.length) errors.countries = { key: "unknownCountries", values: { codes: badCountries.join(", ") } };
  const badRegions = missing(regions, f.regions);
  if (badRegions.length) errors.regions = { key: "unknownRegions", values: { codes: badRegions.join(", ") } };
  if (f.role === "correspondent" && !f.countries.length) errors.countries ??= { key: "scopeRequired", values: { what: "country" } };
  if ((f.role === "supervisor" || f.role === "interviewer") && !f.regions.length) errors.regions ??= { key: "scopeRequired", values: { what: "region" } };
  if (f.role === "reporter") {
    if (!f.bodyId || !db.select().from(reportingBodies).where(eq(reportingBodies.id, f.bodyId)).get()) errors.bodyId = { key: "bodyRequired" };
  }
  return errors;
}

function writeScopes(userId: number, f: Fields) {
  const db = getDb();
  db.delete(userScopes).where(eq(userScopes.userId, userId)).run();
  const rows = [
    ...(f.role === "correspondent" ? f.countries.map((code) => ({ userId, kind: "country" as const, code })) : []),
    ...(f.role === "supervisor" || f.role === "interviewer" ? f.regions.map((code) => ({ userId, kind: "region" as const, code })) : []),
  ];
  if (rows.length) db.insert(userScopes).values(rows).run();
}

const roleColumns = (f: Fields) => ({
  reportingBodyId: f.role === "reporter" ? f.bodyId ?? null : null,
  supervisorId: f.role === "interviewer" ? f.supervisorId ?? null : null,
});

export async function createUser(input: CreateUserInput): Promise<{ ok: true; id: number } | { ok: false; errors: FieldErrors }> {
  const errors = checkScope(input);
  const db = getDb();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) errors.email = { key: "emailTaken" };
  if (Object.keys(errors).length) return { ok: false, errors };
  const passwordHash = await hashPassword(input.password);
  const id = db.transaction((tx) => {
    const { id } = tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash, ...roleColumns(input) })
      .returning({ id: users.id })
      .get();
    writeScopes(id, input);
    return id;
  });
  return { ok: true, id };
}

export function updateUser(id: number, f: Fields): { ok: true } | { ok: false; errors: FieldErrors } {
  const errors = checkScope(f);
  if (Object.keys(errors).length) return { ok: false, errors };
  const db = getDb();
  db.transaction((tx) => {
    // A change of role or scope ends the user's sessions, so no page keeps showing old rights.
    tx.update(users)
      .set({ name: f.name, role: f.role, ...roleColumns(f), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, id))
      .run();
    writeScopes(id, f);
  });
  return { ok: true };
}

export async function resetPassword(id: number, password: string) {
  const passwordHash = await hashPassword(password);
  getDb().update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id)).run();
}

export function setActive(id: number, active: boolean) {
  getDb().update(users).set({ active, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id)).run();
}

export type UserRow = { id: number; email: string; name: string; role: Role; active: boolean; scope: string; bodyId: number | null; supervisorId: number | null; countries: string[]; regions: string[] };

export function listUsers(): UserRow[] {
  const db = getDb();
  const scopes = db.select().from(userScopes).all();
  const bodies = new Map(db.select().from(reportingBodies).all().map((b) => [b.id, b.name]));
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
      return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, scope, bodyId: u.reportingBodyId, supervisorId: u.supervisorId, countries: countryCodes, regions: regionCodes };
    });
}

export function listReportingBodies() {
  return getDb().select({ id: reportingBodies.id, name: reportingBodies.name }).from(reportingBodies).orderBy(reportingBodies.name).all();
}
