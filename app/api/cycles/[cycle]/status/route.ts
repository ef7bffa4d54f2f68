// GET /api/cycles/{cycle}/status?format=csv|json — every country of the cycle (admins).
import { checkApiAccess } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { toCsv } from "@/lib/csv/csv";
import { cycleStatus } from "@/modules/cepej/server/cycles";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ cycle: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const { cycle } = params;
  if (!(await cycleOf(db, cycle))) return problem(404, refusal("noSuchCycle", { cycle }));
  const format = apiQuery(request).choice("format", ["csv", "json"]) ?? "csv";
  const rows = await cycleStatus(db, cycle);
  if (format === "json") return Response.json({ cycle, countries: rows });
  const csv = toCsv(
    ["country", "name", "status", "answered", "total", "percent", "open_warnings", "open_queries", "last_activity", "deadline", "correspondents"],
    rows.map((r) => [
      r.country,
      r.name,
      r.status,
      r.answered,
      r.total,
      r.percent,
      r.warnings,
      r.openQueries,
      r.lastActivity,
      r.deadline ?? "",
      r.correspondents.join("; "),
    ]),
  );
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="cycle-${cycle}-status.csv"` },
  });
});
