// Where the time to open a CEPEJ chapter goes (issue 15's "chapter 3 usable in ≤ 500 ms"): the app's
// chapter page, production build, Kazakhstan's 2022-2024 reply, under a Chromium trace from the
// navigation to the form-ready mark. Per run: the server's first byte and last byte of HTML, DOM
// content loaded, form-ready, and the renderer main thread's time by step (FunctionCall is mostly
// React's hydration; UpdateLayoutTree, Layout, PrePaint and Paint the rendering of the page).
// Usage: node bench/open-chapter-trace.mjs [chapter=3] [--runs=3] [--port=3352]
import { chromium } from "@playwright/test";
import { arg, copyDb, ensureBuild, signedInContext, log, median, startServer, templateDb, writeResult } from "./lib/common.mjs";

const chapter = process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? "3";
const runs = Number(arg("runs", 3));
const port = Number(arg("port", 3352));
const STEPS = [
  "FunctionCall",
  "EvaluateScript",
  "ParseHTML",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "Layerize",
  "MinorGC",
  "MajorGC",
  "RunMicrotasks",
];

async function main() {
  await ensureBuild();
  const db = copyDb(templateDb());
  const server = await startServer({ db: db.file, port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const base = server.base;
    const context = await signedInContext(browser, base, "correspondent.kz@example.org", { viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const url = `${base}/cepej/2022-2024/KZ/${chapter}`;
    await page.goto(url); // warm-up: the server's caches and the browser's compiled scripts
    await page.waitForFunction(() => document.body.dataset.formReady === "1", null, { timeout: 120_000 });
    const results = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(`${base}/`);
      await browser.startTracing(page, { categories: ["devtools.timeline"] });
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(() => document.body?.dataset.formReady === "1", null, { polling: 50, timeout: 120_000 });
      const times = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        return {
          firstByte: n.responseStart,
          lastByte: n.responseEnd,
          domContentLoaded: n.domContentLoadedEventEnd,
          ready: performance.getEntriesByName("form-ready")[0]?.startTime,
        };
      });
      const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      const main = trace.find(
        (e) =>
          e.ph === "M" &&
          e.name === "thread_name" &&
          e.args?.name === "CrRendererMain" &&
          trace.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "ParseHTML"),
      );
      const steps = Object.fromEntries(STEPS.map((s) => [s, 0]));
      const stepEnd = new Map();
      for (const e of trace.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === "X" && x.dur).sort((a, b) => a.ts - b.ts)) {
        // each step counted where it is not nested in a step of the same name
        if (e.name in steps && e.ts >= (stepEnd.get(e.name) ?? -1)) {
          steps[e.name] += e.dur / 1000;
          stepEnd.set(e.name, e.ts + e.dur);
        }
      }
      const row = {
        ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)])),
        steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(v)])),
      };
      log(JSON.stringify(row));
      results.push(row);
    }
    const med = (f) => median(results.map(f));
    const result = {
      chapter,
      runs,
      medianMs: {
        firstByte: med((r) => r.firstByte),
        lastByte: med((r) => r.lastByte),
        domContentLoaded: med((r) => r.domContentLoaded),
        ready: med((r) => r.ready),
        ...Object.fromEntries(STEPS.map((s) => [s, med((r) => r.steps[s])])),
      },
      results,
    };
    console.log(JSON.stringify(result.medianMs));
    writeResult(`open-chapter-trace-${chapter}`, result);
  } finally {
    await browser.close();
    await server.stop();
    db.remove();
  }
}

await main();
