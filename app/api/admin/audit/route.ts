// GET /api/admin/audit?q&action&from&to — the log-journal as CSV (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { searchAudit } from "@/lib/audit/query";
import { toCsv } from "@/lib/csv/csv";
import { route } from "@/lib/http/route";

export const GET = route(async ({ request, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const p = new URL(request.url).searchParams;
  const rows = searchAudit(db, {
    q: p.get("q") ?? undefined,
    action: p.get("action") ?? undefined,
    from: p.get("from") ?? undefined,
    to: p.get("to") ?? undefined,
    limit: 100_000,
  });
  const csv = toCsv(
    ["at", "user", "role", "action", "object", "ip"],
    rows.map((r) => [r.at, r.user, r.role, r.action, r.object, r.ip]),
  );
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="log-journal.csv"' } });
});
