// GET /api/admin/compliance?from&to&region&state — the compliance table as CSV (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/policy";
import { toCsv } from "@/lib/csv/csv";
import { compliance, today } from "@/modules/reporting/server/filings";
import { isIsoDate } from "@/lib/dates/dates";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";

export const GET = route(async ({ request, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const p = new URL(request.url).searchParams;
  const from = p.get("from") ?? `${Number(today().slice(0, 4)) - 1}-01-01`;
  const to = p.get("to") ?? today();
  if (!isIsoDate(from) || !isIsoDate(to)) return problem(400, "from and to are dates YYYY-MM-DD");
  const rows = compliance(db, scopeOf(access.user), { from, to, region: p.get("region") || undefined }).filter(
    (r) => !p.get("state") || r.state === p.get("state"),
  );
  const csv = toCsv(
    ["period", "body", "region", "form", "code", "due", "state", "days_late", "submitted_at"],
    rows.map((r) => [r.period, r.body, r.region, r.form, r.code, r.due, r.state, r.daysLate ?? "", r.submittedAt ?? ""]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="compliance.csv"' } });
});
