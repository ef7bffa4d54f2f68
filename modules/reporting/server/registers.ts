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

export type NewRequest = Omit<typeof informationRequests.$inferInsert, "status" | "dueOn" | "id" | "createdBy" | "exclusion" | "officialUse"> & {
  /** What is asked: report indicators (paragraph 5), or information available in information
   *  systems and open sources, or copies (screenshots) of accounting documents (paragraph 7). */
  subject?: "indicators" | "open_sources" | "copies";
};

/** Why paragraph 7 leaves a request without consideration, or null: oral and messenger requests
 *  and any other channel than the e-document system or Kadagalau first, then what is asked. */
export function exclusionOf(input: Pick<NewRequest, "channel" | "subject">): "channel" | "open_sources" | "copies" | null {
  if (input.channel === "other") return "channel";
  return input.subject && input.subject !== "indicators" ? input.subject : null;
}

/** Registers a request; one that paragraph 7 excludes is left without consideration, with the
 *  reason. Returns its number. */
export async function registerRequest(db: Executor, input: NewRequest, user: Actor, ip: string | null): Promise<number> {
  const { subject, ...fields } = input;
  const exclusion = exclusionOf({ channel: input.channel, subject });
  const status = exclusion ? "left_without_consideration" : "registered";
  return inTransaction(db, async (tx) => {
    const [{ id }] = await tx
      .insert(informationRequests)
      .values({ ...fields, status, exclusion, dueOn: addDays(input.receivedOn, REQUEST_DAYS), createdBy: user.id })
      .returning({ id: informationRequests.id });
    await recordAudit(
      tx,
      { action: "request.register", object: `request ${id} from ${input.requester}${exclusion ? ` left without consideration: ${exclusion}` : ""}`, user },
      ip,
    );
    return id;
  });
}

/** Answers a registered request (once: an answered request, or one left without consideration,
 *  is not answered again). */
export async function answerRequest(db: Executor, id: number, answer: string, user: Actor, ip: string | null, officialUse = false) {
  await inTransaction(db, async (tx) => {
    const [request] = await tx.select({ status: informationRequests.status }).from(informationRequests).where(eq(informationRequests.id, id)).limit(1);
    if (!request) throw new ServiceError(404, `No request No. ${id}.`);
    if (request.status !== "registered")
      throw new ServiceError(409, `Request No. ${id} is ${request.status === "answered" ? "already answered" : "left without consideration"}.`);
    await tx.update(informationRequests).set({ status: "answered", answer, answeredOn: today(), officialUse }).where(eq(informationRequests.id, id));
    await recordAudit(tx, { action: "request.answer", object: `request ${id}${officialUse ? " (for official use)" : ""}`, user }, ip);
  });
}

/** The register; an answer marked "For official use" is shown only to the Committee (`committee`),
 *  to anyone else as withheld (null). */
export async function listRequests(db: Executor, { committee }: { committee: boolean }) {
  const now = today();
  return (await db.select().from(informationRequests).orderBy(desc(informationRequests.receivedOn), desc(informationRequests.id))).map((r) => ({
    ...r,
    answer: r.officialUse && !committee ? null : r.answer,
    // Requests registered before reasons were recorded: the channel was the only exclusion.
    exclusion: r.exclusion ?? (r.status === "left_without_consideration" ? ("channel" as const) : null),
    overdue: r.status === "registered" && compareDates(now, r.dueOn) > 0,
    late: r.status === "answered" && !!r.answeredOn && compareDates(r.answeredOn, r.dueOn) > 0,
  }));
}

/** Records that a collection's period was sent (once per collection and period). */
export async function recordDispatch(
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
  await inTransaction(db, async (tx) => {
    const [sent] = await tx
      .select({ sentOn: collectionDispatches.sentOn })
      .from(collectionDispatches)
      .where(and(eq(collectionDispatches.collection, collection.number), eq(collectionDispatches.period, period)))
      .limit(1);
    if (sent) throw new ServiceError(409, `Collection ${collection.number} for ${period} was already sent on ${sent.sentOn}.`);
    await tx.insert(collectionDispatches).values({ ...input, period, userId: user.id });
    await recordAudit(tx, { action: "collection.dispatch", object: `collection ${collection.number} ${period}`, user }, ip);
  });
}

/** Each collection's periods of the last two years with due date, dispatch and overdue flag. */
export async function dispatchSchedule(db: Executor) {
  const adjustments = await loadAdjustments(db);
  const now = today();
  const sent = await db
    .select({ d: collectionDispatches, by: users.name })
    .from(collectionDispatches)
    .leftJoin(users, eq(users.id, collectionDispatches.userId));
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
