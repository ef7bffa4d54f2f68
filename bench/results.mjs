// Part 3 — survey results. Every household key indicator (six trust bodies + safe_day, weighted
// shares by code) by region, for the 18 005-interview wave 2025 of the demo data and for the
// 1 000 000 synthetic interviews of wave 2030 (bench/lib/make-million.ts), three ways:
//   app      GET /api/survey/waves/{year}/results against `next start` — the app's own path
//            (the wave's survey_tallies rows summed by region + estimate.keyIndicatorsFromTallies), wall time of the HTTP request
//   sql      one hand-written SQL query (bench/sql/key-indicators.sql) in the sqlite3 CLI over the
//            same database file, wall time of the CLI process
//   profile  the app's functions in one process (bench/lib/results-profile.ts): reading the tally
//            rows, keyIndicatorsFromTallies, waveResults; with --profile-million also the record-based
//            reference (approvedInterviews + keyIndicators) for the 1 000 000 interviews
// Usage: node bench/results.mjs [--quick] [--runs=3] [--port=3321] [--profile-million]
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  arg,
  benchDir,
  copyDb,
  ensureBuild,
  httpGet,
  log,
  login,
  median,
  millionDb,
  quick,
  r0,
  root,
  sampleRss,
  sleep,
  startServer,
  templateDb,
  writeResult,
} from "./lib/common.mjs";

const runs = Number(arg("runs", quick ? 1 : 3));
const port = Number(arg("port", 3321));
const query = readFileSync(path.join(benchDir, "sql", "key-indicators.sql"), "utf8");

function sqlCli(file, wave) {
  const sql = query.replaceAll(":wave", String(wave));
  const t0 = performance.now();
  const out = execFileSync("sqlite3", ["-readonly", file], { input: sql, encoding: "utf8", maxBuffer: 64 << 20 });
  return { ms: performance.now() - t0, rows: out.trim().split("\n").length, out };
}

function profile(file, wave, reps, reference = false) {
  const r = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      path.join(benchDir, "lib", "results-profile.ts"),
      String(wave),
      String(reps),
      ...(reference ? ["--reference"] : []),
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: file },
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  if (r.status !== 0) return { error: r.stderr.slice(-2000) };
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

async function appRoute(server, cookie, wave) {
  const t0 = performance.now();
  const peak = sampleRss(server.pid, 100);
  try {
    const res = await httpGet(`${server.base}/api/survey/waves/${wave}/results`, { cookie });
    const body = res.status === 200 ? JSON.parse(res.body) : null;
    return { ms: performance.now() - t0, status: res.status, body, error: res.status === 200 ? null : res.body.slice(0, 300), serverPeakMiB: peak.stop().max };
  } catch (e) {
    const max = peak.stop().max;
    await sleep(500);
    const exited = server.child.exitCode !== null || server.child.signalCode !== null;
    return {
      ms: performance.now() - t0,
      status: 0,
      error: `${e.code ?? ""} ${e.message}${exited ? `; the server process exited (code ${server.child.exitCode}, signal ${server.child.signalCode}): ${server.stderr().trim().split("\n").slice(-6).join(" | ")}` : ""}`,
      serverPeakMiB: max,
      exited,
    };
  }
}

/** The app's and the SQL's shares must agree: compare every region × indicator × code. */
function compare(body, sqlOut) {
  let same = 0,
    differ = 0;
  const sample = [];
  for (const line of sqlOut.trim().split("\n")) {
    const [region, variable, code, share] = line.split("|");
    const app = region === "ALL" ? body.overall?.[variable]?.[code] : body.byRegion?.[region]?.[variable]?.[code];
    if (app !== undefined && Math.abs(app - Number(share)) < 0.1001)
      same++; // one rounding step: 65.25 is 65.3 in the app, 65.2 in SQLite's round()
    else {
      differ++;
      if (sample.length < 3) sample.push({ region, variable, code, sql: Number(share), app });
    }
  }
  return { same, differ, sample };
}

async function measure(label, file, wave, n) {
  const server = await startServer({ db: file, port });
  const out = { label, wave, app: [], sql: [], status: null, interviews: null, agreement: null, profile: null };
  try {
    const cookie = await login(server.base, "admin@example.org");
    // warm-up: the page cache for both, the JIT for the server
    // warm-up of the page cache (skipped for the 2.2 GB database, kept warm by its own build and use)
    const warm = n.warmSql === false ? null : sqlCli(file, wave);
    out.sqlRows = warm?.rows;
    if (n.warmApp) await appRoute(server, cookie, wave);
    for (let r = 0; r < n.runs; r++) {
      // interleaved
      const a = out.error || r >= (n.appRuns ?? n.runs) ? null : await appRoute(server, cookie, wave);
      if (a) {
        out.status = a.status;
        out.serverPeakMiB = r0(Math.max(out.serverPeakMiB ?? 0, a.serverPeakMiB));
        if (a.status === 200) {
          out.interviews = a.body.interviews;
          out.app.push(a.ms);
          out.firstSql = warm ?? sqlCli(file, wave);
          out.agreement ??= compare(a.body, out.firstSql.out);
        } else {
          out.error = a.error ?? `HTTP ${a.status}`;
          out.failedAfterMs = r0(a.ms);
        }
      }
      out.sql.push(out.firstSql && !warm && r === 0 ? out.firstSql.ms : sqlCli(file, wave).ms);
      log(
        `${label}: app ${a ? `${r0(a.ms)} ms (HTTP ${a.status}${a.error ? `: ${a.error}` : ""}, server peak RSS ${r0(a.serverPeakMiB)} MiB)` : out.error ? "skipped (failed before)" : "not repeated"}, sql ${r0(out.sql.at(-1))} ms`,
      );
    }
  } finally {
    await server.stop();
  }
  if (n.profileReps) {
    out.profile = profile(file, wave, n.profileReps, n.reference);
    log(`${label}: profile ${JSON.stringify(out.profile)}`);
  }
  delete out.firstSql;
  out.appMs = out.app.length ? r0(median(out.app)) : null;
  out.sqlMs = r0(median(out.sql));
  out.ratio = out.appMs ? Math.round((out.appMs / out.sqlMs) * 100) / 100 : null;
  out.app = out.app.map(r0);
  out.sql = out.sql.map(r0);
  return out;
}

async function main() {
  try {
    execFileSync("sqlite3", ["--version"]);
  } catch {
    throw new Error("the sqlite3 CLI is needed: apt-get install -y sqlite3");
  }
  const build = await ensureBuild();
  const tpl = copyDb(templateDb());
  const results = [];
  try {
    results.push(
      await measure("wave 2025 (18 005 interviews)", tpl.file, 2025, {
        runs: quick ? 1 : Math.max(runs, 5),
        warmApp: true,
        profileReps: quick ? 1 : 3,
        reference: true,
      }),
    );
  } finally {
    tpl.remove();
  }
  if (!quick) {
    const million = millionDb();
    // the app reads the wave's tallies: as many runs as for the small wave (the SQL over the answers
    // takes ~25 s a run); the record-based reference in the profile takes ~3 min and 3.6 GB: only with --profile-million
    results.push(
      await measure("wave 2030 (1 000 000 interviews)", million, 2030, {
        runs: quick ? 1 : runs,
        warmApp: true,
        warmSql: false,
        profileReps: quick ? 1 : 3,
        reference: process.argv.includes("--profile-million"),
      }),
    );
  }
  writeResult("results", { build, runs, results });
}

await main();
