// Where the time to open the largest chapter goes (the app's page, production build): the
// navigation's phases (server response, HTML received, scripts run, form ready) and, from
// Chromium's CPU profiler during the load, JavaScript self time by function.
// Usage: node bench/open-profile.mjs [runs=3] [--port=3352] [--chapter=3]
import { chromium } from "@playwright/test";
import { arg, copyDb, ensureBuild, login, median, startServer, templateDb, writeResult } from "./lib/common.mjs";

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const port = Number(arg("port", 3352));
const chapter = String(arg("chapter", "3"));

async function main() {
  await ensureBuild();
  const db = copyDb(templateDb());
  const server = await startServer({ db: db.file, port });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-gpu-vsync", "--disable-frame-rate-limit"],
  });
  const out = { chapter, runs: [] };
  try {
    const base = server.base;
    const cookie = await login(base, "correspondent.kz@example.org");
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies(
      cookie.split("; ").map((c) => {
        const i = c.indexOf("=");
        return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
      }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    const url = `${base}/cepej/2022-2024/KZ/${chapter}`;
    const selfBy = new Map();
    for (let r = 0; r <= runs; r++) {
      await page.goto(`${base}/`);
      if (r > 0) await cdp.send("Profiler.start");
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(() => document.body?.dataset.formReady === "1", null, { timeout: 120_000, polling: 50 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          responseStart: nav.responseStart,
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          ready: performance.getEntriesByName("form-ready")[0]?.startTime,
          htmlKiB: Math.round(nav.transferSize / 1024),
          inputs: document.querySelectorAll("input, textarea, select").length,
          elements: document.getElementsByTagName("*").length,
        };
      });
      if (r === 0) continue; // warm-up
      const { profile } = await cdp.send("Profiler.stop");
      const dt = new Map();
      profile.timeDeltas.forEach((d, i) => dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + d));
      let script = 0;
      for (const n of profile.nodes) {
        const us = dt.get(n.id) ?? 0;
        const name = n.callFrame.functionName || "(anonymous)";
        if (!["(idle)", "(program)", "(garbage collector)", "(root)"].includes(name)) script += us;
        const file = n.callFrame.url.split("/").pop();
        const key = `${name} ${file}:${n.callFrame.lineNumber}`;
        selfBy.set(key, (selfBy.get(key) ?? 0) + us / runs / 1000);
      }
      out.runs.push({ ...t, scriptMs: Math.round(script / 1000) });
      console.log(JSON.stringify({ ...t, scriptMs: Math.round(script / 1000) }));
    }
    const m = (k) => Math.round(median(out.runs.map((x) => x[k])));
    out.median = Object.fromEntries(["responseStart", "responseEnd", "domInteractive", "domContentLoaded", "ready", "scriptMs"].map((k) => [k, m(k)]));
    out.top = [...selfBy]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => [k, Math.round(v * 10) / 10]);
    console.log(JSON.stringify(out.median));
    for (const [k, v] of out.top) console.log(`${v.toFixed(1).padStart(7)} ms  ${k}`);
  } finally {
    await browser.close();
    await server.stop();
    db.remove();
  }
  writeResult("open-profile", out);
}

await main();
