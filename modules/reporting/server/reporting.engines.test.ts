// The reporting feature's raw SQL on both engines (db/sql.ts): on SQLite and on a real PostgreSQL
// (testing/postgres.ts), the same filings give the same consolidation (by region and cell, with each
// region's count of reports), the same open figures of the placed reports (provisional where reports
// are missing, complete years only in the national series), the same registered counts by line, and
// a calendar day's removal counts the rows it removed. Counts come back as numbers, large figures
// whole, camelCase keys with their case.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { all, run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { consolidate, type ConsolidationRow } from "../placements";
import { lastUpdated, nationalSeries, registeredCrimes } from "./open-data";
import { REGISTERED_BY_LINE, registeredByLine, registeredCount } from "./registered";
import { CONSOLIDATE_PERIOD, DELETE_CALENDAR_DAY } from "./reporting.sql";

const ADD_REGION = statement("insert into regions (code, name) values (?, ?) on conflict do nothing");
const ADD_FORM = statement("insert into questionnaires (id, version, definition) values ('form-1m', '1', '{}')");
const ADD_BODY = statement("insert into reporting_bodies (id, name, kind, region_code) values (?, ?, 'police', ?)");
const ADD_RESPONSE = statement("insert into responses (id, questionnaire_id, status) values (?, 'form-1m', 'submitted')");
const ADD_FILING = statement("insert into report_filings (form_number, body_id, period, response_id, status, due) values (1, ?, ?, ?, ?, ?)");
const ADD_ANSWER = statement("insert into answers (response_id, cell, num, text, status) values (?, ?, ?, ?, ?)");
const ADD_PLACEMENT = statement(
  "insert into report_placements (form_number, period, area, reports, figures, due, placed_on, placed_at, days_late) values (1, ?, ?, ?, ?, ?, ?, ?, 0)",
);
const ADD_DAY = statement("insert into calendar_adjustments (\"date\", kind, note) values (?, 'off', 'Nauryz')");

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "reporting-engines-"));
  const db = openDatabase(path.join(dir, "app.db"));
  return {
    name: "SQLite",
    db,
    close: async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let server: TestPostgres | undefined;
async function postgres(): Promise<Engine> {
  server = await startTestPostgres();
  const db = (await openPostgres(server.url, { max: 2 })) as PgDb;
  return { name: "PostgreSQL", db: db as unknown as Db, close: () => db.$client.end() };
}

const engines: [string, () => Promise<Engine>][] = [["SQLite", sqlite]];
if (postgresBin()) engines.push(["PostgreSQL", postgres]);

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
type Cells = Record<string, { num?: number | null; text?: string | null; status?: "NA" | null }>;
type Filing = { body: number; period: string; status?: "submitted" | "draft" | "returned"; cells: Cells };

/** Two bodies in Astana (1, 2), one in Almaty (3). 2024: every body, every month. 2025: body 1 every
 *  month (March's total 88 100 652, with a text cell), body 2 March only (a draft in April, a returned
 *  report in May, not counted), body 3 every month (March's r8 not applicable); body 1's yearly
 *  report (not monthly, not counted). */
function filings(): Filing[] {
  const out: Filing[] = [];
  for (const period of months(2024))
    for (const [body, total] of [
      [1, 10],
      [2, 20],
      [3, 30],
    ])
      out.push({ body, period, cells: { "q1:total:period": { num: total }, "q1:r8:period": { num: 1 } } });
  for (const period of months(2025)) {
    const march = period === "2025-03";
    out.push({
      body: 1,
      period,
      cells: { "q1:total:period": { num: march ? 88_100_652 : 100 }, "q1:r8:period": { num: 2 }, ...(march ? { "q1:note": { text: "new district" } } : {}) },
    });
    out.push({ body: 3, period, cells: { "q1:total:period": { num: 7 }, "q1:r8:period": march ? { status: "NA" } : { num: 1 } } });
  }
  out.push({ body: 2, period: "2025-03", cells: { "q1:total:period": { num: 5 } } });
  out.push({ body: 2, period: "2025-04", status: "draft", cells: { "q1:total:period": { num: 999 } } });
  out.push({ body: 2, period: "2025-05", status: "returned", cells: { "q1:total:period": { num: 555 } } });
  out.push({ body: 1, period: "2025", cells: { "q1:total:period": { num: 1_000_000 } } });
  return out;
}

describe.each(engines)("reporting SQL on %s", (_name, start) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_REGION, "AST", "Astana city");
      await run(tx, ADD_REGION, "ALA", "Almaty city");
      await run(tx, ADD_FORM);
      await run(tx, ADD_BODY, 1, "Police Department of Astana", "AST");
      await run(tx, ADD_BODY, 2, "Transport Police of Astana", "AST");
      await run(tx, ADD_BODY, 3, "Police Department of Almaty", "ALA");
      let response = 0;
      for (const f of filings()) {
        await run(tx, ADD_RESPONSE, ++response);
        await run(tx, ADD_FILING, f.body, f.period, response, f.status ?? "submitted", `${f.period.slice(0, 4)}-12-31`);
        for (const [cell, a] of Object.entries(f.cells)) await run(tx, ADD_ANSWER, response, cell, a.num ?? null, a.text ?? null, a.status ?? null);
      }
      // The Committee placed every month of both years, as the placement service and the seed do.
      for (const period of [...months(2024), ...months(2025)])
        for (const a of consolidate(await all<ConsolidationRow>(tx, CONSOLIDATE_PERIOD, 1, period)))
          await run(tx, ADD_PLACEMENT, period, a.area, a.reports, JSON.stringify(a.figures), `${period}-28`, `${period}-28`, `${period}-28T10:00:00.000Z`);
      await run(tx, ADD_DAY, "2025-03-23");
    });
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  it("consolidates a period's accepted monthly reports by region and cell, with each region's count of reports", async () => {
    expect(await all<ConsolidationRow>(engine.db, CONSOLIDATE_PERIOD, 1, "2025-03")).toEqual([
      { region: "ALA", cell: "q1:total:period", total: 7, reports: 1 },
      { region: "AST", cell: "q1:r8:period", total: 2, reports: 2 },
      { region: "AST", cell: "q1:total:period", total: 88_100_657, reports: 2 },
    ]);
    expect(await all<ConsolidationRow>(engine.db, CONSOLIDATE_PERIOD, 1, "2025-04")).toEqual([
      { region: "ALA", cell: "q1:r8:period", total: 1, reports: 1 },
      { region: "ALA", cell: "q1:total:period", total: 7, reports: 1 },
      { region: "AST", cell: "q1:r8:period", total: 2, reports: 1 },
      { region: "AST", cell: "q1:total:period", total: 100, reports: 1 },
    ]);
    expect(await all(engine.db, CONSOLIDATE_PERIOD, 1, "2023-01")).toEqual([]);
  });

  it("gives the yearly open figures of the placed reports, provisional where reports are missing", async () => {
    expect(await registeredCrimes(engine.db)).toEqual([
      { region: "ALA", regionName: "Almaty city", period: "2024", registered: 360, provisional: false, reports: 12, expectedReports: 12 },
      { region: "AST", regionName: "Astana city", period: "2024", registered: 360, provisional: false, reports: 24, expectedReports: 24 },
      { region: "ALA", regionName: "Almaty city", period: "2025", registered: 84, provisional: false, reports: 12, expectedReports: 12 },
      { region: "AST", regionName: "Astana city", period: "2025", registered: 88_101_757, provisional: true, reports: 13, expectedReports: 24 },
    ]);
  });

  it("gives the monthly open figures of a year, in period and region order", async () => {
    const rows = await registeredCrimes(engine.db, { year: 2025 });
    expect(rows.map((r) => `${r.period} ${r.region}`)).toEqual(months(2025).flatMap((m) => [`${m} ALA`, `${m} AST`]));
    expect(rows.find((r) => r.period === "2025-03" && r.region === "AST")).toEqual({
      region: "AST",
      regionName: "Astana city",
      period: "2025-03",
      registered: 88_100_657,
      provisional: false,
      reports: 2,
      expectedReports: 2,
    });
    expect(rows.find((r) => r.period === "2025-04" && r.region === "AST")).toMatchObject({
      registered: 100,
      provisional: true,
      reports: 1,
      expectedReports: 2,
    });
    expect(await registeredCrimes(engine.db, { year: 2023 })).toEqual([]);
  });

  it("keeps complete years only in the national series, and tells when the last report was placed", async () => {
    expect(await nationalSeries(engine.db)).toEqual([{ year: "2024", registered: 720 }]);
    expect(await lastUpdated(engine.db)).toBe("2025-12-28T10:00:00.000Z");
  });

  it("counts registered offences by line and region over a year's accepted monthly reports", async () => {
    const r2025 = await registeredByLine(engine.db, 2025);
    expect(r2025.byRegion).toEqual(
      new Map([
        [
          "AST",
          new Map([
            ["total", 88_101_757],
            ["r8", 24],
          ]),
        ],
        [
          "ALA",
          new Map([
            ["total", 84],
            ["r8", 11],
          ]),
        ],
      ]),
    );
    expect(r2025.months).toEqual(
      new Map([
        ["AST", 13],
        ["ALA", 12],
      ]),
    );
    expect(r2025.complete).toBe(true);
    expect(registeredCount(r2025, null, ["total"])).toBe(88_101_841);
    expect(registeredCount(r2025, "AST", ["total", "r8"])).toBe(88_101_781);
    const rows = await all<{ region: string; line: string; registered: number; months: number }>(engine.db, REGISTERED_BY_LINE, "2025");
    expect(rows.find((r) => r.region === "AST" && r.line === "total")).toEqual({ region: "AST", line: "total", registered: 88_101_757, months: 13 });
    const r2023 = await registeredByLine(engine.db, 2023);
    expect([r2023.byRegion.size, r2023.months.size, r2023.complete]).toEqual([0, 0, false]);
  });

  it("removes a declared calendar day and counts what it removed", async () => {
    expect(await inTransaction(engine.db, (tx) => run(tx, DELETE_CALENDAR_DAY, "2025-03-23"))).toBe(1);
    expect(await inTransaction(engine.db, (tx) => run(tx, DELETE_CALENDAR_DAY, "2025-03-23"))).toBe(0);
  });
});
