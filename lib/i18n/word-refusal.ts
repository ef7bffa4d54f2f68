// Server side: a refusal worded in the user's language (server actions answer a form with text,
// not with the API's JSON). A plain string is English meant for scripts and stays as it is.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Refusal } from "@/lib/http/refusal";

export async function wordRefusal(reason: string | Refusal): Promise<string> {
  if (typeof reason === "string") return reason;
  const t = await getTranslations("refusals");
  return t(reason.code, reason.params);
}
