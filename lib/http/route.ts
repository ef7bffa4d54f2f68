// Route-handler and page wrappers: they hand the handler the database executor and the awaited
// route parameters, so that app/ never reaches for the database itself, and turn a ServiceError
// into its 4xx answer and a write that found the disk full into 503 "storage full" (db/storage.ts:
// logged once per incident; the service's transaction was rolled back, the next write is tried as
// usual). Access is still asked inside the handler, first (the route registry test
// reads the handler and checks that it asks the policy before anything else).
import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { isStorageFull, STORAGE_FULL, storageFull } from "@/db/storage";
import { problem } from "./json-body";
import { isServiceError } from "./service-error";
import type { SearchParams } from "./query";

export type RouteContext<P> = { request: Request; params: P; db: Db };

export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler({ request, params: (await context?.params) as P, db: getDb() });
    } catch (error) {
      if (isServiceError(error)) return problem(error.status, error.refusal ?? error.message, error.details);
      if (isStorageFull(error)) {
        storageFull(error);
        return Response.json({ error: STORAGE_FULL }, { status: 503, headers: { "Retry-After": "30" } });
      }
      throw error;
    }
  };
}

export type PageContext<P> = { params: P; searchParams: SearchParams; db: Db };

export function page<P = Record<string, never>>(render: (ctx: PageContext<P>) => Promise<React.ReactNode>) {
  return async (props: { params?: Promise<P>; searchParams?: Promise<SearchParams> }) =>
    render({ params: (await props.params) as P, searchParams: (await props.searchParams) ?? {}, db: getDb() });
}
