// Part 2 — saving. N concurrent clients (closed loop: each sends its next request when the previous
// one is answered) against `next start` on a throw-away copy of the template database:
//   bare       GET /api/report-forms/1/deadline?period=2026-03 — public, no session, one small
//              read: the cheapest route handler of this server (no bench code may be added to app/)
//   autosave   PUT /api/cycles/{cycle}/replies/{country}/answers with ONE cell (admin, each client
//              on its own reply, versions tracked, values alternating so every save writes)
//   reply      the same PUT with the WHOLE reply (Kazakhstan's 1 588 stored cells of the 380-question
//              questionnaire), alternating two value sets so every cell is rewritten
//   interview  one household interview: PUT /api/survey/interviews/{id}/answers (26 cells, as the
//              interviewer) + POST …/transitions {"action":"complete"} (all rules evaluated)
//   interview1 the same interview in one request: POST …/transitions {"action":"complete", changes}
//   queue      a tablet's queue of 10 interviews (--queue=N) in one request: POST /api/survey/interviews/submit
// and the same SQL writes done directly with better-sqlite3 in this one process (same pragmas as
// db/open.ts), sequentially.
// --engine=postgres: the same against a server on a throw-away PostgreSQL holding a copy of the same
// database (bench/lib/postgres-copy.ts); --engine=postgres2: two servers on it, the clients taking
// them in turn (a round-robin balancer without a proxy's own cost). No direct writes then.
// Usage: node bench/save.mjs [--quick] [--runs=3] [--seconds=3] [--only=bare,autosave] [--levels=1,10,50]
//        [--engine=sqlite|postgres|postgres2] [--out=save]
import http from "node:http";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import path from "node:path";
import { arg, copyDb, ensureBuild, log, median, pct, quick, r1, root, sleep, startServer, templateDb, login, writeResult } from "./lib/common.mjs";

const runs = Number(arg("runs", quick ? 1 : 3));
const seconds = Number(arg("seconds", quick ? 1.5 : 3));
const levels = arg("levels", quick ? "1,10" : "1,10,50")
  .split(",")
  .map(Number);
const port = Number(arg("port", 3311));
/** Interviews per request of the `queue` scenario (a tablet syncing what it collected). */
const QUEUE = Number(arg("queue", 10));
const SCENARIOS = arg("only", "bare,autosave,reply,interview,interview1,queue").split(",");
const ENGINE = arg("engine", "sqlite");
const OUT = arg("out", "save");

const fixture = JSON.parse(readFileSync(path.join(root, "seed/cepej/kz-2020-2022.json"), "utf8")).answers;
const cells = Object.entries(fixture);
const intCells = cells.filter(([, a]) => Number.isInteger(a.num) && a.num >= 1).map(([c]) => c);
/** Set A: Kazakhstan's values; set B: every integer ≥ 1 lowered by one (still valid). */
const valueOf = (cell, alt) => {
  const a = fixture[cell];
  return alt && Number.isInteger(a.num) && a.num >= 1 ? { ...a, num: a.num - 1 } : a;
};
const questionCount = (() => {
  const dir = path.join(root, "modules/cepej/definitions/cepej-2020-2022");
  let n = 0;
  const walk = (p) => {
    n += (p.questions ?? []).length;
    (p.parts ?? []).forEach(walk);
  };
  for (const f of ["ch01", "ch02", "ch03-a", "ch03-b", "ch04", "ch05", "ch06", "ch07", "ch08", "ch09", "ch10", "ch11", "ch12"]) {
    const j = JSON.parse(readFileSync(path.join(dir, `${f}.json`), "utf8"));
    (Array.isArray(j) ? j : [j]).forEach(walk);
  }
  return n;
})();

// ---- HTTP client -----------------------------------------------------------------------------------

function requester(base, maxSockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(base);
  return (method, p, { cookie, body } = {}) =>
    new Promise((resolve) => {
      const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path: p,
          headers: { ...(cookie ? { cookie } : {}), ...(data ? { "content-type": "application/json", "content-length": data.length } : {}) },
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

/** N closed-loop clients for `seconds`: op(client) resolves {ok, ms}. */
async function load(n, secs, op) {
  const lat = [];
  let items = 0; // interviews for the interview scenarios (a queue request carries several)
  let errors = 0;
  let firstError = null;
  const end = performance.now() + secs * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, c) => {
      while (performance.now() < end) {
        const r = await op(c);
        lat.push(r.ms);
        if (r.ok) items += r.items ?? 1;
        if (!r.ok) {
          errors++;
          firstError ??= r.error;
        }
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  return {
    n,
    ops: lat.length,
    perSecond: lat.length / wall,
    itemsPerSecond: items / wall,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    errors,
    firstError,
  };
}

// ---- scenarios against the server ---------------------------------------------------------------

/** A throw-away PostgreSQL with a copy of the SQLite database (bench/lib/postgres-copy.ts). */
async function postgresCopy(file) {
  log("copying the database into a throw-away PostgreSQL…");
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "bench", "lib", "postgres-copy.ts"), file], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`postgres-copy exited with ${code}`)));
  });
  return { url: JSON.parse(line).url, stop: () => child.stdin.end() };
}

async function main() {
  const build = await ensureBuild();
  const tpl = templateDb();
  const db = copyDb(tpl);
  const meta = new Database(db.file, { readonly: true });
  // replies an administrator may edit: every 2022-2024 reply, then 2020-2022 ones but Kazakhstan's (validated)
  const replies = meta
    .prepare(
      `select r.id, r.cycle_slug as cycle, r.country_code as country from responses r
      where r.cycle_slug is not null and r.status != 'validated' order by r.cycle_slug desc, r.country_code`,
    )
    .all();
  const households = meta
    .prepare("select id from survey_households where household_id like '2026-BENCH-%' and status = 'assigned' order by id")
    .all()
    .map((r) => r.id);
  const fieldworkStart = meta.prepare("select fieldwork_start as d from survey_waves where year = 2026").get().d;
  meta.close();

  const postgres = ENGINE === "sqlite" ? null : await postgresCopy(db.file);
  const servers = [];
  for (let i = 0; i < (ENGINE === "postgres2" ? 2 : 1); i++)
    servers.push(await startServer({ db: db.file, port: port + i, env: postgres ? { DATABASE_URL: postgres.url } : {} }));
  // Each request to the next server in turn (one server: always the same).
  const requesters = servers.map((s) => requester(s.base, 64));
  let turn = 0;
  const req = (...a) => requesters[turn++ % requesters.length](...a);
  const server = servers[0];
  const admin = await login(server.base, "admin@example.org");
  const interviewer = await login(server.base, "interviewer@example.org");

  // versions of every cell of each reply used (the autosave sends its base version)
  const versions = new Map(); // replyIndex -> Map(cell -> version)
  const alt = new Map(); // replyIndex -> value set of the next whole-reply save
  const replyState = async (i) => {
    if (versions.has(i)) return;
    const { cycle, country } = replies[i];
    const r = await req("GET", `/api/cycles/${cycle}/replies/${country}/answers`, { cookie: admin });
    const body = JSON.parse(r.text);
    versions.set(i, new Map(Object.entries(body.answers).map(([k, v]) => [k, v.version])));
    // a stored reply holds values of neither set (scaled figures) or set A: start with set B then
    alt.set(i, true);
  };
  const urlOf = (i) => `/api/cycles/${replies[i].cycle}/replies/${replies[i].country}/answers`;
  const saved = (i, text) => {
    const body = JSON.parse(text);
    for (const s of body.saved ?? []) versions.get(i).set(s.cell, s.version);
    return body;
  };

  const cursor = new Map();
  const ops = {
    bare: async () => {
      const r = await req("GET", "/api/report-forms/1/deadline?period=2026-03");
      return { ok: r.status === 200, ms: r.ms, error: r.status !== 200 && `${r.status} ${r.text.slice(0, 200)}` };
    },
    autosave: async (c) => {
      const i = c % replies.length;
      const k = (cursor.get(i) ?? c * 7) + 1;
      cursor.set(i, k);
      const cell = intCells[k % intCells.length];
      const v = versions.get(i).get(cell) ?? 0;
      const value = valueOf(cell, v % 2 === 1); // alternates with every write of the cell
      const r = await req("PUT", urlOf(i), { cookie: admin, body: { changes: [{ cell, value, baseVersion: v }] } });
      if (r.status === 200) saved(i, r.text);
      return { ok: r.status === 200, ms: r.ms, error: r.status !== 200 && `${r.status} ${r.text.slice(0, 200)}` };
    },
    reply: async (c) => {
      const i = c % replies.length;
      const b = alt.get(i);
      alt.set(i, !b);
      const vs = versions.get(i);
      const changes = cells.map(([cell]) => ({ cell, value: valueOf(cell, b), baseVersion: vs.get(cell) ?? 0 }));
      const r = await req("PUT", urlOf(i), { cookie: admin, body: { changes } });
      if (r.status === 200 || r.status === 409) saved(i, r.text);
      return { ok: r.status === 200, ms: r.ms, error: r.status !== 200 && `${r.status} ${r.text.slice(0, 300)}` };
    },
    interview: async () => {
      const id = households.shift();
      if (id === undefined) return { ok: false, ms: 0, error: "no household left" };
      const t0 = performance.now();
      const a = await req("PUT", `/api/survey/interviews/${id}/answers`, { cookie: interviewer, body: { changes: interviewChanges(fieldworkStart) } });
      if (a.status !== 200) return { ok: false, ms: performance.now() - t0, error: `answers ${a.status} ${a.text.slice(0, 300)}` };
      const b = await req("POST", `/api/survey/interviews/${id}/transitions`, { cookie: interviewer, body: { action: "complete" } });
      return { ok: b.status === 200, ms: performance.now() - t0, error: b.status !== 200 && `complete ${b.status} ${b.text.slice(0, 300)}` };
    },
    // the same interview in one request: POST …/transitions {"action":"complete", changes}
    interview1: async () => {
      const id = households.shift();
      if (id === undefined) return { ok: false, ms: 0, error: "no household left" };
      const r = await req("POST", `/api/survey/interviews/${id}/transitions`, {
        cookie: interviewer,
        body: { action: "complete", changes: interviewChanges(fieldworkStart) },
      });
      return { ok: r.status === 200, ms: r.ms, error: r.status !== 200 && `complete ${r.status} ${r.text.slice(0, 300)}` };
    },
    // a tablet's queue of QUEUE interviews in one request: POST /api/survey/interviews/submit
    queue: async () => {
      const ids = households.splice(0, QUEUE);
      if (ids.length < QUEUE) return { ok: false, ms: 0, error: "no household left" };
      const r = await req("POST", "/api/survey/interviews/submit", {
        cookie: interviewer,
        body: { interviews: ids.map((id) => ({ id, changes: interviewChanges(fieldworkStart) })) },
      });
      const completed = r.status === 200 ? JSON.parse(r.text).completed : 0;
      return { ok: completed === QUEUE, items: QUEUE, ms: r.ms, error: completed !== QUEUE && `submit ${r.status} ${r.text.slice(0, 300)}` };
    },
  };

  const maxN = Math.max(...levels, 4); // the warm-up's 4 clients too
  log(`loading versions of ${Math.min(maxN, replies.length)} replies…`);
  for (let i = 0; i < Math.min(maxN, replies.length); i++) await replyState(i);

  log("warm-up…");
  for (const name of SCENARIOS) await load(4, quick ? 0.5 : 1.5, ops[name]);

  const results = {}; // scenario -> N -> [run results]
  for (let run = 0; run < runs; run++) {
    for (const n of levels) {
      for (const name of SCENARIOS) {
        const r = await load(n, seconds, ops[name]);
        ((results[name] ??= {})[n] ??= []).push(r);
        log(
          `run ${run + 1} ${name} N=${n}: ${r1(r.perSecond)}/s p50 ${r1(r.p50)} p95 ${r1(r.p95)} p99 ${r1(r.p99)} ms, errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`,
        );
        await sleep(300);
      }
    }
  }
  // A failed request's cause is in the server's log, not in its (empty) 500 body.
  if (Object.values(results).some((byN) => Object.values(byN).some((rs) => rs.some((r) => r.errors))))
    for (const s of servers) log(`server on port ${s.port}, end of its stderr:\n${s.stderr().slice(-2500)}`);
  for (const s of servers) await s.stop();
  postgres?.stop();

  // ---- the same writes, directly with better-sqlite3 in this process ------------------------------
  let direct = null;
  if (!postgres) {
    log("direct better-sqlite3 writes…");
    direct = directWrites(db.file, replies, Math.max(1, seconds * 0.6), runs, fieldworkStart);
  }
  db.remove();

  const summary = {};
  for (const [name, byN] of Object.entries(results)) {
    summary[name] = {};
    for (const [n, rs] of Object.entries(byN)) {
      summary[name][n] = {
        perSecond: r1(median(rs.map((r) => r.perSecond))),
        p50: r1(median(rs.map((r) => r.p50))),
        p95: r1(median(rs.map((r) => r.p95))),
        p99: r1(median(rs.map((r) => r.p99))),
        errors: rs.reduce((s, r) => s + r.errors, 0),
        requests: rs.reduce((s, r) => s + r.ops, 0),
        firstError: rs.find((r) => r.firstError)?.firstError ?? null,
        runs: rs.map((r) => r1(r.perSecond)),
        ...(name.startsWith("interview") || name === "queue" ? { interviewsPerSecond: r1(median(rs.map((r) => r.itemsPerSecond))) } : {}),
      };
    }
  }
  writeResult(OUT, {
    build,
    engine: ENGINE,
    instances: servers.length,
    runs,
    seconds,
    levels,
    queue: QUEUE,
    questions: questionCount,
    replyCells: cells.length,
    interviewCells: interviewChanges(fieldworkStart).length,
    summary,
    direct,
  });
}

/** A complete, consistent interview (31 cells) valid under the UDN rules. */
function interviewChanges(date) {
  const v = (text) => ({ num: null, text, status: null });
  const answers = {
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
  return Object.entries(answers).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
}

/** The SQL of modules/questionnaire/server/answers.ts saveAnswers (+ audit row, + interview rows), run
 *  sequentially in one process on the same database file, with db/open.ts's pragmas. */
function directWrites(file, replies, secs, runs, date) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  const select = sqlite.prepare(`select a.num, a.text, a.status, a.version, a.updated_at, u.name as updated_by_name
       from answers a left join users u on u.id = a.updated_by where a.response_id = ? and a.cell = ?`);
  const upsert = sqlite.prepare(`insert into answers (response_id, cell, num, text, status, version, updated_by, updated_at)
     values (@responseId, @cell, @num, @text, @status, @version, @userId, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     on conflict (response_id, cell) do update set num = excluded.num, text = excluded.text, status = excluded.status,
       version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  const history = sqlite.prepare("insert into answer_history (response_id, cell, old_value, new_value, user_id) values (?, ?, ?, ?, ?)");
  const touch = sqlite.prepare(`update responses set updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?`);
  const auditRow = sqlite.prepare("insert into audit_log (action, object, user_id, role, ip) values (?, ?, 1, 'admin', null)");
  const save = (responseId, changes) =>
    sqlite
      .transaction(() => {
        for (const c of changes) {
          const row = select.get(responseId, c.cell);
          if (row && row.num === c.value.num && row.text === c.value.text && row.status === c.value.status) continue; // sameAnswer
          upsert.run({ responseId, cell: c.cell, num: c.value.num, text: c.value.text, status: c.value.status, version: (row?.version ?? 0) + 1, userId: 1 });
          history.run(responseId, c.cell, row ? JSON.stringify({ num: row.num, text: row.text, status: row.status }) : null, JSON.stringify(c.value), 1);
        }
        touch.run(responseId);
      })
      .immediate();
  const households = sqlite
    .prepare("select id from survey_households where status = 'assigned' and household_id like '2026-BENCH-%' order by id desc")
    .all()
    .map((r) => r.id);
  const newResponse = sqlite.prepare("insert into responses (questionnaire_id, status) values ('udn', 'in_progress') returning id");
  const setResponse = sqlite.prepare("update survey_households set response_id = ?, status = 'in_progress' where id = ?");
  const setStatus = sqlite.prepare("update survey_households set status = ?, updated_at = ? where id = ?");
  const event = sqlite.prepare("insert into interview_events (household_row_id, from_state, to_state, user_id, note) values (?, ?, ?, 5, null)");
  const ic = interviewChanges(date);

  const time = (fn) => {
    const out = [];
    for (let r = 0; r < runs; r++) {
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < secs * 1000) {
        fn(n++);
      }
      out.push(n / ((performance.now() - t0) / 1000));
    }
    return { perSecond: r1(median(out)), runs: out.map(r1) };
  };
  const reply = replies[0];
  const result = {
    autosave: time((k) => {
      const cell = intCells[k % intCells.length];
      save(reply.id, [{ cell, value: valueOf(cell, k % 2 === 1) }]);
      auditRow.run("reply.save", `${reply.cycle}/${reply.country} (1 cells)`);
    }),
    reply: time((k) => {
      save(
        reply.id,
        cells.map(([cell]) => ({ cell, value: valueOf(cell, k % 2 === 1) })),
      );
      auditRow.run("reply.save", `${reply.cycle}/${reply.country} (${cells.length} cells)`);
    }),
    interview: time(() => {
      const h = households.pop();
      const responseId = sqlite
        .transaction(() => {
          const { id } = newResponse.get();
          setResponse.run(id, h);
          event.run(h, "assigned", "in_progress");
          return id;
        })
        .immediate();
      save(responseId, ic);
      setStatus.run("completed", new Date().toISOString(), h);
      event.run(h, "in_progress", "completed");
      auditRow.run("interview.complete", `2026/${h}`);
    }),
  };
  // the cost of one commit (one autocommitted audit row) with synchronous = FULL (the app's) and NORMAL
  const commitMs = (mode) => {
    sqlite.pragma(`synchronous = ${mode}`);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) auditRow.run("bench.commit", mode);
    return Math.round(((performance.now() - t0) / 200) * 100) / 100;
  };
  result.commitMs = { FULL: commitMs("FULL"), NORMAL: commitMs("NORMAL") };
  sqlite.close();
  return result;
}

await main();
