// Demo data of legal-statistics reporting: a police department per region filing form 1-M, with
// synthetic monthly reports 2016–2025 (seed/reporting/demo-1m.ts, matching the published figures).
import type { Db } from "../../db/open";
import { bulkInsert } from "../../db/bulk";
import { all, get, run, statement } from "../../db/sql";
import { REGIONS } from "../../db/reference-data";
import { reportingBodies } from "../../db/schema";
import { generateDemo1M } from "@/seed/reporting/demo-1m";
import { formTerms } from "@/modules/reporting/deadlines";
import { consolidate, type ConsolidationRow } from "@/modules/reporting/placements";
import { CONSOLIDATE_PERIOD } from "@/modules/reporting/server/reporting.sql";
import { addDays } from "@/lib/dates/dates";

const FORM_1M = 1;

const RESPONSE = statement("insert into responses (questionnaire_id, status) values ('form-1m', 'submitted') returning id");
const FILING = statement(
  "insert into report_filings (form_number, body_id, period, response_id, status, due, submitted_at, days_late) values (?, ?, ?, ?, 'submitted', ?, ?, ?)",
);
const PLACEMENT = statement(
  "insert into report_placements (form_number, period, area, reports, figures, due, placed_on, placed_at, days_late) values (?, ?, ?, ?, ?, ?, ?, ?, 0)",
);

/** Creates the bodies and their filings; returns the body id of each region. */
export async function seedReporting(db: Db): Promise<Map<string, number>> {
  const bodies = new Map<string, number>();
  for (const r of REGIONS) {
    const [{ id }] = await db
      .insert(reportingBodies)
      .values({ name: `Police Department of ${r.name}`, kind: "police", regionCode: r.code })
      .returning({ id: reportingBodies.id });
    bodies.set(r.code, id);
  }
  const answers = bulkInsert(db, "answers", ["response_id", "cell", "num", "text", "status", "version"]);
  let n = 0;
  const periods = new Map<string, string>();
  for (const report of generateDemo1M()) {
    const due = formTerms(FORM_1M, report.period);
    if (!due.ok) throw new Error(due.reason);
    periods.set(report.period, due.value.due);
    const { id } = (await get<{ id: number }>(db, RESPONSE))!;
    for (const [cell, a] of Object.entries(report.answers)) await answers.add([id, cell, a.num, a.text, a.status, 1]);
    // Most bodies file a few days early; about one report in thirty is one to five days late.
    const late = n++ % 31 === 7 ? 1 + (n % 5) : 0;
    const submitted = addDays(due.value.filingDue, late ? late : -((n % 4) + 1));
    await run(db, FILING, FORM_1M, bodies.get(report.region)!, report.period, id, due.value.filingDue, `${submitted}T10:00:00.000Z`, late);
  }
  await answers.flush();
  // The Committee placed every demo period on its placement term (what open data publishes).
  for (const [period, due] of periods)
    for (const a of consolidate(await all<ConsolidationRow>(db, CONSOLIDATE_PERIOD, FORM_1M, period)))
      await run(db, PLACEMENT, FORM_1M, period, a.area, a.reports, JSON.stringify(a.figures), due, due, `${due}T10:00:00.000Z`);
  return bodies;
}
