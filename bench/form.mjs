// Part 1 — form responsiveness in headless Chromium against the production build (`next start`),
// Kazakhstan's data loaded (its 2022-2024 reply holds the 1 588 cells of its 2020 reply; the 2020-2022
// reply is the previous cycle), signed in as Kazakhstan's correspondent. Variants, interleaved in
// every run (the order rotates from run to run):
//   app      the app's chapter page /cepej/2022-2024/KZ/{chapter} (server-rendered, hydrated)
//   ours     the app's form component (modules/questionnaire/components/reply-form.tsx) bundled by esbuild
//            into a page of this harness, rendered in the browser — the only way to put the whole
//            questionnaire on one page (the app pages it by chapter)
//   blank    (typing only) one plain input on an empty page: the floor of the measurement
//   surveyjs SurveyJS (survey-core + survey-react-ui) on a page of this harness, the same questions
//            converted from our definition (bench/form/convert.ts), the same answers
// Harness pages are served on the app's origin (Playwright routes /__bench/*), so our form's
// autosave reaches the real server. Measures:
//   ready    navigation start → "form-ready" mark (set after the form's first commit, when it is
//            hydrated / rendered and usable), for the largest chapter and the whole questionnaire
//   typing   keystroke → next frame: for each digit typed into a cell of Q091 (chapter 4: sum rows,
//            case flow, derived indicators beside it), from the keydown event's timestamp to a task
//            queued by the next requestAnimationFrame callback (i.e. after style, layout and paint of
//            the frame that shows the digit). Chromium runs with --disable-gpu-vsync and
//            --disable-frame-rate-limit so that the frame is produced when ready rather than at the
//            next 60 Hz tick.
//   paste    a block of 50 rows × 8 figures pasted into a grid of that size (harness page, our form):
//            paste event → the frame that shows the figures, and → the frame after the total row's Σ
// Usage: node bench/form.mjs [--quick] [--runs=3] [--port=3341] [--variants=app,ours,surveyjs,blank] [--typing-only]
//   --variants and --typing-only narrow a run while working on the form; the report wants a full run.
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  arg,
  benchDir,
  copyDb,
  ensureBuild,
  log,
  signedInContext,
  median,
  pct,
  quick,
  r0,
  r1,
  root,
  sleep,
  startServer,
  templateDb,
  writeResult,
} from "./lib/common.mjs";

const runs = Number(arg("runs", quick ? 1 : 3));
const port = Number(arg("port", 3341));
const buildDir = path.join(benchDir, ".build");
const TYPED = quick ? ["r1:incoming"] : ["r1:incoming", "r2_1:pending_start", "r2_2_1:incoming", "r2_2_3:pending_end", "r3:resolved", "r4:pending_end"];
const DIGITS = quick ? "123" : "482913";
const ALL_VARIANTS = ["app", "ours", "surveyjs", "blank"];
const only = new Set(
  String(arg("variants", ALL_VARIANTS.join(",")))
    .split(",")
    .filter(Boolean),
);
const typingOnly = process.argv.includes("--typing-only");

async function bundles() {
  const stubs = { "next/link": "bench/form/stubs/next-link.tsx", "next/navigation": "bench/form/stubs/next-navigation.ts" };
  for (const [out, entry, extra] of [
    ["ours", "ours", []],
    ["surveyjs", "surveyjs", []],
  ]) {
    await build({
      entryPoints: [path.join(benchDir, "form", `${entry}.tsx`)],
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      outfile: path.join(buildDir, `${out}.js`),
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"production"' },
      tsconfig: path.join(root, "tsconfig.json"),
      absWorkingDir: root,
      logLevel: "warning",
      plugins: [
        {
          name: "next-stubs",
          setup(b) {
            b.onResolve({ filter: /^next\/(link|navigation)$/ }, (a) => ({ path: path.join(root, stubs[a.path]) }));
          },
        },
        ...extra,
      ],
    });
  }
}

/** Cells per chapter (a grid's cells less its empty ones; 1 for other questions). */
function cellsPerChapter(q) {
  const count = (p) =>
    p.questions.reduce((s, x) => s + (x.type === "grid" ? x.rows.reduce((t, r) => t + x.columns.length - (r.emptyColumns?.length ?? 0), 0) : 1), 0) +
    p.parts.reduce((s, c) => s + count(c), 0);
  return Object.fromEntries(q.parts.map((p) => [p.id, count(p)]));
}

const LATENCY_PROBE = () => {
  window.__lat = [];
  window.__derived = [];
  const afterFrame = (t0, into) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => into.push(performance.now() - t0);
      ch.port2.postMessage(null);
    });
  // Our form's displays derived from the typed figure (Σ totals, rule messages in the question's
  // list or under a cell, indicators, variations): keystroke → the frame after the last of them
  // changed (one sample per keystroke that changed any). (Not measured for SurveyJS, whose
  // expressions and validators update within the keystroke's own frame.)
  let current = null; // { t0, at }: the keystroke being followed, and its latest derived frame
  const flush = () => {
    if (current && current.at !== null) window.__derived.push(current.at);
    current = null;
  };
  window.__flushDerived = flush;
  new MutationObserver((records) => {
    if (current === null) return;
    const derived = ".computed, .issues, .cell-issues, table.indicators, .previous";
    const hit = (r) =>
      (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest(derived) ||
      [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === 1 && (n.matches(derived) || n.querySelector(derived)));
    if (!records.some(hit)) return;
    const mine = current;
    afterFrame(mine.t0, { push: (v) => (mine.at = Math.max(mine.at ?? 0, v)) });
  }).observe(document, { subtree: true, childList: true, characterData: true });
  addEventListener(
    "keydown",
    (e) => {
      if (!/^[0-9]$/.test(e.key)) return;
      const t0 = e.timeStamp;
      flush();
      current = { t0, at: null };
      afterFrame(t0, window.__lat);
    },
    true,
  );
};

async function main() {
  const buildInfo = await ensureBuild();
  log("bundling the harness pages (esbuild)…");
  await bundles();
  const db = copyDb(templateDb());
  const server = await startServer({ db: db.file, port });
  const base = server.base;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-gpu-vsync",
      "--disable-frame-rate-limit",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-renderer-backgrounding",
      "--disable-background-timer-throttling",
    ],
  });
  const out = { build: buildInfo, runs, typedCells: TYPED.length, digits: DIGITS.length };
  try {
    const context = await signedInContext(browser, base, "correspondent.kz@example.org", { viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LATENCY_PROBE);
    const api = async (p) => {
      const r = await context.request.get(`${base}${p}`);
      if (!r.ok()) throw new Error(`${p}: ${r.status()}`);
      return r.json();
    };
    const questionnaire = await api("/api/cycles/2022-2024/questionnaire");
    const answers = (await api("/api/cycles/2022-2024/replies/KZ/answers")).answers;
    const previous = Object.fromEntries(Object.entries((await api("/api/cycles/2020-2022/replies/KZ/answers")).answers).map(([k, v]) => [k, v.answer]));
    const cells = cellsPerChapter(questionnaire);
    const largest = Object.entries(cells).sort((a, b) => b[1] - a[1])[0][0];
    out.cellsPerChapter = cells;
    out.largestChapter = largest;
    log(`largest chapter: ${largest} (${cells[largest]} cells); whole questionnaire ${Object.values(cells).reduce((a, b) => a + b, 0)} cells`);

    const files = {
      "ours.js": [readFileSync(path.join(buildDir, "ours.js")), "text/javascript"],
      "surveyjs.js": [readFileSync(path.join(buildDir, "surveyjs.js")), "text/javascript"],
      "app.css": [readFileSync(path.join(root, "app", "globals.css")), "text/css"],
      "survey.css": [readFileSync(path.join(root, "node_modules", "survey-core", "survey-core.min.css")), "text/css"],
    };
    await context.route(`${base}/__bench/**`, (route) => {
      const url = new URL(route.request().url());
      const name = url.pathname.slice("/__bench/".length);
      if (files[name]) return route.fulfill({ body: files[name][0], contentType: files[name][1] });
      if (name === "blank.html") {
        // the floor of the measurement: one plain input, no framework (keystroke → next frame of a trivial page)
        return route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html><body><input id="x" aria-label="x"><script>window.__cellInput = () => document.getElementById("x"); performance.mark("form-ready"); document.body.dataset.formReady = "1";</script></body></html>`,
        });
      }
      const m = name.match(/^(ours|surveyjs)\.html$/);
      if (!m) return route.fulfill({ status: 404, body: "" });
      const part = url.searchParams.get("part");
      const data = {
        part,
        questionnaire,
        answers,
        previous,
        previousCycle: "2020-2022",
        saveUrl: "/api/cycles/2022-2024/replies/KZ/answers",
        api: "/api/cycles/2022-2024/replies/KZ",
      };
      const css = m[1] === "surveyjs" ? "survey.css" : "app.css";
      const html =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${m[1]} ${part}</title><link rel="stylesheet" href="/__bench/${css}"></head>` +
        `<body><div id="root"></div><script>window.__BENCH__=${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script type="module" src="/__bench/${m[1]}.js"></script></body></html>`;
      return route.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
    });
    const page = await context.newPage();
    const urlOf = (variant, part) => (variant === "app" ? `${base}/cepej/2022-2024/KZ/${part}` : `${base}/__bench/${variant}.html?part=${part}`);
    const open = async (variant, part) => {
      await page.goto(urlOf(variant, part), { waitUntil: "commit", timeout: 180_000 });
      await page.waitForFunction(() => document.body?.dataset.formReady === "1", null, { timeout: 180_000, polling: 50 });
      return page.evaluate(() => ({
        ready: performance.getEntriesByName("form-ready")[0]?.startTime,
        inputs: document.querySelectorAll("input:not([type=hidden]), textarea, select").length,
        numberInputs: document.querySelectorAll("input[inputmode=decimal], input[type=number]").length,
      }));
    };
    const rotate = (xs, k) => xs.map((_, i) => xs[(i + k) % xs.length]);

    // ---- ready ----------------------------------------------------------------------------------
    const loadVariants = typingOnly
      ? []
      : [
          ["app", largest],
          ["ours", largest],
          ["surveyjs", largest],
          ...(quick
            ? []
            : [
                ["ours", "all"],
                ["surveyjs", "all"],
              ]),
        ].filter(([v]) => only.has(v));
    const ready = {};
    const first = quick ? 1 : 0; // --quick: no warm-up run
    for (let r = first; r <= runs; r++) {
      // run 0 warms caches and JIT
      for (const [variant, part] of rotate(loadVariants, r)) {
        const t = await open(variant, part);
        const key = `${variant}:${part}`;
        log(`ready ${key}${r === 0 ? " (warm-up)" : ""}: ${r0(t.ready)} ms, ${t.inputs} inputs (${t.numberInputs} figures)`);
        if (r === 0) continue;
        (ready[key] ??= { ms: [], inputs: t.inputs, numberInputs: t.numberInputs }).ms.push(t.ready);
      }
    }
    for (const v of Object.values(ready)) {
      v.median = r0(median(v.ms));
      v.ms = v.ms.map(r0);
    }
    out.ready = ready;

    // ---- typing into Q091 -------------------------------------------------------------------------
    const typing = {};
    const typeVariants = ALL_VARIANTS.filter((v) => only.has(v));
    for (let r = first; r <= runs; r++) {
      for (const variant of rotate(typeVariants, r)) {
        await open(variant, "4");
        await sleep(300);
        const lat = [];
        const derived = [];
        let finalValue = null;
        for (const target of TYPED) {
          const [row, col] = target.split(":");
          const ok = await page.evaluate(
            ([row, col]) => {
              const el = window.__cellInput ? window.__cellInput("091", row, col) : document.querySelector(`[data-cell="091:${row}:${col}"] input[type=text]`);
              if (!el) return false;
              el.scrollIntoView({ block: "center" });
              el.focus();
              return true;
            },
            [row, col],
          );
          if (!ok) throw new Error(`${variant}: no input for 091:${target}`);
          await page.keyboard.press("Control+A");
          await sleep(30);
          for (const d of DIGITS) {
            const before = await page.evaluate(() => window.__lat.length);
            await page.keyboard.press(d);
            await page.waitForFunction((n) => window.__lat.length > n, before, { polling: 5 });
            await sleep(60); // a fast typist: ~10 keys per second
          }
          await sleep(100);
          lat.push(...(await page.evaluate(() => window.__lat.splice(0))));
          derived.push(...(await page.evaluate(() => (window.__flushDerived?.(), window.__derived.splice(0)))));
          finalValue = await page.evaluate(() => document.activeElement?.value);
        }
        await sleep(800); // let autosave go out before leaving
        if (r === 0) {
          log(`typing ${variant} (warm-up): p50 ${r1(pct(lat, 50))} p95 ${r1(pct(lat, 95))} ms, last value "${finalValue}"`);
          continue;
        }
        const t = (typing[variant] ??= { p50: [], p95: [], max: [], keystrokes: 0, derivedP50: [], derivedP95: [], derivedSamples: 0 });
        t.p50.push(pct(lat, 50));
        t.p95.push(pct(lat, 95));
        t.max.push(Math.max(...lat));
        t.keystrokes += lat.length;
        if (derived.length) {
          t.derivedP50.push(pct(derived, 50));
          t.derivedP95.push(pct(derived, 95));
          t.derivedSamples += derived.length;
        }
        log(
          `typing ${variant} run ${r}: p50 ${r1(pct(lat, 50))} p95 ${r1(pct(lat, 95))} max ${r1(Math.max(...lat))} ms over ${lat.length} keys${derived.length ? `; totals and messages on screen p50 ${r1(pct(derived, 50))} p95 ${r1(pct(derived, 95))} ms (${derived.length} keys)` : ""}, last value "${finalValue}"`,
        );
      }
    }
    for (const t of Object.values(typing)) {
      t.derivedP50median = t.derivedP50.length ? r1(median(t.derivedP50)) : null;
      t.derivedP95median = t.derivedP95.length ? r1(median(t.derivedP95)) : null;
      t.derivedP50 = t.derivedP50.map(r1);
      t.derivedP95 = t.derivedP95.map(r1);
      t.p50median = r1(median(t.p50));
      t.p95median = r1(median(t.p95));
      t.maxMedian = r1(median(t.max));
      t.p50 = t.p50.map(r1);
      t.p95 = t.p95.map(r1);
      t.max = t.max.map(r1);
    }
    out.typing = typing;

    // ---- a 50 × 8 block pasted into a grid ----------------------------------------------------------
    // Our form only (SurveyJS's matrix has no paste of a block). From the paste event to the frame
    // that shows the 400 figures (applied and painted), and to the frame after the grid's total row
    // shows their sum (applied, painted, and the totals on screen).
    if (!typingOnly && only.has("ours")) {
      const paste = { painted: [], settled: [], applied: [] };
      for (let r = first; r <= runs; r++) {
        await open("ours", "paste");
        await sleep(300);
        for (let k = 0; k < 5; k++) {
          const t = await page.evaluate(
            ([rows, cols, k]) =>
              new Promise((resolve) => {
                const el = document.querySelector('[data-cell="p50:r1:c1"] .num-input input');
                el.focus();
                const text = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => String((i + 1) * 10 + j + k)).join("\t")).join(
                  "\r\n",
                );
                const expected = String(Array.from({ length: rows }, (_, i) => (i + 1) * 10 + k).reduce((a, b) => a + b, 0));
                const data = new DataTransfer();
                data.setData("text/plain", text);
                const sum = document.querySelector('[data-testid="sum-p50:total:c1"]');
                const last = document.querySelector(`[data-cell="p50:r${rows}:c${cols}"] .num-input input`);
                const t0 = performance.now();
                el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
                const applied = performance.now() - t0;
                const afterFrame = (then) =>
                  requestAnimationFrame(() => {
                    const ch = new MessageChannel();
                    ch.port1.onmessage = then;
                    ch.port2.postMessage(null);
                  });
                let painted = null;
                const settle = () => {
                  if (painted === null && last.value === String(rows * 10 + cols - 1 + k)) painted = performance.now() - t0;
                  if (sum.textContent.replace(/\s/g, "").includes(expected)) {
                    resolve({ applied, painted, settled: performance.now() - t0 });
                    return;
                  }
                  afterFrame(settle);
                };
                afterFrame(settle);
              }),
            [50, 8, k],
          );
          log(`paste 50 × 8${r === 0 ? " (warm-up)" : ""}: applied ${r1(t.applied)} ms, painted ${r1(t.painted)} ms, total row ${r1(t.settled)} ms`);
          if (r === 0) continue;
          paste.applied.push(t.applied);
          paste.painted.push(t.painted);
          paste.settled.push(t.settled);
        }
      }
      out.paste = {
        pastes: paste.painted.length,
        appliedMedian: r1(median(paste.applied)),
        paintedMedian: r1(median(paste.painted)),
        paintedMax: r1(Math.max(...paste.painted)),
        settledMedian: r1(median(paste.settled)),
        settledMax: r1(Math.max(...paste.settled)),
      };
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    db.remove();
  }
  writeResult("form", out);
}

await main();
