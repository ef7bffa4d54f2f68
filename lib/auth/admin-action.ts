// One shape for the administrators' server actions: the policy is asked first (administration),
// the form is parsed with the action's zod schema, the service runs with the database executor and
// the client address (its audit row goes in the service's own transaction), and every refusal comes
// back as the same ActionState. A ServiceError is a refusal, and so is a write that found the disk
// full (db/storage.ts); anything else is a bug and propagates.
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { isStorageFull, storageFull } from "@/db/storage";
import { requestIp } from "@/lib/audit/server";
import { isServiceError } from "@/lib/http/service-error";
import { wordRefusal } from "@/lib/i18n/word-refusal";
import { checkApiAccess, type CurrentUser } from "./session";

/** A field's refusal as a message key of the form's catalogue namespace, with its values. */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type ActionState = { ok?: string; error?: string; denied?: string; fieldErrors?: Record<string, FieldError> };
export type AdminActionContext<I> = { db: Db; user: CurrentUser; input: I; ip: string | null };

type Options = { revalidate?: string };

/** The answer to an action whose write found the disk full: recorded (logged once per incident), and
 *  the form says, in the user's language, that nothing was saved (the transaction was rolled back).
 *  null for any other error. For the actions that are not adminActions too. */
export async function storageFullRefusal(error: unknown): Promise<ActionState | null> {
  if (!isStorageFull(error)) return null;
  storageFull(error);
  return { error: (await getTranslations("errors"))("storageFull") };
}

const fieldErrorsOf = (error: z.ZodError): Record<string, FieldError> =>
  Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), { key: i.message }]));

/** Usable both as a form action with state (`useActionState`) and as a plain `<form action>`. */
export function adminAction<S extends z.ZodType>(schema: S, run: (ctx: AdminActionContext<z.infer<S>>) => Promise<string | void>, options: Options = {}) {
  return async (...args: [ActionState, FormData] | [FormData]): Promise<ActionState> => {
    const form = args.length === 2 ? args[1] : args[0];
    const access = await checkApiAccess("write", { kind: "administration" });
    if (!access.ok) return { denied: await wordRefusal(access.reason) };
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      const ok = await run({ db: getDb(), user: access.user, input: parsed.data, ip: await requestIp() });
      if (options.revalidate) revalidatePath(options.revalidate);
      return { ok: ok ?? "ok" };
    } catch (error) {
      const full = await storageFullRefusal(error);
      if (full) return full;
      if (!isServiceError(error)) throw error;
      const fieldErrors = error.details && typeof error.details === "object" ? (error.details as Record<string, FieldError>) : undefined;
      return { error: await wordRefusal(error.refusal ?? error.message), ...(fieldErrors ? { fieldErrors } : {}) };
    }
  };
}
