// Registers of the Committee: information requests (Chapter 2, paragraph 1) and dispatches of the
// electronic collections (Appendix 1).
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { inTransaction, type Executor } from "@/db/transaction";
import { collectionDispatches, informationRequests, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { ELECTRONIC_COLLECTIONS, findCollection } from "../collections";
import { collectionDueDate } from "../deadlines";
import { formatPeriod, periodsBetween, periodEnd } from "../periods";
import { addDays, compareDates } from "../../../lib/dates/dates";
import { loadAdjustments } from "./calendar";
import { today, type Actor } from "./filings";

/** Requests are answered within 15 calendar days of receipt (Law No. 221 "On the procedure of
 *  consideration of applications", art. 8, which the Instruction refers to); the due date is
 *  stored with each request so that an extension can be recorded. */
export const REQUEST_DAYS = 15;

export type NewRequest = Omit<typeof informationRequests.$inferInsert, "status" | "dueOn" | "id" | "createdBy">;

/** Registers a request; one that did not arrive through an official channel is left without
 *  consideration (paragraph 7). Returns its number. */
export function registerRequest(db: Executor, input: NewRequest, user: Actor, ip: string | null): number {
  const status = input.channel === "other" ? "left_without_consideration" : "registered";
  return inTransaction(db, (tx) => {
    const { id } = tx
      .insert(informationRequests)
      .values({ ...input, status, dueOn: addDays(input.receivedOn, REQUEST_DAYS), createdBy: user.id })
      .returning({ id: informationRequests.id })
      .get();
    recordAudit(tx, { action: "request.register", object: `request ${id} from ${input.requester}`, user }, ip);
    return id;
  });
}

/** Answers a registered request (once: an answered request, or one left without consideration,
 *  is not answered again). */
export function answerRequest(db: Executor, id: number, answer: string, user: Actor, ip: string | null) {
  inTransaction(db, (tx) => {
    const request = tx.select({ status: informationRequests.status }).from(informationRequests).where(eq(informationRequests.id, id)).get();
    if (!request) throw new ServiceError(404, `No request No. ${id}.`);
    if (request.status !== "registered")
      throw new ServiceError(409, `Request No. ${id} is ${request.status === "answered" ? "already answered" : "left without consideration"}.`);
    tx.update(informationRequests).set({ status: "answered", answer, answeredOn: today() }).where(eq(informationRequests.id, id)).run();
    recordAudit(tx, { action: "request.answer", object: `request ${id}`, user }, ip);
  });
}

export function listRequests(db: Executor) {
  const now = today();
  return db
    .select()
    .from(informationRequests)
    .orderBy(desc(informationRequests.receivedOn), desc(informationRequests.id))
    .all()
    .map((r) => ({
      ...r,
      overdue: r.status === "registered" && compareDates(now, r.dueOn) > 0,
      late: r.status === "answered" && !!r.answeredOn && compareDates(r.answeredOn, r.dueOn) > 0,
    }));
}

/** Records that a collection's period was sent (once per collection and period). */
export function recordDispatch(
  db: Executor,
  input: { collection: number; period: string; sentOn: string; recipients: string },
  user: Actor,
  ip: string | null,
) {
  const collection = findCollection(input.collection);
  if (!collection) throw new ServiceError(400, `No collection No. ${input.collection}.`);
  const due = collectionDueDate(collection, input.period);
  if (!due.ok) throw new ServiceError(400, due.reason);
  const period = due.value.period;
  inTransaction(db, (tx) => {
    const sent = tx
      .select({ sentOn: collectionDispatches.sentOn })
      .from(collectionDispatches)
      .where(and(eq(collectionDispatches.collection, collection.number), eq(collectionDispatches.period, period)))
      .get();
    if (sent) throw new ServiceError(409, `Collection ${collection.number} for ${period} was already sent on ${sent.sentOn}.`);
    tx.insert(collectionDispatches)
      .values({ ...input, period, userId: user.id })
      .run();
    recordAudit(tx, { action: "collection.dispatch", object: `collection ${collection.number} ${period}`, user }, ip);
  });
}

/** Each collection's periods of the last two years with due date, dispatch and overdue flag. */
export function dispatchSchedule(db: Executor) {
  const adjustments = loadAdjustments(db);
  const now = today();
  const sent = db
    .select({ d: collectionDispatches, by: users.name })
    .from(collectionDispatches)
    .leftJoin(users, eq(users.id, collectionDispatches.userId))
    .all();
  const from = `${Number(now.slice(0, 4)) - 1}-01-01`;
  return ELECTRONIC_COLLECTIONS.flatMap((c) =>
    c.periodicities.flatMap((periodicity) =>
      periodsBetween(from, now, periodicity)
        .filter((p) => compareDates(periodEnd(p), now) < 0)
        .map((p) => {
          const period = formatPeriod(p);
          const due = collectionDueDate(c, period, adjustments);
          const dispatch = sent.find((s) => s.d.collection === c.number && s.d.period === period);
          return {
            collection: c.number,
            title: c.title,
            period,
            due: due.ok ? due.value.due : "",
            sentOn: dispatch?.d.sentOn ?? null,
            recipients: dispatch?.d.recipients ?? null,
            by: dispatch?.by ?? null,
            overdue: !dispatch && due.ok && compareDates(now, due.value.due) > 0,
          };
        }),
    ),
  );
}
