// Writes BENCHMARKS.md from bench/results/{form,save,results,exports,backup,offline,engines}.json (the last full run of
// each part) and bench/analysis.md (the hand-written reading of the figures: what is slow, why,
// and the proposed fixes). Verdicts against the targets are computed here, not typed in.
// Usage: node bench/report.mjs
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchDir, resultsDir, root } from "./lib/common.mjs";

const suffix = process.argv.includes("--quick") ? ".quick" : "";
const load = (name) => {
  const f = path.join(resultsDir, `${name}${suffix}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null;
};
const form = load("form"),
  save = load("save"),
  results = load("results"),
  exports = load("exports"),
  backup = load("backup"),
  offline = load("offline"),
  engines = load("engines"),
  run = load("run");
const fmt = (x, d = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? "—"
    : Number(x).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/,/g, " ");
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const verdict = (ok) => (ok === null || ok === undefined ? "not measured" : ok ? "**met**" : "**missed**");
const lines = [];
const p = (...xs) => lines.push(...xs);

const any = form ?? save ?? results ?? exports ?? backup;
const m = any?.machine ?? {};
p("# Benchmarks", "");
p(
  "Measured by `npm run bench` (bench/run.mjs; every part also runs alone, see *Commands*). This file is written by",
  "`bench/report.mjs` from `bench/results/*.json` and `bench/analysis.md`. Benchmarks are not tests: nothing here",
  "fails a build. Figures are medians over several runs of each part (runs are interleaved where two things are",
  "compared); every part starts `next start` (the production build) on a throw-away copy of a database.",
  "",
);
p("## Machine", "");
p(
  `- ${m.nproc ?? "?"} CPUs (${m.cpu ?? "?"}), ${m.memoryGiB ?? "?"} GiB memory, Node.js ${m.node ?? "?"}, ${m.chromium ?? "Chromium ?"}, SQLite CLI ${m.sqlite3 ?? "?"}`,
);
p(
  `- production build ${any?.build?.buildId ?? "?"} (${any?.build?.builtAt ?? "?"})${any?.build?.stale ? ", older than some sources at the time of the run" : ""}`,
);
p(
  "- load average (1, 5, 15 min) when each part started: " +
    [
      ["form", form],
      ["save", save],
      ["results", results],
      ["exports", exports],
      ["backup", backup],
      ["offline", offline],
      ["engines", engines],
    ]
      .filter(([, r]) => r)
      .map(([n, r]) => `${n} ${r.machine.loadavgAtStart.join(" / ")} (${r.at.slice(0, 16).replace("T", " ")} UTC)`)
      .join("; "),
);
const busiest = Math.max(...[form, save, results, exports, backup].filter(Boolean).map((r) => r.machine.loadavgAtStart[0]));
p(
  busiest < 1.5
    ? "- the machine may be shared with other sessions; it was quiet when each part started (1-minute load average below 1.5 on 2 cores, the benchmark's own load included), but absolute figures are noisy: ratios from interleaved runs are the more reliable."
    : "- the machine is shared: other sessions' builds, servers and end-to-end tests may run at the same time (a load average above 2 on 2 cores means the benchmark got less than the whole machine); absolute figures are then pessimistic and noisy, ratios from interleaved runs are the more reliable.",
  "",
);

// ---- targets ----------------------------------------------------------------------------------
const T = [];
if (form?.typing) {
  const app = form.typing.app,
    ours = form.typing.ours,
    sjs = form.typing.surveyjs;
  T.push([
    "typing p95 < 16 ms (app page, Q091)",
    `${fmt(app?.p95median, 1)} ms${app?.derivedP95median != null ? ` (the digit); the totals, checks and indicators it changes follow a frame later: p95 ${fmt(app.derivedP95median, 1)} ms` : ""}`,
    `${verdict(app ? app.p95median < 16 : null)}${app?.derivedP95median != null && app.p95median < 16 ? " for the digit; not for the derived displays (a frame later)" : ""}`,
  ]);
  T.push([
    "typing p95 ≥ 2× better than SurveyJS",
    `SurveyJS ${fmt(sjs?.p95median, 1)} ms ÷ ours ${fmt(ours?.p95median, 1)} ms (harness) = ${fmt(ratio(sjs?.p95median, ours?.p95median), 1)}×; ÷ app ${fmt(app?.p95median, 1)} ms = ${fmt(ratio(sjs?.p95median, app?.p95median), 1)}×${app?.derivedP95median != null ? `; until our totals and checks are on screen too (SurveyJS updates them in the digit's frame): ÷ ${fmt(app.derivedP95median, 1)} ms = ${fmt(ratio(sjs?.p95median, app.derivedP95median), 1)}×` : ""}`,
    verdict(sjs && ours && app ? sjs.p95median >= 2 * Math.max(ours.p95median, app.p95median, app.derivedP95median ?? 0, ours.derivedP95median ?? 0) : null),
  ]);
}
if (save?.summary) {
  const s = save.summary;
  const worst = Math.min(...Object.keys(s.autosave).map((n) => s.autosave[n].perSecond / s.bare[n].perSecond));
  T.push([
    "autosave ≥ 60 % of bare-route throughput",
    Object.keys(s.autosave)
      .map((n) => `N=${n}: ${fmt((100 * s.autosave[n].perSecond) / s.bare[n].perSecond)} %`)
      .join(", "),
    verdict(worst >= 0.6),
  ]);
  const ips = (name) => s[name]?.["50"]?.interviewsPerSecond ?? s[name]?.["50"]?.perSecond;
  const best = Math.max(...["interview", "interview1", "queue"].map(ips).filter((x) => x !== undefined));
  T.push([
    "≥ 400 household interviews/s at N = 50",
    `one interview per request: ${fmt(ips("interview1"), 1)}/s (two requests, answers then complete: ${fmt(ips("interview"), 1)}/s); a tablet's queue of ${save.queue ?? 10} per request: ${fmt(ips("queue"), 1)}/s`,
    s.queue
      ? `${verdict(best >= 400)}${ips("interview1") < 400 && best >= 400 ? " with queued submission; missed one per request" : ""}`
      : verdict(best >= 400),
  ]);
  const errors = Object.values(s)
    .flatMap((byN) => Object.values(byN))
    .reduce((a, r) => a + r.errors, 0);
  T.push([
    "saving: no errors",
    `${errors} errors in ${Object.values(s)
      .flatMap((byN) => Object.values(byN))
      .reduce((a, r) => a + r.requests, 0)} requests`,
    verdict(errors === 0),
  ]);
}
if (results?.results) {
  for (const r of results.results) {
    T.push([
      `results within 1.5× of raw SQL — ${r.label}`,
      r.appMs ? `${fmt(r.appMs)} ms vs ${fmt(r.sqlMs)} ms = ${fmt(r.ratio, 2)}×` : `app failed (${r.error}); SQL ${fmt(r.sqlMs)} ms`,
      verdict(r.appMs ? r.ratio <= 1.5 : false),
    ]);
  }
  const million = results.results.find((r) => /1 000 000/.test(r.label));
  if (million)
    T.push([
      "results under 2 s for 1 000 000 interviews",
      million.appMs ? `${fmt(million.appMs)} ms` : `failed after ${fmt(million.failedAfterMs / 1000, 1)} s`,
      verdict(million.appMs ? million.appMs < 2000 : false),
    ]);
}
if (exports?.exports) {
  const small = exports.exports.find((e) => /18 005/.test(e.label)),
    big = exports.exports.find((e) => /1 000 000/.test(e.label));
  const one = exports.exports.find((e) => /1 filled/.test(e.label) || /2020-2022/.test(e.label)),
    all = exports.exports.find((e) => /49 replies/.test(e.label));
  const capped = load("exports-heapcap")?.exports?.[0];
  if (small && big) {
    const bounded = capped ? capped.status === 200 : big.status === 200 && big.growthMiB <= 1.5 * Math.max(small.growthMiB, 16) + 32;
    T.push([
      "microdata export in constant memory",
      `server peak growth ${fmt(small.growthMiB)} MiB for 18 005 interviews, ${fmt(big.growthMiB)} MiB for 1 000 000${capped ? `; with the server's heap capped at ${capped.heapCapMiB} MiB the 1 000 000-interview export ${capped.status === 200 ? `completes (${fmt(capped.seconds, 0)} s, peak ${fmt(capped.peakMiB)} MiB): the growth is heap slack, not retained rows` : `fails (${capped.error ?? `HTTP ${capped.status}`})`}` : ""}`,
      verdict(bounded),
    ]);
    T.push(["microdata export of 1 000 000 interviews: time", `${fmt(big.seconds, 0)} s (${fmt(1e6 / big.seconds, 0)} interviews/s)`, "no target (see 4.)"]);
  }
  if (one && all)
    T.push([
      "cycle CSV export in constant memory",
      `server peak growth ${fmt(one.growthMiB)} MiB (1 reply filled), ${fmt(all.growthMiB)} MiB (49 replies filled)`,
      verdict(all.status === 200 && all.growthMiB <= 1.5 * Math.max(one.growthMiB, 16) + 32),
    ]);
}
if (backup?.backups) {
  for (const b of backup.backups) {
    const old = b.onlineBackupApi;
    T.push([
      `backup in bounded time while ${b.clients} clients write — ${b.label}`,
      `${fmt(b.seconds, 1)} s for \`npm run backup\` (${fmt(b.MiB, 0)} MiB)${old ? `; SQLite's online backup API (the earlier way): ${old.finished ? `${fmt(old.seconds, 1)} s` : `not finished after ${fmt(old.seconds, 0)} s`}, ${fmt(old.restarts)} restarts` : ""}`,
      verdict(b.runs.every((r) => r.ok)),
    ]);
  }
}
if (offline) {
  const n = offline.devices * offline.perDevice;
  T.push([
    `${offline.devices} devices reconnecting at once, ${offline.perDevice} completed interviews each (${fmt(n)}): all on the server within 10 s, 0 lost, 0 duplicated`,
    `${fmt(offline.allOnServerSeconds, 1)} s; lost ${fmt(offline.lost)}, duplicated ${fmt(offline.duplicated)} (after every device sent its queue twice)`,
    verdict(offline.allOnServerSeconds <= 10 && offline.lost === 0 && offline.duplicated === 0 && offline.errors === 0),
  ]);
}
if (engines) {
  for (const [scenario, byN] of Object.entries(engines.ratios)) {
    const worst = Object.entries(byN).reduce((a, b) => (b[1].throughput < a[1].throughput ? b : a));
    const ok = Object.values(byN).every((r) => r.throughput >= 80 && r.p95 <= 1.5);
    T.push([
      `${scenario} on PostgreSQL, one server: ≥ 80 % of SQLite's throughput, p95 ≤ 1.5 × (1, 10, 50 clients)`,
      Object.entries(byN)
        .map(([n, r]) => `N=${n}: ${fmt(r.throughput)} %, p95 ${fmt(r.p95, 2)} ×`)
        .join("; ") + ` (lowest at N=${worst[0]})`,
      verdict(ok),
    ]);
  }
}
p("## Targets", "", "| target | measured | verdict |", "|---|---|---|", ...T.map((t) => `| ${t.join(" | ")} |`), "");

// ---- part 1 -----------------------------------------------------------------------------------
if (form) {
  p("## 1. Form responsiveness (headless Chromium, production build)", "");
  p(
    `Kazakhstan's data loaded (its 2022-2024 reply holds the 1 588 cells of its 2020 reply; 2020-2022 is the previous cycle), signed in as its correspondent. Largest chapter: **${form.largestChapter}** (${form.cellsPerChapter[form.largestChapter]} cells); whole questionnaire: ${Object.values(form.cellsPerChapter).reduce((a, b) => a + b, 0)} cells. ${form.runs} runs after one warm-up, variants interleaved (order rotated each run).`,
    "",
  );
  p(
    "`app` is the app's chapter page (server-rendered, then hydrated); `ours` is the app's own form component (`modules/questionnaire/components/reply-form.tsx`) bundled into a harness page and rendered in the browser (the app has no one-page questionnaire); `surveyjs` is SurveyJS 3.0.0 (survey-core + survey-react-ui) on a harness page, the same questions converted from our definitions by `bench/form/convert.ts` (numeric matrixdropdown with NA/NAP companion columns, Σ expressions for total rows and columns, a case-flow expression column, sum and case-flow expression validators checked on every change).",
    "",
  );
  p(
    "### Time until the form is interactive (navigation start → form-ready mark)",
    "",
    "| page | inputs (figures) | ms, median | runs (ms) |",
    "|---|---|---|---|",
  );
  for (const [k, v] of Object.entries(form.ready))
    p(
      `| ${k.replace(":all", " — whole questionnaire").replace(/:(\d+)$/, " — chapter $1")} | ${fmt(v.inputs)} (${fmt(v.numberInputs)}) | ${fmt(v.median)} | ${v.ms.join(", ")} |`,
    );
  const r = form.ready;
  const k3 = `ours:${form.largestChapter}`,
    s3 = `surveyjs:${form.largestChapter}`;
  p(
    "",
    `SurveyJS ÷ ours: chapter ${form.largestChapter} ${fmt(ratio(r[s3]?.median, r[k3]?.median), 1)}×, whole questionnaire ${fmt(ratio(r["surveyjs:all"]?.median, r["ours:all"]?.median), 1)}×.`,
    "",
  );
  p("### Keystroke → next frame, typing figures into Q091 (chapter 4)", "");
  p(
    `${form.typedCells} cells × ${form.digits} digits per run; each digit is a real key press (CDP), measured in the page from the keydown event's timestamp to a task queued by the next requestAnimationFrame callback, i.e. after the frame that shows the digit has been styled, laid out and painted; Chromium runs with --disable-gpu-vsync --disable-frame-rate-limit (no wait for a 60 Hz tick). Totals (Σ), rule messages (under the cell or in the question's list) and the derived indicators beside Q091 update on every key in our form, in the digit's own task: the last column measures from the keydown to the frame after the last of them changed (a MutationObserver on the Σ lines, messages, indicators and variations). SurveyJS runs with textUpdateMode "onTyping" and checkErrorsMode "onValueChanged" so that its expressions and validators update on every key too, within the digit's frame.`,
    "",
  );
  p(
    "| variant | p50 ms (median of runs) | p95 ms (median of runs) | max ms | keys | p95 per run | totals & messages on screen p50 / p95 ms |",
    "|---|---|---|---|---|---|---|",
  );
  const names = { app: "app chapter page", ours: "ours (harness)", surveyjs: "SurveyJS (harness)", blank: "floor: one plain input, no framework" };
  for (const [k, v] of Object.entries(form.typing))
    p(
      `| ${names[k] ?? k} | ${fmt(v.p50median, 1)} | ${fmt(v.p95median, 1)} | ${fmt(v.maxMedian, 1)} | ${v.keystrokes} | ${v.p95.join(", ")} | ${v.derivedP95median != null ? `${fmt(v.derivedP50median, 1)} / ${fmt(v.derivedP95median, 1)}` : "—"} |`,
    );
  const t = form.typing;
  p(
    "",
    `Ratios at p95: SurveyJS ÷ app ${fmt(ratio(t.surveyjs?.p95median, t.app?.p95median), 1)}×, SurveyJS ÷ ours ${fmt(ratio(t.surveyjs?.p95median, t.ours?.p95median), 1)}×. At p50: SurveyJS ÷ app ${fmt(ratio(t.surveyjs?.p50median, t.app?.p50median), 1)}×.`,
    "",
  );
  const profFile = path.join(resultsDir, "form-profile.json");
  const prof = load("form-profile") ?? (existsSync(profFile) ? JSON.parse(readFileSync(profFile, "utf8")) : null);
  if (prof) {
    p("### Profile of a keystroke in our form (bench/form-profile.mjs)", "");
    p(
      `Main-thread busy time per keystroke: **${prof.busyMsPerKey} ms** (CPU profiler on, so slower than unprofiled; the harness's own focus and scrollIntoView when it moves to the next cell are included). Components rendered per keystroke (React commit walk):`,
      "",
    );
    p("| component | renders per key |", "|---|---|");
    for (const n of Object.keys(prof.rendersPerKey ?? {}).slice(0, 14)) p(`| ${n} | ${prof.rendersPerKey[n]} |`);
    p(
      "",
      "Top self time per keystroke: " +
        prof.self
          .slice(0, 8)
          .map((x) => `${x.fn.split(" ")[0]} ${x.msPerKey} ms`)
          .join(", ") +
        ".",
      "",
    );
  }
}

// ---- part 2 -----------------------------------------------------------------------------------
if (save) {
  const s = save.summary;
  p("## 2. Saving (N concurrent clients against `next start`)", "");
  p(
    `Closed loop: each client sends its next request when the previous one is answered; ${save.runs} runs of ${save.seconds} s per scenario and N, interleaved. \`bare\` = GET /api/report-forms/1/deadline?period=2026-03 (public, one small read: the cheapest route handler on the same server — no bench-only route can be added to app/). \`autosave\` = PUT …/replies/{country}/answers with one cell (an administrator, each client on its own reply, base versions tracked). \`reply\` = the same PUT with the whole reply: ${save.replyCells} cells of the ${save.questions}-question questionnaire (Kazakhstan's), two value sets alternating so that the cells are rewritten. \`interview\` = one household interview (${save.interviewCells} cells): PUT /api/survey/interviews/{id}/answers then POST …/transitions {"action":"complete"} (the rules are evaluated), as the interviewer; latency is for both requests. \`interview1\` = the same interview in one request: POST …/transitions {"action":"complete", "changes": […]} (saved, checked and completed in one transaction). \`queue\` = a tablet's queue of ${save.queue ?? 10} such interviews in one request: POST /api/survey/interviews/submit (one transaction; each interview accepted or refused on its own).`,
    "",
  );
  p(
    "| scenario | N | requests/s | interviews/s | p50 ms | p95 ms | p99 ms | errors | ÷ bare | ÷ direct better-sqlite3 | runs (req/s) |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const [name, byN] of Object.entries(s)) {
    for (const [n, r] of Object.entries(byN)) {
      const d = save.direct?.[name]?.perSecond;
      p(
        `| ${name} | ${n} | ${fmt(r.perSecond, 1)} | ${r.interviewsPerSecond !== undefined ? fmt(r.interviewsPerSecond, 1) : name === "interview" ? fmt(r.perSecond, 1) : ""} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${r.errors}${r.firstError ? ` (${r.firstError.slice(0, 60)})` : ""} | ${name === "bare" ? "1" : fmt(r.perSecond / s.bare[n].perSecond, 2)} | ${d ? fmt(r.perSecond / d, 2) : "—"} | ${r.runs.join(", ")} |`,
      );
    }
  }
  p(
    "",
    `The same writes directly with better-sqlite3 in one process, sequentially (bench/save.mjs \`directWrites\`: saveAnswers' SQL — select, upsert, history row, response touch — in one IMMEDIATE transaction, plus the audit row; for an interview also the response, household and event rows), same pragmas as db/open.ts (WAL, synchronous = FULL): autosave ${fmt(save.direct?.autosave?.perSecond, 1)}/s, whole reply ${fmt(save.direct?.reply?.perSecond, 1)}/s, interview ${fmt(save.direct?.interview?.perSecond, 1)}/s.${save.direct?.commitMs ? ` One commit (an autocommitted audit row) costs ${save.direct.commitMs.FULL} ms with synchronous = FULL (the app's setting: an fsync of the WAL per commit) and ${save.direct.commitMs.NORMAL} ms with NORMAL.` : ""}`,
    "",
  );
  const sp = (() => {
    const f = path.join(resultsDir, "save-profile.interview.json");
    return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null;
  })();
  if (sp)
    p(
      `Server CPU per interview (bench/save-profile.mjs, \`next start\` under --cpu-prof, ${sp.n} clients, ${sp.operations} interviews at ${sp.perSecond}/s, server start included): ` +
        Object.entries(sp.msPerOperation)
          .filter(([, v]) => v >= 0.5)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(", ") +
        "; top functions: " +
        sp.topSelf
          .slice(0, 8)
          .map((x) => `${x.fn} ${x.msPerOperation}`)
          .join(", ") +
        ".",
      "",
    );
  const at50 = (name) => s[name]?.["50"]?.interviewsPerSecond ?? s[name]?.["50"]?.perSecond;
  p(
    `Household interviews at N = 50: **${fmt(at50("interview1"), 1)} full interviews/s** submitted one per request, **${fmt(at50("queue"), 1)}/s** in queues of ${save.queue ?? 10}, beside ODK Central's published 41 submissions/s for a 250-question form on a 2 GB server (a different form, server and measurement: an order of magnitude, not a contest).`,
    "",
  );
}

// ---- part 3 -----------------------------------------------------------------------------------
if (results) {
  p("## 3. Survey results: key indicators by region", "");
  p(
    "`app` = GET /api/survey/waves/{year}/results (the wave's survey_tallies rows summed by region in SQL + estimate.keyIndicatorsFromTallies), wall time of the request; `SQL` = bench/sql/key-indicators.sql in the sqlite3 CLI (`sqlite3 -readonly`) over the stored answers, wall time of the process, same database file, page cache warm for both; profile = the app's functions in one process (bench/lib/results-profile.ts): the wave's tally rows, reading them summed by region, keyIndicatorsFromTallies, waveResults (the whole results page, previous wave included).",
    "",
  );
  p(
    "| wave | app ms | SQL ms | app ÷ SQL | app and SQL agree | server peak RSS | profile: tally rows / read / keyIndicators / waveResults (ms) |",
    "|---|---|---|---|---|---|---|",
  );
  for (const r of results.results) {
    const pr = r.profile ?? {};
    p(
      `| ${r.label} | ${r.appMs ? `${fmt(r.appMs)} (${r.app.join(", ")})` : `failed after ${fmt(r.failedAfterMs)} ms: ${r.error}`} | ${fmt(r.sqlMs)} (${r.sql.join(", ")}) | ${fmt(r.ratio, 2)} | ${r.agreement ? `${r.agreement.same} shares equal, ${r.agreement.differ} differ` : "—"} | ${fmt(r.serverPeakMiB)} MiB | ${pr.error ? `failed: ${String(pr.error).slice(-160)}` : (pr.tallyRows !== undefined ? `${fmt(pr.tallyRows)} rows / ${pr.readTalliesMs} / ${pr.keyIndicatorsMs} / ${pr.waveResultsMs}${pr.referenceMs ? ` (record-based reference: ${fmt(pr.referenceMs)})` : ""}` : `${fmt(pr.sqlIterateMs)} / ${fmt(pr.approvedInterviewsMs)} / ${fmt(pr.keyIndicatorsMs)}`) + ` (RSS ${fmt(pr.rssMiB)} MiB)`} |`,
    );
  }
  p("");
}

// ---- part 4 -----------------------------------------------------------------------------------
if (exports) {
  p("## 4. Exports (streamed)", "");
  p(
    "Seconds to the last byte as read by a streaming client; server memory = the `next start` process's resident set before the request and its peak during it (VmHWM reset through /proc/PID/clear_refs, cross-checked by sampling every 25 ms); growth = peak − before.",
    "",
  );
  p("| export | seconds | first byte ms | size MiB | lines | RSS before MiB | peak MiB | growth MiB | runs |", "|---|---|---|---|---|---|---|---|---|");
  const cappedRow = load("exports-heapcap")?.exports?.[0];
  for (const e of [...exports.exports, ...(cappedRow?.status === 200 ? [cappedRow] : [])])
    p(
      `| ${e.label} | ${fmt(e.seconds, 1)} | ${fmt(e.firstByteMs)} | ${fmt(e.MiB, 1)} | ${fmt(e.lines)} | ${fmt(e.rssBeforeMiB)} | ${fmt(e.peakMiB)} | ${fmt(e.growthMiB)} | ${e.perRun.map((x) => `${x.seconds} s / +${x.growthMiB}`).join("; ")} |`,
    );
  p("");
}

if (backup?.backups) {
  p(`## 5. Backups under load (\`npm run backup\` while ${backup.clients} clients autosave)`, "");
  p(
    `\`npm run backup\` (scripts/backup.ts: \`VACUUM INTO\` from one read snapshot, then integrity check, row counts, fsync, rename) on a throw-away copy of the database that \`next start\` serves, while ${backup.clients} closed-loop clients autosave one cell per request through the server (each on an unanswered reply of its own as far as they go, every request a write). Seconds = the command's wall time, tsx's start included (the copy's own time in brackets, as the script reports it); saves/s of the clients in the seconds before the backup and while it ran. Median of ${backup.runs} runs. \"Online backup API\" is the way db/backup.ts copied before (better-sqlite3's \`db.backup()\`: 100 pages per step, the event loop between steps), once, under the same load, given ${backup.cap} s: every write of another connection sends it back to its first page.`,
    "",
  );
  p(
    "| database | MiB | seconds (copy) | saves/s before / during | saves during | runs (s) | without load (s) | online backup API | errors |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const b of backup.backups) {
    const old = b.onlineBackupApi;
    p(
      `| ${b.label} | ${fmt(b.MiB)} | ${fmt(b.seconds, 1)} (${fmt(b.copySeconds, 1)}) | ${fmt(b.savesPerSecondBefore)} / ${fmt(b.savesPerSecondDuring)} | ${b.runs.map((r) => r.savesDuring).join(", ")} | ${b.runs.map((r) => (r.ok ? r.seconds : "failed")).join(", ")} | ${fmt(b.withoutLoad?.seconds, 1)} (${fmt(b.withoutLoad?.copySeconds, 1)}) | ${old ? `${old.finished ? `finished in ${fmt(old.seconds, 1)} s` : `not finished after ${fmt(old.seconds, 0)} s`}, ${fmt(old.restarts)} restarts, ${fmt(old.savesDuring)} saves meanwhile` : "—"} | ${b.errors} |`,
    );
  }
  p("");
}

// ---- part 6 -----------------------------------------------------------------------------------
if (offline) {
  p(`## 6. Offline devices reconnecting (${offline.devices} devices × ${offline.perDevice} completed interviews)`, "");
  p(
    `bench/offline.mjs: ${offline.devices} interviewers (each with a session, as a device keeps it) come back online at the same moment, each with ${offline.perDevice} completed interviews queued on the device, and do what the device's sync does (modules/survey/device/sync.ts): \`POST /api/survey/interviews/submit\` with the queue items (a client id each, 50 per request), then \`GET /api/survey/device\`. Then every device sends the same items again, as a device does that never heard back (the network cut mid-sync): the server answers each from its record of applied client ids. Counted afterwards in the database: interviews not completed (lost), completion events beyond one per interview (duplicated). Median of ${offline.runs} runs on a throw-away copy of the demo database.`,
    "",
    "| interviews | all on the server (s) | first round incl. downloads (s) | resend of every item (s) | lost | duplicated | duplicates answered as such | errors | load (1 min) at start |",
    "|---|---|---|---|---|---|---|---|---|",
    ...offline.all.map(
      (r) =>
        `| ${fmt(r.interviews)} | ${fmt(r.allOnServerSeconds, 1)} | ${fmt(r.firstRoundSeconds, 1)} | ${fmt(r.retryRoundSeconds, 1)} | ${fmt(r.lost)} | ${fmt(r.duplicated)} | ${fmt(r.duplicatesReported)} | ${fmt(r.errors)} | ${fmt(r.loadavg1AtStart, 2)} |`,
    ),
    "",
    'ODK Central, for comparison: its documentation claims "high performance on low-cost hardware" (https://docs.getodk.org/central-intro/) but we found no published figure for many devices submitting at once (submissions per second, or a reconnection storm), so there is no number to set beside ours. Its predecessor, ODK Aggregate on App Engine, documented a global mutex on submission inserts and advised serializing pushes (https://docs.getodk.org/aggregate-limitations/).',
    "",
  );
}

// ---- part 7 -----------------------------------------------------------------------------------
if (engines) {
  p("## 7. Engines: SQLite, PostgreSQL with one server and with two", "");
  p(
    "bench/engines.mjs: part 2's autosave (one cell) and its whole interview in one request (interview1), on copies of the same database: SQLite (the default, one server), a throw-away PostgreSQL 15 on this machine (fsync off, as every throw-away server of the tests) holding a copy made by the app's own `npm run db:copy` code, with one server, and with two servers sharing it (the clients take the servers in turn). One run of the part; figures are medians of its runs.",
    "",
    "| scenario | clients | SQLite /s (p95 ms) | PostgreSQL, one server /s (p95 ms) | PostgreSQL, two servers /s (p95 ms) | one server ÷ SQLite |",
    "|---|---|---|---|---|---|",
  );
  for (const [scenario, byN] of Object.entries(engines.ratios))
    for (const [n, r] of Object.entries(byN)) {
      const cell = (e) => {
        const x = engines.byEngine[e][scenario][n];
        return `${fmt(x.perSecond)} (${fmt(x.p95, 1)})${x.errors ? `, ${x.errors} errors` : ""}`;
      };
      p(`| ${scenario} | ${n} | ${cell("sqlite")} | ${cell("postgres")} | ${cell("postgres2")} | ${fmt(r.throughput)} %, p95 ${fmt(r.p95, 2)} × |`);
    }
  p("");
}

// ---- analysis & commands ------------------------------------------------------------------------
const analysis = path.join(benchDir, "analysis.md");
if (existsSync(analysis)) p(readFileSync(analysis, "utf8").trim(), "");
p(
  "## Commands",
  "",
  "```bash",
  "npx next build                  # the production build the benchmarks use (npm run bench builds it only when missing, or with --build)",
  "apt-get install -y sqlite3      # the SQLite CLI of part 3",
  `npm run bench                   # every part, then this file${
    run
      ? ` (last full run: ${Math.round(run.total / 60)} min — ${Object.entries(run.seconds)
          .map(([k, v]) => `${k} ${Math.round((v / 60) * 10) / 10}`)
          .join(", ")} min)`
      : ""
  }; building bench/.data/*.db when needed adds ~3 min`,
  "npm run bench -- --quick        # smoke version of every part, results in bench/results/*.quick.json",
  "npm run bench:form              # part 1  (node bench/form.mjs [--runs=3] [--variants=app,ours,surveyjs,blank] [--typing-only])",
  "node bench/form-profile.mjs 60  # part 1 profile: CPU profile + renders per keystroke of the form as it is",
  "npm run bench:save              # part 2  (node bench/save.mjs [--runs=3] [--seconds=3] [--only=bare,autosave,…] [--levels=1,10,50] [--queue=10])",
  "node bench/save-profile.mjs interview1 10 8  # part 2 profile: the server's CPU per interview in one request (or: interview, autosave)",
  "npm run bench:results           # part 3  (node bench/results.mjs [--runs=3] [--profile-million])",
  "npm run bench:exports           # part 4  (node bench/exports.mjs [--runs=3]); --heap-cap=256: the 1 000 000 export on a server with a capped heap",
  "npm run bench:backup            # part 5  (node bench/backup.mjs [--runs=3] [--clients=50] [--cap=60] [--dbs=demo,template])",
  "npm run bench:offline           # part 6  (node bench/offline.mjs [--runs=3] [--devices=50] [--per=20])",
  "npm run bench:engines           # part 7  (node bench/engines.mjs [--runs=3] [--seconds=3] [--levels=1,10,50]): bench/save.mjs --engine=sqlite|postgres|postgres2",
  "npm run bench:report            # this file from bench/results/*.json and bench/analysis.md",
  "npm run bench:open              # the older chapter-opening benchmark (bench/open-chapter.mjs)",
  "```",
  "",
  "Databases: `bench/lib/make-db.ts` (template: demo data + 49 filled replies of 2022-2024 + 40 000 assigned households of wave 2026) and `bench/lib/make-million.ts` (+ wave 2030 with 1 000 000 synthetic interviews, 21.6 M answer rows, 2.2 GB), and the demo database of part 5 (`scripts/seed.ts` with `DEMO_DATA=1`, as `npm start` makes it), cached in `bench/.data/` (git-ignored) and rebuilt when their inputs change.",
  "",
);
const target = suffix ? path.join(resultsDir, "BENCHMARKS.quick.md") : path.join(root, "BENCHMARKS.md");
writeFileSync(target, lines.join("\n"));
console.error(`wrote ${path.relative(root, target)}`);
