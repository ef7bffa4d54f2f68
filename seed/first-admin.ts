// The first administrator of a production database (which has no demo accounts): created from the
// command line (scripts/create-admin.ts) or at the server's first start from ADMIN_EMAIL and
// ADMIN_PASSWORD (seed/bootstrap.ts). Same rules as an administrator creating a user in the app.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/transaction";
import { users } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { recordAudit } from "@/lib/audit/record";

const AdminInput = z.object({
  email: z.string().trim().toLowerCase().email("not a valid email address").max(320),
  name: z.string().trim().min(1, "the name is empty").max(200),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, "the password is longer than 1024 characters"),
});
export type AdminInput = z.infer<typeof AdminInput>;

/** The input, normalised (email trimmed and lower-cased, as the login form does), or the reasons it is refused. */
export function checkAdminInput(raw: { email?: string; name?: string; password?: string }): { ok: true; value: AdminInput } | { ok: false; error: string } {
  const parsed = AdminInput.safeParse({ ...raw, name: raw.name ?? "Administrator" });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}

export async function hasAdministrator(db: Executor): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1)).length > 0;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`a user with the email ${email} already exists`);
  }
}

/** Inside the caller's transaction: re-checks the email, inserts the administrator and its audit row. */
export async function insertAdministrator(tx: Executor, admin: { email: string; name: string; passwordHash: string }, origin: string): Promise<number> {
  if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, admin.email)).limit(1)).length) throw new EmailTakenError(admin.email);
  const [{ id }] = await tx
    .insert(users)
    .values({ email: admin.email, name: admin.name, role: "admin", passwordHash: admin.passwordHash })
    .returning({ id: users.id });
  await recordAudit(tx, { action: "user.create", object: `${admin.email} (admin, ${origin})`, user: null }, null);
  return id;
}
