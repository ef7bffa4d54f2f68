// Registers of the Committee: information requests (Chapter 2, paragraph 1) and dispatches of the
// electronic collections (Appendix 1).
import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { collectionDispatches, informationRequests, users } from "@/db/schema";
import { ELECTRONIC_COLLECTIONS } from "../collections";
import { collectionDueDate } from "../deadlines";
import { formatPeriod, periodsBetween, periodEnd } from "../periods";
import { addDays, compareDates } from "../../../lib/dates/dates";
import { loadAdjustments } from "./calendar";
import { today } from "./filings";

/** Requests are answered within 15 calendar days of receipt (Law No. 221 "On the procedure of
 *  consideration of applications", art. 8, which the Instruction refers to); the due date is
 *  stored with each request so that an extension can be recorded. */
export const REQUEST_DAYS = 15;

export type NewRequest = typeof informationRequests.$inferInsert;

/** Registers a request; one that did not arrive through an official channel is left without consideration (paragraph 7). */
export function registerRequest(input: Omit<NewRequest, "status" | "dueOn" | "id">) {
  const status = input.channel === "other" ? "left_without_consideration" : "registered";
  return getDb().insert(informationRequests).values({ ...input, status, dueOn: addDays(input.receivedOn, REQUEST_DAYS) }).returning({ id: informationRequests.id }).get().id;
}

export function answerRequest(id: number, answer: string) {
  getDb().update(informationRequests).set({ status: "answered", answer, answeredOn: today() }).where(eq(informationRequests.id, id)).run();
}

export function listRequests() {
  const now = today();
  return getDb().select().from(informationRequests).orderBy(desc(informationRequests.receivedOn), desc(informationRequests.id)).all()
    .map((r) => ({ ...r, overdue: r.status === "registered" && compareDates(now, r.dueOn) > 0, late: r.status === "answered" && !!r.answeredOn && compareDates(r.answeredOn, r.dueOn) > 0 }));
}

export function recordDispatch(input: { collection: number; period: string; sentOn: string; recipients: string; userId: number }) {
  getDb().insert(collectionDispatches).values(input).run();
}

/** Each collection's periods of the last two years with due date, dispatch and overdue flag. */
export function dispatchSchedule() {
  const adjustments = loadAdjustments();
  const now = today();
  const sent = getDb().select({ d: collectionDispatches, by: users.name }).from(collectionDispatches).leftJoin(users, eq(users.id, collectionDispatches.userId)).all();
  const from = `${Number(now.slice(0, 4)) - 1}-01-01`;
  return ELECTRONIC_COLLECTIONS.flatMap((c) =>
    c.periodicities.flatMap((periodicity) =>
      periodsBetween(from, now, periodicity).filter((p) => compareDates(periodEnd(p), now) < 0).map((p) => {
        const period = formatPeriod(p);
        const due = collectionDueDate(c, period, adjustments);
        const dispatch = sent.find((s) => s.d.collection === c.number && s.d.period === period);
        return {
          collection: c.number, title: c.title, period, due: due.ok ? due.value.due : "",
          sentOn: dispatch?.d.sentOn ?? null, recipients: dispatch?.d.recipients ?? null, by: dispatch?.by ?? null,
          overdue: !dispatch && due.ok && compareDates(now, due.value.due) > 0,
        };
      }),
    ),
  );
}
