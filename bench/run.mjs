// `npm run bench`: every part of the benchmark in turn, each in its own process (each also runs
// alone: npm run bench:form | bench:save | bench:results | bench:exports | bench:backup | bench:offline |
// bench:engines), then BENCHMARKS.md from
// their results (bench/report.mjs). `--quick`: a smoke version of every part in well under a minute
// each (fewer runs, shorter loads, no 1 000 000-interview database), results in
// bench/results/*.quick.json, BENCHMARKS.md left alone. Benchmarks are not tests: nothing asserts.
// Usage: npm run bench [-- --quick] [-- --only=form,save] [-- --build]
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { benchDir, ensureBuild, log, quick, arg, resultsDir } from "./lib/common.mjs";

const ALL = "form,save,results,exports,backup,offline,engines";
const parts = arg("only", ALL).split(",");
const passThrough = process.argv.slice(2).filter((a) => a === "--quick" || a === "--build");
const t0 = Date.now();
await ensureBuild(); // once, before any part: parts only check it
const failed = [];
const seconds = {};
for (const part of parts) {
  const started = Date.now();
  log(`— part ${part}${quick ? " (quick)" : ""} —`);
  const r = spawnSync(process.execPath, [path.join(benchDir, `${part}.mjs`), ...passThrough.filter((a) => a !== "--build")], { stdio: "inherit" });
  log(`— part ${part}: ${r.status === 0 ? "done" : `FAILED (exit ${r.status})`} in ${Math.round((Date.now() - started) / 1000)} s —`);
  seconds[part] = Math.round((Date.now() - started) / 1000);
  if (r.status !== 0) failed.push(part);
}
if (!quick && parts.length === ALL.split(",").length)
  writeFileSync(
    path.join(resultsDir, "run.json"),
    JSON.stringify({ at: new Date().toISOString(), seconds, total: Math.round((Date.now() - t0) / 1000), failed }, null, 2),
  );
spawnSync(process.execPath, [path.join(benchDir, "report.mjs"), ...(quick ? ["--quick"] : [])], { stdio: "inherit" });
log(`all parts in ${Math.round((Date.now() - t0) / 1000)} s${failed.length ? `; failed: ${failed.join(", ")}` : ""}`);
process.exit(failed.length ? 1 : 0);
