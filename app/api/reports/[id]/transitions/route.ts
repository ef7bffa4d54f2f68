// POST /api/reports/{id}/transitions — {action:"submit"} (the body's reporter) or
// {action:"return", comment} (the Committee). 422 lists what blocks a submission; 409 when the
// report is no longer in a state that allows it (of concurrent requests, one wins).
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { TransitionRequest } from "@/modules/reporting/schemas";
import { filingForRequest } from "@/modules/reporting/server/filing-access";
import { returnFiling, submitFiling } from "@/modules/reporting/server/filings";

export const POST = route<{ id: string }>(async ({ request, params, db }) => {
  const r = await filingForRequest(db, params.id, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, TransitionRequest);
  if (!body.ok) return body.response;
  const decision = decide(r.user, body.data.action === "submit" ? "write" : "review", { kind: "reportingBody", bodyId: r.found.filing.bodyId });
  if (!decision.allowed) return problem(403, decision.reason);
  const ip = await requestIp();
  const result =
    body.data.action === "submit" ? await submitFiling(db, r.found.filing, r.user, ip) : await returnFiling(db, r.found.filing, body.data.comment, r.user, ip);
  return Response.json(result);
});
