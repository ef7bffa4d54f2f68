// Part 6 — offline devices reconnecting. DEVICES interviewers (50) each come back online at the same
// moment with PER completed interviews (20) queued on their device, and each does what the device's
// sync does (modules/survey/device/sync.ts): POST /api/survey/interviews/submit with its queue items
// (client id per item, batches of 50), then GET /api/survey/device. Then the network "cuts" after the
// server applied the queue: every device sends the same items again (same client ids), as a device
// that never heard back does. Measured: the time until every interview is on the server, and on the
// database afterwards: interviews lost (not completed), interviews completed more than once (events),
// queue items recorded. Against `next start` on a throw-away copy of the demo database, with the
// interviewers and their households added to it.
// Usage: node bench/offline.mjs [--quick] [--devices=50] [--per=20] [--runs=3]
import http from "node:http";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { loadavg } from "node:os";
import { arg, copyDb, demoDb, ensureBuild, log, median, quick, r1, startServer, login, writeResult } from "./lib/common.mjs";

const DEVICES = Number(arg("devices", quick ? 10 : 50));
const PER = Number(arg("per", 20));
const runs = Number(arg("runs", quick ? 1 : 3));
const port = Number(arg("port", 3331));
/** Items per request, as the device sends them (sync.ts BATCH). */
const BATCH = 50;

function post(base, p, cookie, body) {
  const { hostname, port } = new URL(base);
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(
      {
        hostname,
        port,
        method: data ? "POST" : "GET",
        path: p,
        headers: { cookie, ...(data ? { "content-type": "application/json", "content-length": data.length } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - t0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on("error", (e) => resolve({ status: 0, ms: performance.now() - t0, text: String(e) }));
    if (data) req.write(data);
    req.end();
  });
}

function answers(date) {
  const v = (text) => ({ num: null, text, status: null });
  const a = {
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
  };
  return Object.entries(a).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
}

/** DEVICES interviewers (the demo interviewer's password, supervisor and regions), PER assigned households each. */
function prepare(file, run) {
  const sqlite = new Database(file);
  const model = sqlite.prepare("select * from users where email = 'interviewer@example.org'").get();
  const scopes = sqlite.prepare("select kind, code from user_scopes where user_id = ?").all(model.id);
  const date = sqlite.prepare("select fieldwork_start as d from survey_waves where year = 2026").get().d;
  const devices = [];
  sqlite.transaction(() => {
    for (let d = 0; d < DEVICES; d++) {
      const email = `device${run}-${String(d).padStart(3, "0")}@example.org`;
      const { lastInsertRowid: userId } = sqlite
        .prepare("insert into users (email, name, password_hash, role, supervisor_id, locale) values (?, ?, ?, 'interviewer', ?, 'en')")
        .run(email, `Device ${d}`, model.password_hash, model.supervisor_id);
      for (const s of scopes) sqlite.prepare("insert into user_scopes (user_id, kind, code) values (?, ?, ?)").run(userId, s.kind, s.code);
      const ids = [];
      for (let i = 0; i < PER; i++) {
        const { lastInsertRowid } = sqlite
          .prepare(
            "insert into survey_households (wave, household_id, region, settlement, weight, address, interviewer_id, status) values (2026, ?, 'AST', '1', 100, 'Astana, offline bench', ?, 'assigned')",
          )
          .run(`2026-OFFLINE-${run}-${String(d).padStart(3, "0")}-${String(i).padStart(3, "0")}`, userId);
        ids.push(Number(lastInsertRowid));
      }
      devices.push({ email, ids });
    }
  })();
  sqlite.close();
  return { devices, date };
}

async function once(run) {
  const db = copyDb(demoDb());
  const { devices, date } = prepare(db.file, run);
  const server = await startServer({ db: db.file, port });
  try {
    // Signing in is not part of the reconnection (each device holds its session): one after another,
    // so that the slow password hashes do not queue behind each other.
    for (const d of devices) d.cookie = await login(server.base, d.email);
    const changes = answers(date);
    for (const d of devices) d.items = d.ids.map((id) => ({ clientId: randomUUID(), id, complete: true, changes }));
    const load0 = loadavg()[0];
    const t0 = performance.now();
    let lastApplied = 0;
    const errors = [];
    const sync = async (d, round) => {
      const outcomes = [];
      for (let s = 0; s < d.items.length; s += BATCH) {
        const r = await post(server.base, "/api/survey/interviews/submit", d.cookie, { interviews: d.items.slice(s, s + BATCH) });
        if (r.status !== 200) {
          errors.push(`${round} ${r.status} ${r.text.slice(0, 200)}`);
          continue;
        }
        outcomes.push(...JSON.parse(r.text).results);
      }
      if (round === "first") lastApplied = Math.max(lastApplied, performance.now() - t0);
      const bundle = await post(server.base, "/api/survey/device", d.cookie);
      if (bundle.status !== 200) errors.push(`download ${bundle.status}`);
      return outcomes;
    };
    const first = (await Promise.all(devices.map((d) => sync(d, "first")))).flat();
    const firstSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const retried = (await Promise.all(devices.map((d) => sync(d, "retry")))).flat();
    const retrySeconds = (performance.now() - t1) / 1000;

    const sqlite = new Database(db.file, { readonly: true });
    const ids = devices.flatMap((d) => d.ids);
    const inList = `(${ids.join(",")})`;
    const completed = sqlite.prepare(`select count(*) as n from survey_households where id in ${inList} and status = 'completed'`).get().n;
    const events = sqlite
      .prepare(`select household_row_id as id, count(*) as n from interview_events where household_row_id in ${inList} and to_state = 'completed' group by 1`)
      .all();
    const recorded = sqlite.prepare(`select count(*) as n from applied_queue_items where household_row_id in ${inList}`).get().n;
    sqlite.close();
    const result = {
      interviews: ids.length,
      allOnServerSeconds: r1(lastApplied / 1000),
      firstRoundSeconds: r1(firstSeconds),
      retryRoundSeconds: r1(retrySeconds),
      completedFirst: first.filter((o) => o.ok && !o.duplicate).length,
      duplicatesReported: retried.filter((o) => o.duplicate).length,
      lost: ids.length - completed,
      duplicated: events.reduce((s, e) => s + (e.n - 1), 0),
      withoutEvent: ids.length - events.length,
      recordedClientIds: recorded,
      errors: errors.length,
      firstError: errors[0] ?? null,
      loadavg1AtStart: r1(load0),
    };
    log(`run ${run}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await server.stop();
    db.remove();
  }
}

await ensureBuild();
const all = [];
for (let run = 1; run <= runs; run++) all.push(await once(run));
const pick = (k) => median(all.map((r) => r[k]));
writeResult("offline", {
  devices: DEVICES,
  perDevice: PER,
  runs,
  allOnServerSeconds: pick("allOnServerSeconds"),
  firstRoundSeconds: pick("firstRoundSeconds"),
  retryRoundSeconds: pick("retryRoundSeconds"),
  lost: Math.max(...all.map((r) => r.lost)),
  duplicated: Math.max(...all.map((r) => r.duplicated)),
  errors: all.reduce((s, r) => s + r.errors, 0),
  all,
});
