"use server";
// Committee actions: calendar days, information requests, collection dispatches.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/server";
import { setAdjustment } from "@/modules/reporting/server/calendar";
import { answerRequest, recordDispatch, registerRequest } from "@/modules/reporting/server/registers";
import { isIsoDate } from "@/lib/dates/dates";

export type FormState = { ok?: string; error?: string };
const date = z.string().refine(isIsoDate, "date");

async function admin() {
  const access = await checkApiAccess("write", { kind: "administration" });
  return access.ok ? access.user : null;
}

export async function calendarAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await admin();
  if (!user) return { error: "403" };
  const v = z.object({ date, kind: z.enum(["off", "working", "remove"]), note: z.string().trim().max(200) }).safeParse(Object.fromEntries(form));
  if (!v.success) return { error: "Give a valid date (YYYY-MM-DD) and a kind." };
  if (v.data.kind !== "remove" && !v.data.note) return { error: "Say why (e.g. Kurban ait, Government decree No. …)." };
  setAdjustment(v.data.date, v.data.kind === "remove" ? null : v.data.kind, v.data.note);
  audit({ action: "calendar.change", object: `${v.data.date} ${v.data.kind} ${v.data.note}`, user });
  revalidatePath("/admin/calendar");
  return { ok: v.data.date };
}

const NewRequest = z.object({
  requesterKind: z.enum(["state_body", "individual", "legal_entity"]),
  requester: z.string().trim().min(1).max(300),
  signatory: z.string().trim().min(1).max(300),
  channel: z.enum(["eds", "kadagalau", "other"]),
  indicators: z.string().trim().min(1).max(5000),
  unit: z.enum(["crime", "offense", "criminal_case", "person"]),
  period: z.string().trim().min(1).max(100),
  receivedOn: date,
});

export async function registerRequestAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await admin();
  if (!user) return { error: "403" };
  const v = NewRequest.safeParse(Object.fromEntries(form));
  if (!v.success) return { error: `Check the fields: ${v.error.issues.map((i) => i.path.join(".")).join(", ")}.` };
  const id = registerRequest({ ...v.data, createdBy: user.id });
  audit({ action: "request.register", object: `request ${id} from ${v.data.requester}`, user });
  revalidatePath("/admin/requests");
  return { ok: String(id) };
}

export async function answerRequestAction(form: FormData) {
  const user = await admin();
  if (!user) return;
  const v = z.object({ id: z.coerce.number().int().positive(), answer: z.string().trim().min(1).max(20000) }).safeParse(Object.fromEntries(form));
  if (!v.success) return;
  answerRequest(v.data.id, v.data.answer);
  audit({ action: "request.answer", object: `request ${v.data.id}`, user });
  revalidatePath("/admin/requests");
}

export async function dispatchAction(form: FormData) {
  const user = await admin();
  if (!user) return;
  const v = z.object({ collection: z.coerce.number().int().min(1).max(6), period: z.string().min(4).max(7), sentOn: date, recipients: z.string().trim().min(1).max(2000) }).safeParse(Object.fromEntries(form));
  if (!v.success) return;
  recordDispatch({ ...v.data, userId: user.id });
  audit({ action: "collection.dispatch", object: `collection ${v.data.collection} ${v.data.period}`, user });
  revalidatePath("/admin/collections");
}
