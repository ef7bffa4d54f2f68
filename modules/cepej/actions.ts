"use server";
// Cycle administration: create a cycle, assign correspondents, extend a country's deadline.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { checkApiAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/server";
import { assignCorrespondent, createCycle, extendDeadline } from "@/modules/cepej/server/cycles";
import type { DefinitionError } from "@/modules/questionnaire/validate";

export type CycleFormState = { ok?: boolean; fieldErrors?: Record<string, string>; definitionErrors?: DefinitionError[]; denied?: string };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");
const NewCycle = z
  .object({
    slug: z.string().trim().regex(/^\d{4}-\d{4}$/, "slug"),
    name: z.string().trim().min(1, "required").max(200),
    referenceYear: z.coerce.number().int().min(1990, "year").max(2100, "year"),
    opensOn: date,
    closesOn: date,
    previousCycle: z.string().trim().max(20).transform((s) => s || null),
    variationThreshold: z.coerce.number().positive("threshold").max(1000, "threshold"),
    source: z.enum(["copy", "upload"]),
    definitionJson: z.string().max(5_000_000).optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ["closesOn"], message: "closesBeforeOpens" });

export async function createCycleAction(_: CycleFormState, form: FormData): Promise<CycleFormState> {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return { denied: "403" };
  const file = form.get("definitionFile");
  const uploaded = file instanceof File && file.size > 0 ? await file.text() : String(form.get("definitionJson") ?? "");
  const parsed = NewCycle.safeParse({ ...Object.fromEntries(form), definitionJson: uploaded });
  if (!parsed.success) return { fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  const v = parsed.data;
  if (v.source === "upload" && !v.definitionJson?.trim()) return { fieldErrors: { definitionJson: "required" } };
  const result = createCycle({ ...v, definitionJson: v.source === "upload" ? v.definitionJson! : null });
  if (!result.ok) return result.definitionErrors ? { definitionErrors: result.definitionErrors } : { fieldErrors: { [result.field!]: result.message! } };
  audit({ action: "cycle.create", object: v.slug, user: access.user });
  revalidatePath("/admin/cycles");
  return { ok: true };
}

const Assign = z.object({ cycle: z.string().min(1), country: z.string().length(2), userId: z.coerce.number().int().positive() });

export async function assignAction(form: FormData) {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return;
  const v = Assign.safeParse(Object.fromEntries(form));
  if (!v.success) return;
  if (!assignCorrespondent(v.data.cycle, v.data.country, v.data.userId)) {
    audit({ action: "cycle.assign", object: `${v.data.cycle}/${v.data.country} → user ${v.data.userId}`, user: access.user });
  }
  revalidatePath(`/admin/cycles/${v.data.cycle}`);
}

const Extend = z.object({ cycle: z.string().min(1), country: z.string().length(2), deadline: z.union([date, z.literal("")]) });

export async function extendDeadlineAction(form: FormData) {
  const access = await checkApiAccess("write", { kind: "administration" });
  if (!access.ok) return;
  const v = Extend.safeParse(Object.fromEntries(form));
  if (!v.success) return;
  extendDeadline(v.data.cycle, v.data.country, v.data.deadline || null);
  audit({ action: "cycle.extend_deadline", object: `${v.data.cycle}/${v.data.country} → ${v.data.deadline || "none"}`, user: access.user });
  revalidatePath(`/admin/cycles/${v.data.cycle}`);
}
