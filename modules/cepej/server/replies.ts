// CEPEJ replies: which exist, which a user may open, and loading one with its answers.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { preparedQuery } from "@/db/statements";
import { countries, cycles, responses } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";

export type ReplySummary = { id: number; cycle: string; cycleName: string; country: string; countryName: string; status: string };

/** Replies the user may open: all for admins, their countries' for correspondents. */
export function repliesVisibleTo(user: CurrentUser): ReplySummary[] {
  if (user.role !== "admin" && user.role !== "correspondent") return [];
  const db = getDb();
  const where = user.role === "admin" ? undefined : inArray(responses.countryCode, user.countries.length ? user.countries : ["-"]);
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
    .where(where)
    .orderBy(cycles.slug, countries.name)
    .all();
}

const findReplyQuery = preparedQuery((db: Db) =>
  db
    .select({ reply: responses, cycle: cycles, countryName: countries.name })
    .from(responses)
    .innerJoin(cycles, eq(cycles.slug, responses.cycleSlug))
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(and(eq(responses.cycleSlug, sql.placeholder("cycle")), eq(responses.countryCode, sql.placeholder("country"))))
    .prepare(),
);

export function findReply(cycle: string, country: string) {
  return findReplyQuery(getDb()).get({ cycle, country });
}
