// Builds the benchmarks' template database (never data/app.db): the app's own migrations, reference
// and demo data (bootstrapDatabase: waves 2024/2025 of 18 005 approved interviews each), plus
//  - every reply of the 2022-2024 cycle (49 countries) filled with Kazakhstan's 2020 reply, figures
//    scaled per country (synthetic), so that a whole-cycle export has 49 replies; Kazakhstan's own
//    2022-2024 reply holds its figures unchanged and is in progress (editable by its correspondent);
//  - HOUSEHOLDS households of wave 2026 assigned to the demo interviewer, for interview submissions.
// Usage: tsx bench/lib/make-db.ts OUT.db [households=30000]
import { openDatabase } from "@/db/open";
import { bootstrapDatabase } from "@/seed/bootstrap";
import kz from "@/seed/cepej/kz-2020-2022.json";
import { rmSync } from "node:fs";

async function main() {
  const out = process.argv[2];
  const households = Number(process.argv[3] ?? 30000);
  if (!out) throw new Error("usage: make-db.ts OUT.db [households]");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(out + suffix, { force: true });

  const t0 = Date.now();
  const db = openDatabase(out);
  await bootstrapDatabase(db, { demo: true, admin: null });
  const sqlite = db.$client;
  sqlite.pragma("synchronous = OFF");

  const answers = Object.entries((kz as { answers: Record<string, { num: number | null; text: string | null; status: "NA" | "NAP" | null }> }).answers);
  const replies = sqlite.prepare("select id, country_code as country from responses where cycle_slug = '2022-2024' order by country_code").all() as {
    id: number;
    country: string;
  }[];
  const del = sqlite.prepare("delete from answers where response_id = ?");
  const ins = sqlite.prepare("insert into answers (response_id, cell, num, text, status, version, updated_by) values (?, ?, ?, ?, ?, 1, 1)");
  const state = sqlite.prepare("update responses set status = 'in_progress' where id = ?");
  sqlite.transaction(() => {
    replies.forEach(({ id, country }, i) => {
      del.run(id);
      state.run(id);
      // a deterministic factor per country (0.5 … 2.0); Kazakhstan keeps its own figures
      const f = country === "KZ" ? 1 : 0.5 + ((i * 37) % 31) / 20;
      for (const [cell, a] of answers) {
        let num = a.num;
        if (num !== null && country !== "KZ") num = Number.isInteger(num) ? Math.round(num * f) : Math.round(num * f * 100) / 100;
        ins.run(id, cell, num, a.text, a.status);
      }
    });
  })();

  const interviewer = (sqlite.prepare("select id from users where email = 'interviewer@example.org'").get() as { id: number }).id;
  const hh = sqlite.prepare(
    "insert into survey_households (wave, household_id, region, settlement, weight, address, interviewer_id, status) values (2026, ?, 'AST', '1', 100, 'Astana, bench', ?, 'assigned')",
  );
  sqlite.transaction(() => {
    for (let i = 1; i <= households; i++) hh.run(`2026-BENCH-${String(i).padStart(6, "0")}`, interviewer);
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  console.log(JSON.stringify({ file: out, replies: replies.length, cellsPerReply: answers.length, households, ms: Date.now() - t0 }));
}

void main();
