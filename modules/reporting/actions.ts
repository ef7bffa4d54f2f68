"use server";
// Server actions of legal-statistics reporting: a body's reporter opens a report for a period; the
// Committee (administrators) keeps the working-day calendar, the register of information requests
// and the dispatches of the electronic collections. Each runs one service, which writes its audit
// row in its own transaction; each answers with the one ActionState shape. Next compiles every
// function of a "use server" file as an action (async).
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction, storageFullRefusal, type ActionState } from "@/lib/auth/admin-action";
import { requestIp } from "@/lib/audit/server";
import { currentUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { isServiceError } from "@/lib/http/service-error";
import { refusal } from "@/lib/http/refusal";
import { wordRefusal } from "@/lib/i18n/word-refusal";
import { AnswerRequestInput, CalendarChangeInput, DispatchInput, NewRequestInput } from "@/modules/reporting/schemas";
import { changeCalendarDay } from "@/modules/reporting/server/calendar";
import { openFiling } from "@/modules/reporting/server/filings";
import { answerRequest, recordDispatch, registerRequest } from "@/modules/reporting/server/registers";

// why here and not in schemas.ts: the body it names must be known before the policy is asked, and
// the registry's static check counts a call of an imported name before that as an effect.
const OpenFilingInput = z.object({ form: z.coerce.number().int().positive(), period: z.string().trim().max(10), bodyId: z.coerce.number().int().positive() });

/** Opens the body's report (or finds the one already open) and shows it. Not an adminAction: the
 *  body's own reporters use it, so it asks the policy about the body named in the form, and takes
 *  the database handle itself as the entry point it is. */
export async function openFilingAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  const v = OpenFilingInput.safeParse(Object.fromEntries(form));
  if (!v.success) return { fieldErrors: { period: { key: "chooseFormAndPeriod" } } };
  const decision = decide(user, "write", { kind: "reportingBody", bodyId: v.data.bodyId });
  if (!decision.allowed || !user) return { denied: await wordRefusal(decision.allowed ? refusal("signIn") : decision.reason) };
  let id: number;
  try {
    id = await openFiling(getDb(), { form: v.data.form, bodyId: v.data.bodyId, period: v.data.period }, user, await requestIp());
  } catch (error) {
    if (isServiceError(error)) return { error: await wordRefusal(error.refusal ?? error.message) };
    const full = await storageFullRefusal(error);
    if (full) return full;
    throw error;
  }
  redirect(`/reports/${id}`);
}

export const calendarAction = adminAction(
  CalendarChangeInput,
  async ({ db, user, input, ip }) => {
    await changeCalendarDay(db, input, user, ip);
    return input.date;
  },
  { revalidate: "/admin/calendar" },
);

export const registerRequestAction = adminAction(NewRequestInput, async ({ db, user, input, ip }) => String(await registerRequest(db, input, user, ip)), {
  revalidate: "/admin/requests",
});

export const answerRequestAction = adminAction(
  AnswerRequestInput,
  async ({ db, user, input, ip }) => {
    await answerRequest(db, input.id, input.answer, user, ip, input.officialUse);
    return String(input.id);
  },
  { revalidate: "/admin/requests" },
);

export const dispatchAction = adminAction(
  DispatchInput,
  async ({ db, user, input, ip }) => {
    await recordDispatch(db, input, user, ip);
    return `${input.collection} ${input.period}`;
  },
  { revalidate: "/admin/collections" },
);
