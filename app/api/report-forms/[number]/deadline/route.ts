// GET /api/report-forms/{number}/deadline?period=P — the legal placement term of a form for a period
// (`due`) and the reporting bodies' filing deadline the Committee set (`filingDue`); public: it is
// legal information. 404 for an unknown form; 400 with a reason for a malformed or mismatched period.
import { formTerms } from "@/modules/reporting/deadlines";
import { findForm, REPORT_FORMS } from "@/modules/reporting/forms";
import { filingDaysBefore, loadAdjustments } from "@/modules/reporting/server/calendar";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";

export const GET = route<{ number: string }>(async ({ request, params, db }) => {
  const raw = params.number;
  const number = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(number)) return problem(400, `"${raw}" is not a form number: forms are numbered 1–${REPORT_FORMS.length}.`);
  if (!findForm(number)) return problem(404, `No form No. ${number}: forms are numbered 1–${REPORT_FORMS.length}.`);
  const period = apiQuery(request).one("period");
  if (!period) return problem(400, "Give the period: ?period=2026-03 (month), 2025-Q4, 2026-H1 or 2026.");
  const terms = formTerms(number, period, await loadAdjustments(db), (await filingDaysBefore(db))(number));
  if (!terms.ok) return problem(400, terms.reason);
  return Response.json(terms.value);
});
