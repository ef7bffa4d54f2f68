// What waits for a user on their home page: queries to answer, replies to review.
import "server-only";
import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { get } from "@/db/sql";
import { responses } from "@/db/schema";
import { scopeOf, type Principal } from "@/lib/auth/policy";
import { QUERIES_WAITING_FOR } from "./cepej.sql";

const NOTHING = { queriesToAnswer: 0, repliesToReview: 0, returned: 0 };

export async function waitingFor(db: Executor, user: Principal): Promise<{ queriesToAnswer: number; repliesToReview: number; returned: number }> {
  const replies = async (state: "submitted" | "returned", countries: string[] | null) => {
    const [row] = await db
      .select({ n: count() })
      .from(responses)
      .where(and(eq(responses.status, state), isNotNull(responses.cycleSlug), countries ? inArray(responses.countryCode, countries) : undefined))
      .limit(1);
    return row?.n ?? 0;
  };
  // Administrators review submitted replies; correspondents answer queries and returned replies.
  if (user.role === "admin") return { ...NOTHING, repliesToReview: await replies("submitted", scopeOf(user).countries) };
  const countries = scopeOf(user).countries;
  if (user.role !== "correspondent" || !countries?.length) return NOTHING;
  const q = await get<{ n: number }>(db, QUERIES_WAITING_FOR, JSON.stringify(countries), user.id);
  return { queriesToAnswer: q?.n ?? 0, repliesToReview: 0, returned: await replies("returned", countries) };
}
