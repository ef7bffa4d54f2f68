// Builds the 1 000 000-interview database: a copy of the template database (users, waves 2024-2026)
// plus wave 2030 (published) with a sample of 1 000 000 households (modules/survey/sample.ts) and one
// synthetic interview each (seed/survey/synthetic.ts, 2025 targets), stored exactly as the app stores
// them: a response per household and its cells in `answers` (modules/survey/records.ts interviewToAnswers),
// and the wave's tallies (modules/survey/server/tallies.ts rebuildTallies), as the app keeps them.
// Usage: tsx bench/lib/make-million.ts TEMPLATE.db OUT.db [interviews=1000000] [wave=2030]
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/open";
import { copyFileSync, rmSync } from "node:fs";
import { generateSample } from "@/modules/survey/sample";
import { syntheticInterviews, TARGETS_2025 } from "@/seed/survey/synthetic";
import { interviewToAnswers } from "@/modules/survey/records";
import { rebuildTallies } from "@/modules/survey/server/tallies";

const [template, out] = process.argv.slice(2);
const size = Number(process.argv[4] ?? 1_000_000);
const year = Number(process.argv[5] ?? 2030);
if (!template || !out) throw new Error("usage: make-million.ts TEMPLATE.db OUT.db [interviews] [wave]");
for (const suffix of ["", "-wal", "-shm"]) rmSync(out + suffix, { force: true });
copyFileSync(template, out);

const t0 = Date.now();
const sample = generateSample({ wave: year, size, seed: `bench-${year}` });
const interviews = syntheticInterviews(sample, { targets: TARGETS_2025, seed: `bench-${year}` });
const t1 = Date.now();
console.error(`generated ${interviews.length} interviews in ${t1 - t0} ms`);

const db = new Database(out);
db.pragma("journal_mode = OFF");
db.pragma("synchronous = OFF");
db.pragma("cache_size = -1000000");
db.pragma("foreign_keys = OFF");
db.prepare("insert into survey_waves (year, fieldwork_start, fieldwork_end, published_at) values (?, ?, ?, ?)").run(
  year,
  `${year}-10-01`,
  `${year}-11-30`,
  `${year}-12-20T09:00:00.000Z`,
);
const maxResponse = (db.prepare("select coalesce(max(id), 0) as m from responses").get() as { m: number }).m;
const response = db.prepare("insert into responses (id, questionnaire_id, status) values (?, 'udn', 'validated')");
const household = db.prepare(
  "insert into survey_households (wave, household_id, region, settlement, weight, address, status, response_id) values (?, ?, ?, ?, ?, 'synthetic', 'approved', ?)",
);
const answer = db.prepare("insert into answers (response_id, cell, num, text, status, version) values (?, ?, ?, ?, null, 1)");
const byId = new Map(sample.map((h) => [h.household_id, h]));
let cells = 0;
const chunk = 50_000;
for (let start = 0; start < interviews.length; start += chunk) {
  db.transaction(() => {
    for (let i = start; i < Math.min(interviews.length, start + chunk); i++) {
      const it = interviews[i];
      const h = byId.get(it.household_id)!;
      const responseId = maxResponse + 1 + i;
      response.run(responseId);
      household.run(year, h.household_id, h.region, h.settlement, h.weight, responseId);
      for (const [cell, a] of Object.entries(interviewToAnswers(it))) {
        answer.run(responseId, cell, a.num, a.text);
        cells++;
      }
    }
  })();
}

async function finish() {
  const t2 = Date.now();
  await rebuildTallies(drizzle(db) as Db, year); // as the app keeps them: the results route reads the wave's tallies
  const t3 = Date.now();
  db.pragma("journal_mode = WAL");
  db.close();
  console.log(JSON.stringify({ file: out, wave: year, interviews: interviews.length, cells, generateMs: t1 - t0, insertMs: t2 - t1, talliesMs: t3 - t2 }));
}

void finish();
