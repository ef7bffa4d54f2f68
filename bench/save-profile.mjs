// Profile of the server while it takes household interviews (part 2's `interview` scenario) or
// autosaves: `next start` under node --cpu-prof, N clients for a few seconds, then the server stops
// and its CPU profile is summarised — self time by function, and time by where the code lives
// (next's own runtime, the app's compiled chunks, better-sqlite3, node internals, GC, idle).
// Usage: node bench/save-profile.mjs [interview|interview1|autosave] [N=10] [seconds=8]
import http from "node:http";
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyDb, ensureBuild, login, sleep, startServer, templateDb, writeResult } from "./lib/common.mjs";

const scenario = process.argv[2] ?? "interview";
const n = Number(process.argv[3] ?? 10);
const seconds = Number(process.argv[4] ?? 8);
const port = 3361;

function request(base, method, p, cookie, body) {
  const data = body ? Buffer.from(JSON.stringify(body)) : null;
  const u = new URL(base);
  return new Promise((resolve) => {
    const req = http.request(
      {
        hostname: u.hostname,
        port: u.port,
        method,
        path: p,
        agent: keepAlive,
        headers: { cookie, ...(data ? { "content-type": "application/json", "content-length": data.length } : {}) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      },
    );
    req.on("error", () => resolve(0));
    if (data) req.write(data);
    req.end();
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

async function main() {
  await ensureBuild();
  const db = copyDb(templateDb());
  const meta = new Database(db.file, { readonly: true });
  const households = meta
    .prepare("select id from survey_households where household_id like '2026-BENCH-%' order by id")
    .all()
    .map((r) => r.id);
  const date = meta.prepare("select fieldwork_start as d from survey_waves where year = 2026").get().d;
  const reply = meta
    .prepare("select country_code as c from responses where cycle_slug = '2022-2024' order by country_code")
    .all()
    .map((r) => r.c);
  meta.close();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-prof-"));
  const server = await startServer({ db: db.file, port, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=500"] });
  const v = (text) => ({ num: null, text, status: null });
  const changes = Object.entries({
    result: v("1"),
    interview_date: v(date),
    sex: v("2"),
    age: { num: 37, text: null, status: null },
    education: v("4"),
    employment: v("1"),
    safe_day: v("2"),
    safe_night: v("3"),
    unsafe_reasons: v('["1","4"]'),
    crime_trend: v("2"),
    trust_prosecutor: v("1"),
    trust_police: v("2"),
    trust_anticorruption: v("3"),
    trust_econ_investigation: v("2"),
    trust_courts: v("1"),
    trust_fire: v("1"),
    distrust_reasons: v('["1","4"]'),
    victim_theft: v("1"),
    reported_theft: v("2"),
    victim_fraud: v("2"),
    victim_robbery: v("2"),
    victim_assault: v("2"),
    victim_vehicle: v("2"),
    victim_burglary: v("2"),
    victim_road: v("2"),
    not_reported_reason: v('["1"]'),
  }).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
  let done = 0;
  try {
    const cookie = await login(server.base, scenario.startsWith("interview") ? "interviewer@example.org" : "admin@example.org");
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: n }, async (_, c) => {
        let k = 0;
        while (Date.now() < end) {
          if (scenario === "interview") {
            const id = households.shift();
            await request(server.base, "PUT", `/api/survey/interviews/${id}/answers`, cookie, { changes });
            await request(server.base, "POST", `/api/survey/interviews/${id}/transitions`, cookie, { action: "complete" });
          } else if (scenario === "interview1") {
            await request(server.base, "POST", `/api/survey/interviews/${households.shift()}/transitions`, cookie, { action: "complete", changes });
          } else {
            // one cell, its version unknown here: 409 conflicts are fine for a profile of the path
            await request(server.base, "PUT", `/api/cycles/2022-2024/replies/${reply[c % reply.length]}/answers`, cookie, {
              changes: [{ cell: "001", value: { num: 1000 + k++, text: null, status: null }, baseVersion: 0 }],
            });
          }
          done++;
        }
      }),
    );
  } finally {
    await server.stop();
    await sleep(1000);
    db.remove();
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const biggest = files.map((f) => ({ f, size: readFileSync(path.join(dir, f)).length })).sort((a, b) => b.size - a.size)[0];
  if (!biggest) throw new Error("no CPU profile written");
  const profile = JSON.parse(readFileSync(path.join(dir, biggest.f), "utf8"));
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const where = (url) => {
    if (!url) return "(native / V8)";
    if (url.includes("better-sqlite3")) return "better-sqlite3 (JS side)";
    if (url.includes("/.next/server/")) return "app code (.next/server chunks)";
    if (url.includes("node_modules/next/")) return "next runtime";
    if (url.includes("node_modules/")) return `node_modules/${url.split("node_modules/").pop().split("/")[0]}`;
    if (url.startsWith("node:")) return "node internals";
    return "other";
  };
  const self = new Map(),
    area = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    const cf = node.callFrame;
    const name = cf.functionName || "(anonymous)";
    const key = /^\((idle|program|garbage collector)\)$/.test(name) ? name : `${name} ${cf.url ? path.basename(cf.url) : ""}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = /^\((idle|program|garbage collector)\)$/.test(name) ? name : where(cf.url);
    area.set(a, (area.get(a) ?? 0) + dt);
  });
  const per = (ms) => Math.round((ms / done) * 100) / 100;
  const result = {
    scenario,
    n,
    seconds,
    operations: done,
    perSecond: Math.round((done / seconds) * 10) / 10,
    msPerOperation: Object.fromEntries([...area].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, per(ms)])),
    topSelf: [...self]
      .filter(([k]) => !/^\(idle\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([fn, ms]) => ({ fn, msPerOperation: per(ms) })),
  };
  console.log(JSON.stringify(result, null, 1));
  writeResult(`save-profile.${scenario}`, result);
}

await main();
