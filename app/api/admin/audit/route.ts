// GET /api/admin/audit?q&action&user&object&body&from&to&limit — the log-journal as CSV (admins), newest
// first, at most `limit` rows (1–100 000, all of them by default); `at` in UTC, from/to local days.
import { checkApiAccess } from "@/lib/auth/session";
import { AUDIT_EXPORT_MAX, searchAudit } from "@/lib/audit/query";
import { toCsv } from "@/lib/csv/csv";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";

export const GET = route(async ({ request, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const query = apiQuery(request);
  const rows = await searchAudit(db, {
    q: query.one("q"),
    action: query.one("action"),
    user: query.one("user"),
    object: query.one("object"),
    body: query.int("body", { min: 1, max: 1_000_000_000 }),
    from: query.date("from"),
    to: query.date("to"),
    limit: query.int("limit", { min: 1, max: AUDIT_EXPORT_MAX }) ?? AUDIT_EXPORT_MAX,
  });
  const csv = toCsv(
    ["at", "user", "role", "action", "object", "ip"],
    rows.map((r) => [r.at, r.user, r.role, r.action, r.object, r.ip]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="log-journal.csv"' } });
});
