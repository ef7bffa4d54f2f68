"use server";
// Server actions of the analysis feature: administrators edit the mappings of survey offences to
// lines of form 1-M. The service writes its audit row in its own transaction.
import { adminAction } from "@/lib/auth/admin-action";
import { MappingInput } from "@/modules/analysis/schemas";
import { updateOffenceMapping } from "@/modules/analysis/server/unrecorded";

export const offenceMappingAction = adminAction(
  MappingInput,
  async ({ db, user, input, ip }) => {
    await updateOffenceMapping(db, user, ip, input);
    return input.id;
  },
  { revalidate: "/admin/analysis" },
);
