// Part 7 — engines. The autosave (one cell) and a whole interview in one request (interview1), with
// 1, 10 and 50 closed-loop clients, on SQLite (one server, the default), on PostgreSQL with one
// server and with two servers sharing it: bench/save.mjs three times in one run, on copies of the
// same database (PostgreSQL's by the app's own db/copy.ts). Results: bench/results/engines.json.
// The target (issue 18): one server on PostgreSQL at least 80 % of SQLite's throughput with a p95
// at most 1.5 × SQLite's. On this 2-core machine a second server shares the same two cores with
// the first, PostgreSQL and the load generator, so its figure is reported as it is.
// Usage: node bench/engines.mjs [--quick] [--runs=3] [--seconds=3] [--levels=1,10,50]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { arg, benchDir, ensureBuild, log, quick, r1, resultsDir, writeResult } from "./lib/common.mjs";

const ENGINES = ["sqlite", "postgres", "postgres2"];
const SCENARIOS = "autosave,interview1";
const pass = [`--only=${SCENARIOS}`, ...process.argv.slice(2).filter((a) => /^--(quick|runs=|seconds=|levels=)/.test(a))];
const build = await ensureBuild();
const byEngine = {};
for (const engine of ENGINES) {
  log(`— engines: ${engine} —`);
  const r = spawnSync(process.execPath, [path.join(benchDir, "save.mjs"), ...pass, `--engine=${engine}`, `--out=engines-${engine}`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`bench/save.mjs --engine=${engine} failed (exit ${r.status})`);
  const file = path.join(resultsDir, `engines-${engine}${quick ? ".quick" : ""}.json`);
  byEngine[engine] = JSON.parse(readFileSync(file, "utf8")).summary;
}
const ratios = {};
for (const scenario of SCENARIOS.split(","))
  for (const [n, sqlite] of Object.entries(byEngine.sqlite[scenario])) {
    const pg1 = byEngine.postgres[scenario][n];
    (ratios[scenario] ??= {})[n] = { throughput: r1((100 * pg1.perSecond) / sqlite.perSecond), p95: r1(pg1.p95 / sqlite.p95) };
  }
writeResult("engines", { build, arg: { levels: arg("levels", quick ? "1,10" : "1,10,50") }, byEngine, ratios });
for (const [scenario, byN] of Object.entries(ratios))
  for (const [n, r] of Object.entries(byN)) log(`${scenario} N=${n}: PostgreSQL (one server) ${r.throughput} % of SQLite's throughput, p95 ${r.p95} ×`);
