// Part 5 — backups under load. `npm run backup` (scripts/backup.ts: VACUUM INTO, checked, fsynced,
// renamed) on a throw-away copy of a database served by `next start`, while N clients (50) keep
// autosaving through the server: closed loop, one cell per request, each client on an unanswered
// reply of its own as far as they go (the template has 48 for 50 clients), every request a write. Measured: the command's wall time (tsx's start included) and the copy's
// own time as the script reports it, the saves per second before and during the backup, and errors.
// For comparison, once per database: SQLite's online backup API as the app used it before
// (better-sqlite3's db.backup(), 100 pages per step, the event loop between steps) under the same
// load, given --cap seconds (default 60), counting how often it went back to its first page; and
// `npm run backup` without load. Databases: the demo database (`npm start`'s, DEMO_DATA=1) and the
// benchmark template (demo data + 49 filled replies + 40 000 households, bench/lib/make-db.ts).
// Usage: node bench/backup.mjs [--quick] [--runs=3] [--clients=50] [--cap=60] [--dbs=demo,template] [--port=3316]
import http from "node:http";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { arg, copyDb, demoDb, ensureBuild, log, login, median, quick, r1, root, sleep, startServer, templateDb, writeResult } from "./lib/common.mjs";

const runs = Number(arg("runs", quick ? 1 : 3));
const clients = Number(arg("clients", quick ? 10 : 50));
const cap = Number(arg("cap", quick ? 15 : 60));
const port = Number(arg("port", 3316));
const DBS = arg("dbs", quick ? "demo" : "demo,template").split(",");

const fixture = JSON.parse(readFileSync(path.join(root, "seed/cepej/kz-2020-2022.json"), "utf8")).answers;
const intCells = Object.entries(fixture)
  .filter(([, a]) => Number.isInteger(a.num) && a.num >= 1)
  .map(([c]) => c);
/** Kazakhstan's value, or one less (still valid): alternating, so that every save writes. */
const valueOf = (cell, alt) => (alt ? { ...fixture[cell], num: fixture[cell].num - 1 } : fixture[cell]);

function requester(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const { hostname, port } = new URL(base);
  return (method, p, { cookie, body }) =>
    new Promise((resolve) => {
      const data = Buffer.from(JSON.stringify(body));
      const req = http.request(
        { agent, hostname, port, method, path: p, headers: { cookie, "content-type": "application/json", "content-length": data.length } },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
        },
      );
      req.on("error", (e) => resolve({ status: 0, text: String(e) }));
      req.end(data);
    });
}

/** N closed-loop autosaving clients; saves are counted with their completion time. */
function autosaveLoad(base, cookie, replies, n) {
  const req = requester(base);
  const done = []; // completion times (ms, performance.now())
  let errors = 0;
  let firstError = null;
  let running = true;
  const loops = Array.from({ length: n }, async (_, c) => {
    const reply = replies[c % replies.length];
    const url = `/api/cycles/${reply.cycle}/replies/${reply.country}/answers`;
    const versions = new Map();
    for (let k = c * 7; running; k++) {
      const cell = intCells[k % intCells.length];
      const v = versions.get(cell) ?? 0;
      const r = await req("PUT", url, { cookie, body: { changes: [{ cell, value: valueOf(cell, v % 2 === 1), baseVersion: v }] } });
      if (r.status === 200) {
        for (const s of JSON.parse(r.text).saved) versions.set(s.cell, s.version);
        done.push(performance.now());
      } else {
        errors++;
        firstError ??= `${r.status} ${r.text.slice(0, 200)}`;
        if (r.status === 409) for (const s of JSON.parse(r.text).conflicts ?? []) versions.set(s.cell, s.version); // a reply shared by two clients
      }
    }
  });
  const between = (t0, t1) => done.filter((t) => t >= t0 && t < t1).length;
  return {
    rate: (t0, t1) => between(t0, t1) / ((t1 - t0) / 1000),
    saves: between,
    errors: () => ({ errors, firstError }),
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** `npm run backup` as cron runs it: wall time, and what the script says. */
function runBackup(dbFile) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "backup.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: dbFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      const m = out.match(/Backup written: (\S+) \(([\d.]+) MiB in ([\d.]+) s\)/);
      resolve({ t0, t1: performance.now(), ok: code === 0 && !!m, file: m?.[1], MiB: Number(m?.[2]), copySeconds: Number(m?.[3]), output: out.trim() });
    });
  });
}

/** The online backup API as db/backup.ts used it before VACUUM INTO, in its own process, for `cap` seconds at most. */
function runOldBackup(dbFile, target) {
  const script = `
    const Database = require("better-sqlite3");
    const source = new Database(process.argv[1], { fileMustExist: true });
    source.pragma("busy_timeout = 5000");
    let restarts = 0, last = Infinity, total = 0;
    const t0 = performance.now();
    const report = (finished) => { console.log(JSON.stringify({ finished, seconds: (performance.now() - t0) / 1000, restarts, totalPages: total })); process.exit(0); };
    setTimeout(() => report(false), ${cap * 1000});
    source.backup(process.argv[2], { progress: ({ totalPages, remainingPages }) => {
      total = totalPages;
      if (last < totalPages - 200 && remainingPages >= totalPages - 200) restarts++; // back to its first page
      last = remainingPages;
    } }).then(() => report(true), (e) => { console.log(JSON.stringify({ error: e.message })); process.exit(1); });`;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["-e", script, dbFile, target], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", () => resolve({ t0, t1: performance.now(), ...JSON.parse(out || '{"error":"no output"}') }));
  });
}

async function measure(label, source) {
  const db = copyDb(source);
  const MiB = r1(readFileSync(db.file).length / 2 ** 20);
  const meta = new Database(db.file, { readonly: true });
  // replies nobody has answered yet, not locked: each client saves into its own
  const replies = meta
    .prepare(
      `select cycle_slug as cycle, country_code as country from responses r where cycle_slug is not null and status in ('not_started', 'in_progress')
       and not exists (select 1 from answers a where a.response_id = r.id) order by cycle_slug desc, country_code`,
    )
    .all();
  meta.close();
  if (replies.length < clients) log(`only ${replies.length} replies for ${clients} clients: some share a reply`);
  const server = await startServer({ db: db.file, port });
  const out = { label, MiB, clients, runs: [] };
  try {
    const cookie = await login(server.base, "admin@example.org");
    const load = autosaveLoad(server.base, cookie, replies, clients);
    await sleep(3000); // warm-up
    for (let r = 0; r < runs; r++) {
      const before = performance.now();
      await sleep(3000);
      const b = await runBackup(db.file);
      const run = {
        ok: b.ok,
        seconds: r1((b.t1 - b.t0) / 1000),
        copySeconds: b.copySeconds,
        backupMiB: b.MiB,
        savesPerSecondBefore: r1(load.rate(before, b.t0)),
        savesPerSecondDuring: r1(load.rate(b.t0, b.t1)),
        savesDuring: load.saves(b.t0, b.t1),
      };
      if (!b.ok) run.output = b.output;
      out.runs.push(run);
      log(`${label} run ${r + 1}: ${JSON.stringify(run)}`);
    }
    const old = await runOldBackup(db.file, path.join(db.dir, "old-api.db"));
    out.onlineBackupApi = { ...old, savesDuring: load.saves(old.t0, old.t1), seconds: r1(old.seconds ?? (old.t1 - old.t0) / 1000) };
    delete out.onlineBackupApi.t0;
    delete out.onlineBackupApi.t1;
    log(`${label} online backup API: ${JSON.stringify(out.onlineBackupApi)}`);
    await load.stop();
    Object.assign(out, load.errors());
    await sleep(1000);
    const idle = await runBackup(db.file);
    out.withoutLoad = { ok: idle.ok, seconds: r1((idle.t1 - idle.t0) / 1000), copySeconds: idle.copySeconds };
    log(`${label} without load: ${JSON.stringify(out.withoutLoad)}`);
  } finally {
    await server.stop();
    db.remove();
  }
  out.seconds = median(out.runs.map((r) => r.seconds));
  out.copySeconds = median(out.runs.map((r) => r.copySeconds));
  out.savesPerSecondBefore = median(out.runs.map((r) => r.savesPerSecondBefore));
  out.savesPerSecondDuring = median(out.runs.map((r) => r.savesPerSecondDuring));
  return out;
}

const build = await ensureBuild();
const sources = { demo: ["demo database (npm start, DEMO_DATA=1)", demoDb], template: ["benchmark template (bench/lib/make-db.ts)", templateDb] };
const results = [];
for (const name of DBS) results.push(await measure(sources[name][0], sources[name][1]()));
writeResult("backup", { build, runs, clients, cap, backups: results });
