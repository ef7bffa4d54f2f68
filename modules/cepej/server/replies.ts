// CEPEJ replies: which exist, which a user may open, and loading one with its cycle.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor, TransactionOptions } from "@/db/transaction";
import { preparedQuery } from "@/db/statements";
import { countries, cycles, responses } from "@/db/schema";
import { scopeOf, type Principal } from "@/lib/auth/policy";
import type { Role } from "@/db/roles";
import { canEdit, type ReplyState } from "../workflow";

type ReplySummary = { id: number; cycle: string; cycleName: string; country: string; countryName: string; status: string };

/** Replies the user may open: every country's for admins, their countries' for correspondents. */
export async function repliesVisibleTo(db: Executor, user: Principal): Promise<ReplySummary[]> {
  if (user.role !== "admin" && user.role !== "correspondent") return [];
  const { countries: scope } = scopeOf(user);
  if (scope && !scope.length) return [];
  return await db
    .select({
      id: responses.id,
      cycle: cycles.slug,
      cycleName: cycles.name,
      country: countries.code,
      countryName: countries.name,
      status: responses.status,
    })
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(scope ? inArray(responses.countryCode, scope) : undefined)
    .orderBy(cycles.slug, countries.name);
}

const reply = { reply: responses, cycle: cycles, countryName: countries.name };

// Prepared once per handle: every request on a reply starts with one of these two lookups.
const byCycleAndCountry = preparedQuery((db: Executor) =>
  db
    .select(reply)
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(and(eq(responses.cycleSlug, sql.placeholder("cycle")), eq(responses.countryCode, sql.placeholder("country"))))
    .limit(1)
    .prepare(),
);
const byId = preparedQuery((db: Executor) =>
  db
    .select(reply)
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(eq(responses.id, sql.placeholder("id")))
    .limit(1)
    .prepare(),
);

export async function findReply(db: Executor, cycle: string, country: string) {
  const [found] = await byCycleAndCountry(db).execute({ cycle, country });
  return found;
}

export type ReplyRecord = NonNullable<Awaited<ReturnType<typeof findReply>>>;

/** Every writer of a reply locks the reply's row first on PostgreSQL (db/transaction.ts, `lock`):
 *  writers of one reply wait for each other, as every writer does on SQLite, and writers of
 *  different replies neither wait for nor abort each other. Under SERIALIZABLE alone, 25 clients
 *  autosaving into one reply aborted each other until retries ran out, and clients of different
 *  replies still did now and then (their answers share index pages). */
export const onReply = (found: ReplyRecord): TransactionOptions => ({ lock: { table: "responses", id: found.reply.id } });

/** The reply as it stands now: services call it inside their transaction, whatever the caller read
 *  before, so that the state they check is the state they write against. */
export async function currentReply(tx: Executor, responseId: number): Promise<ReplyRecord | undefined> {
  const [found] = await byId(tx).execute({ id: responseId });
  return found;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Whether this role may change the reply's answers now, with the reason when not. */
export function editCheck(found: ReplyRecord, role: Role) {
  return canEdit(
    found.reply.status as ReplyState,
    role,
    { opensOn: found.cycle.opensOn, closesOn: found.cycle.closesOn, deadline: found.reply.deadline },
    today(),
  );
}

/** The countries that have a reply in the cycle, in code order. */
export async function cycleCountries(db: Executor, slug: string): Promise<string[]> {
  const rows = await db.select({ code: responses.countryCode }).from(responses).where(eq(responses.cycleSlug, slug)).orderBy(responses.countryCode);
  return rows.flatMap((r) => (r.code ? [r.code] : []));
}
