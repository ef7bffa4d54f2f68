// POST /api/reports/{id}/transitions — {action:"submit"} (the body's reporter) or
// {action:"return", comment} (the Committee). 422 lists what blocks a submission.
import { z } from "zod";
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { filingForRequest } from "@/modules/reporting/server/filing-access";
import { returnFiling, submitFiling } from "@/modules/reporting/server/filings";
import { audit } from "@/lib/audit/server";

const Body = z.union([
  z.object({ action: z.literal("submit") }).strict(),
  z.object({ action: z.literal("return"), comment: z.string().trim().min(1).max(5000) }).strict(),
]);

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const r = await filingForRequest(params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  const decision = decide(r.user, body.data.action === "submit" ? "write" : "review", { kind: "reportingBody", bodyId: r.found.filing.bodyId });
  if (!decision.allowed) return problem(403, decision.reason);
  const result = body.data.action === "submit" ? submitFiling(r.found) : returnFiling(r.found, body.data.comment);
  if (!result.ok) {
    const issues = "issues" in result && Array.isArray(result.issues)
      ? result.issues.map((i) => ({ question: i.question, cell: i.cell, code: i.code, severity: i.severity, params: i.params }))
      : undefined;
    return problem(result.status, result.reason, issues);
  }
  const { filing } = r.found;
  audit({ action: `report.${body.data.action}`, object: `form ${filing.formNumber} ${filing.period} body ${filing.bodyId}`, user: r.user });
  return Response.json(result);
}
