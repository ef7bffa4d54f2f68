// Part 4 — exports, streamed by `next start` and read by this client as they arrive:
//   cycle CSV      GET /api/cycles/2022-2024/export?format=csv — the long CSV of a whole cycle, 49
//                  countries' synthetic replies (bench/lib/make-db.ts); and of 2020-2022 (one reply)
//                  to see whether memory grows with the size of the export
//   microdata CSV  GET /api/survey/waves/{year}/microdata?format=csv — wave 2025 (18 005 interviews)
//                  and wave 2030 (1 000 000 interviews, bench/lib/make-million.ts)
// For each: seconds to the last byte, bytes, lines, and the server process's memory — its resident
// set before the request and its peak during it (VmHWM after resetting it through /proc/PID/clear_refs,
// cross-checked by sampling VmRSS every 25 ms). Memory is constant when the peak does not grow with
// the size of the export.
// Usage: node bench/exports.mjs [--quick] [--runs=3]   |   node bench/exports.mjs --heap-cap=256
import {
  arg,
  copyDb,
  ensureBuild,
  httpGet,
  log,
  login,
  median,
  millionDb,
  peakMiB,
  quick,
  r0,
  r1,
  resetPeak,
  rssMiB,
  sampleRss,
  sleep,
  startServer,
  templateDb,
  writeResult,
} from "./lib/common.mjs";

const runs = Number(arg("runs", quick ? 1 : 3));
const port = Number(arg("port", 3331));

async function download(server, cookie, url) {
  if (global.gc) global.gc();
  await sleep(200);
  const before = rssMiB(server.pid);
  const reset = resetPeak(server.pid);
  const sampler = sampleRss(server.pid);
  const t0 = performance.now();
  let bytes = 0,
    lines = 0,
    first = null;
  let res;
  try {
    res = await httpGet(`${server.base}${url}`, {
      cookie,
      onChunk: (value) => {
        first ??= performance.now() - t0;
        bytes += value.length;
        for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
      },
    });
  } catch (e) {
    sampler.stop();
    await sleep(500);
    throw new Error(
      `${e.message} after ${Math.round((performance.now() - t0) / 1000)} s and ${lines} lines; server ${server.child.exitCode !== null || server.child.signalCode !== null ? `exited (code ${server.child.exitCode}, signal ${server.child.signalCode}): ${server.stderr().trim().split("\n").slice(-3).join(" | ")}` : "still running"}`,
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  const sampled = sampler.stop();
  const peak = reset ? peakMiB(server.pid) : sampled.max;
  return {
    status: res.status,
    seconds,
    firstByteMs: first,
    bytes,
    lines,
    rssBeforeMiB: before,
    peakMiB: Math.max(peak, sampled.max),
    growthMiB: Math.max(peak, sampled.max) - before,
  };
}

async function series(server, cookie, label, url, n) {
  const rs = [];
  for (let r = 0; r < n; r++) {
    const d = await download(server, cookie, url);
    rs.push(d);
    log(
      `${label}: ${r1(d.seconds)} s, ${r1(d.bytes / 2 ** 20)} MiB, ${d.lines} lines, RSS ${r0(d.rssBeforeMiB)} → peak ${r0(d.peakMiB)} MiB (HTTP ${d.status})`,
    );
  }
  return {
    label,
    url,
    status: rs[0].status,
    runs: rs.length,
    seconds: r1(median(rs.map((d) => d.seconds))),
    firstByteMs: r0(median(rs.map((d) => d.firstByteMs))),
    MiB: r1(rs[0].bytes / 2 ** 20),
    lines: rs[0].lines,
    rssBeforeMiB: r0(median(rs.map((d) => d.rssBeforeMiB))),
    peakMiB: r0(median(rs.map((d) => d.peakMiB))),
    growthMiB: r0(median(rs.map((d) => d.growthMiB))),
    perRun: rs.map((d) => ({ seconds: r1(d.seconds), growthMiB: r0(d.growthMiB) })),
  };
}

/** --heap-cap=MiB: only the 1 000 000-interview microdata export, on a server whose V8 heap is capped
 *  (NODE_OPTIONS=--max-old-space-size): it completes only if the export holds no more than that. */
async function heapCapped(cap) {
  const build = await ensureBuild();
  const server = await startServer({ db: millionDb(), port, env: { NODE_OPTIONS: `--max-old-space-size=${cap}` } });
  let out;
  try {
    const cookie = await login(server.base, "admin@example.org");
    const label = `microdata CSV, wave 2030 (1 000 000 interviews), server heap capped at ${cap} MiB`;
    try {
      out = await series(server, cookie, label, "/api/survey/waves/2030/microdata?format=csv", 1);
    } catch (e) {
      out = { label, status: 0, error: `${e.code ?? ""} ${e.message}; server: ${server.stderr().trim().split("\n").slice(-4).join(" | ")}` };
      log(`${label}: FAILED ${out.error}`);
    }
    out.heapCapMiB = cap;
    out.serverAlive = server.child.exitCode === null && server.child.signalCode === null;
  } finally {
    await server.stop();
  }
  writeResult("exports-heapcap", { build, exports: [out] });
}

async function main() {
  const cap = arg("heap-cap", null);
  if (cap) return heapCapped(Number(cap));
  const build = await ensureBuild();
  const out = [];
  const db = copyDb(templateDb());
  let server = await startServer({ db: db.file, port });
  try {
    const cookie = await login(server.base, "admin@example.org");
    await download(server, cookie, "/api/cycles/2020-2022/export?format=csv"); // warm-up
    out.push(await series(server, cookie, "cycle 2020-2022 long CSV (1 reply)", "/api/cycles/2020-2022/export?format=csv", runs));
    out.push(await series(server, cookie, "cycle 2022-2024 long CSV (49 replies)", "/api/cycles/2022-2024/export?format=csv", runs));
    out.push(await series(server, cookie, "microdata CSV, wave 2025 (18 005 interviews)", "/api/survey/waves/2025/microdata?format=csv", runs));
  } finally {
    await server.stop();
    db.remove();
  }
  if (!quick) {
    server = await startServer({ db: millionDb(), port });
    try {
      const cookie = await login(server.base, "admin@example.org");
      await download(server, cookie, "/api/survey/waves/2025/microdata?format=csv"); // warm-up (JIT)
      out.push(await series(server, cookie, "microdata CSV, wave 2030 (1 000 000 interviews)", "/api/survey/waves/2030/microdata?format=csv", 1));
    } finally {
      await server.stop();
    }
  }
  writeResult("exports", { build, runs, exports: out });
}

await main();
