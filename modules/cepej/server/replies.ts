// CEPEJ replies: which exist, which a user may open, and loading one with its cycle.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { preparedQuery } from "@/db/statements";
import { countries, cycles, responses } from "@/db/schema";
import { scopeOf, type Principal } from "@/lib/auth/policy";
import type { Role } from "@/db/roles";
import { canEdit, type ReplyState } from "../workflow";

type ReplySummary = { id: number; cycle: string; cycleName: string; country: string; countryName: string; status: string };

/** Replies the user may open: every country's for admins, their countries' for correspondents. */
export function repliesVisibleTo(db: Executor, user: Principal): ReplySummary[] {
  if (user.role !== "admin" && user.role !== "correspondent") return [];
  const { countries: scope } = scopeOf(user);
  if (scope && !scope.length) return [];
  return db
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
    .orderBy(cycles.slug, countries.name)
    .all();
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
    .prepare(),
);
const byId = preparedQuery((db: Executor) =>
  db
    .select(reply)
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(eq(responses.id, sql.placeholder("id")))
    .prepare(),
);

export function findReply(db: Executor, cycle: string, country: string) {
  return byCycleAndCountry(db).get({ cycle, country });
}

export type ReplyRecord = NonNullable<ReturnType<typeof findReply>>;

/** The reply as it stands now: services call it inside their transaction, whatever the caller read
 *  before, so that the state they check is the state they write against. */
export function currentReply(tx: Executor, responseId: number): ReplyRecord | undefined {
  return byId(tx).get({ id: responseId });
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
export function cycleCountries(db: Executor, slug: string): string[] {
  return db
    .select({ code: responses.countryCode })
    .from(responses)
    .where(eq(responses.cycleSlug, slug))
    .orderBy(responses.countryCode)
    .all()
    .flatMap((r) => (r.code ? [r.code] : []));
}
