// What waits for a user on their home page: queries to answer, replies to review.
import "server-only";
import { getDb } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/session";

export function waitingFor(user: CurrentUser): { queriesToAnswer: number; repliesToReview: number; returned: number } {
  const sqlite = getDb().$client;
  if (user.role === "admin") {
    const { n } = sqlite.prepare("select count(*) as n from responses where status = 'submitted' and cycle_slug is not null").get() as { n: number };
    return { queriesToAnswer: 0, repliesToReview: n, returned: 0 };
  }
  if (user.role !== "correspondent" || !user.countries.length) return { queriesToAnswer: 0, repliesToReview: 0, returned: 0 };
  const marks = user.countries.map(() => "?").join(",");
  // A query waits for the correspondent while it is open and its last message is not theirs.
  const q = sqlite.prepare(
    `select count(*) as n from queries q join responses r on r.id = q.response_id
      where q.status = 'open' and r.country_code in (${marks})
        and (select m.user_id from query_messages m where m.query_id = q.id order by m.id desc limit 1) is not ?`,
  ).get(...user.countries, user.id) as { n: number };
  const r = sqlite.prepare(`select count(*) as n from responses where status = 'returned' and cycle_slug is not null and country_code in (${marks})`).get(...user.countries) as { n: number };
  return { queriesToAnswer: q.n, repliesToReview: 0, returned: r.n };
}
