"use server";
// Cycle administration: create a cycle, assign correspondents, extend a country's deadline.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/admin-action";
import { ServiceError } from "@/lib/http/service-error";
import { assignCorrespondent, createCycle, extendDeadline } from "@/modules/cepej/server/cycles";
import { AssignForm, DEFINITION_MAX, ExtendDeadlineForm, NewCycleForm } from "@/modules/cepej/schemas";
import { refusal } from "@/lib/http/refusal";

// The paths to refresh are named in the handlers: two of them depend on the cycle in the form.

export const createCycleAction = adminAction(NewCycleForm, async ({ db, user, input, ip }) => {
  const { definitionFile, definitionJson, source, ...cycle } = input;
  const definition = source === "upload" ? (definitionFile ? await definitionFile.text() : (definitionJson ?? "")) : null;
  if (definition !== null && definition.length > DEFINITION_MAX) throw new ServiceError(413, refusal("definitionTooLarge", { max: DEFINITION_MAX }));
  await createCycle(db, { ...cycle, definitionJson: definition }, user, ip);
  revalidatePath("/admin/cycles");
});

export const assignAction = adminAction(AssignForm, async ({ db, user, input, ip }) => {
  await assignCorrespondent(db, input, user, ip);
  revalidatePath(`/admin/cycles/${input.cycle}`);
});

export const extendDeadlineAction = adminAction(ExtendDeadlineForm, async ({ db, user, input, ip }) => {
  await extendDeadline(db, { cycle: input.cycle, country: input.country, deadline: input.deadline || null }, user, ip);
  revalidatePath(`/admin/cycles/${input.cycle}`);
});
