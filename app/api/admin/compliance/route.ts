// GET /api/admin/compliance?from&to&region&state — the compliance table as CSV (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { toCsv } from "@/lib/csv/csv";
import { COMPLIANCE_STATES, compliance, today } from "@/modules/reporting/server/filings";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";

export const GET = route(async ({ request, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const query = apiQuery(request);
  const from = query.date("from") ?? `${Number(today().slice(0, 4)) - 1}-01-01`;
  const to = query.date("to") ?? today();
  const region = query.one("region") || undefined;
  const state = query.choice("state", COMPLIANCE_STATES);
  const rows = (await compliance(db, scopeOf(access.user), { from, to, region })).filter((r) => !state || r.state === state);
  const csv = toCsv(
    ["period", "body", "region", "form", "code", "due", "state", "days_late", "submitted_at", "placement_due", "placement", "placed_on"],
    rows.map((r) => [
      r.period,
      r.body,
      r.region,
      r.form,
      r.code,
      r.due,
      r.state,
      r.daysLate ?? "",
      r.submittedAt ?? "",
      r.placementDue,
      r.placement,
      r.placedOn ?? "",
    ]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="compliance.csv"' } });
});
