"use server";
// Opening a report for a period (the body's reporter).
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { openFiling } from "@/modules/reporting/server/filings";

const Open = z.object({ form: z.coerce.number().int().positive(), period: z.string().max(10), bodyId: z.coerce.number().int().positive() });

export async function openFilingAction(_: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const user = await currentUser();
  const v = Open.safeParse(Object.fromEntries(form));
  if (!v.success) return { error: "Choose a form and a period." };
  if (!decide(user, "write", { kind: "reportingBody", bodyId: v.data.bodyId }).allowed) return { error: "You do not report for this body." };
  const result = openFiling(v.data.form, v.data.bodyId, v.data.period.trim());
  if (!result.ok) return { error: result.reason };
  redirect(`/reports/${result.id}`);
}
