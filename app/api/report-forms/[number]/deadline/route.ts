// GET /api/report-forms/{number}/deadline?period=P — the legal due date of a form for a period
// (public: it is legal information). 400 with a reason for a malformed or mismatched period.
import { dueDate } from "@/modules/reporting/deadlines";
import { loadAdjustments } from "@/modules/reporting/server/calendar";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";

export const GET = route<{ number: string }>(({ request, params, db }) => {
  const raw = params.number;
  const number = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(number)) return problem(400, `"${raw}" is not a form number: forms are numbered 1–26.`);
  const period = apiQuery(request).one("period");
  if (!period) return problem(400, "Give the period: ?period=2026-03 (month), 2025-Q4, 2026-H1 or 2026.");
  const due = dueDate(number, period, loadAdjustments(db));
  if (!due.ok) return problem(400, due.reason);
  return Response.json(due.value);
});
