// Profile of typing into Q091 (where the keystroke latency of Part 1 goes): our form on the
// harness page, bundled WITHOUT minification so that function names survive, Chromium's CPU
// profiler (CDP) on while digits are typed; prints the functions with the most self time and the
// components/modules with the most inclusive time per keystroke. With --paste, the same for a
// 50 × 8 block pasted into the harness's paste grid (per paste instead of per keystroke).
// Usage: node bench/form-profile.mjs [keys=60] [--paste] [--port=3351]
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { arg, benchDir, copyDb, ensureBuild, signedInContext, root, sleep, startServer, templateDb, writeResult } from "./lib/common.mjs";

const keys = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 60);
const port = Number(arg("port", 3351));
const pasting = process.argv.includes("--paste");

/** In the page: a 50 × 8 block (numbers varied by k) pasted into the paste grid's first cell; resolves
 *  when the grid's total shows its sum. */
function pasteBlock(k) {
  return new Promise((resolve) => {
    const el = document.querySelector('[data-cell="p50:r1:c1"] .num-input input');
    el.focus();
    const text = Array.from({ length: 50 }, (_, i) => Array.from({ length: 8 }, (_, j) => String((i + 1) * 10 + j + k)).join("\t")).join("\r\n");
    const expected = String(Array.from({ length: 50 }, (_, i) => (i + 1) * 10 + k).reduce((a, b) => a + b, 0));
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const sum = document.querySelector('[data-testid="sum-p50:total:c1"]');
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    const check = () => (sum.textContent.replace(/\s/g, "").includes(expected) ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

async function main() {
  await ensureBuild();
  const stubs = { "next/link": "bench/form/stubs/next-link.tsx", "next/navigation": "bench/form/stubs/next-navigation.ts" };
  const outfile = path.join(benchDir, ".build", "ours.profile.js");
  await build({
    entryPoints: [path.join(benchDir, "form", "ours.tsx")],
    bundle: true,
    minify: false,
    format: "esm",
    target: "es2022",
    outfile,
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
    ],
  });
  const db = copyDb(templateDb());
  const server = await startServer({ db: db.file, port });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-gpu-vsync", "--disable-frame-rate-limit"],
  });
  try {
    const base = server.base;
    const context = await signedInContext(browser, base, "correspondent.kz@example.org", { viewport: { width: 1400, height: 900 } });
    const api = async (p) => (await context.request.get(`${base}${p}`)).json();
    const data = {
      part: pasting ? "paste" : "4",
      questionnaire: await api("/api/cycles/2022-2024/questionnaire"),
      answers: (await api("/api/cycles/2022-2024/replies/KZ/answers")).answers,
      previous: Object.fromEntries(Object.entries((await api("/api/cycles/2020-2022/replies/KZ/answers")).answers).map(([k, v]) => [k, v.answer])),
      previousCycle: "2020-2022",
      saveUrl: "/api/cycles/2022-2024/replies/KZ/answers",
      api: "/api/cycles/2022-2024/replies/KZ",
    };
    await context.route(`${base}/__bench/**`, (route) => {
      const name = new URL(route.request().url()).pathname.slice(9);
      if (name === "ours.js") return route.fulfill({ body: readFileSync(outfile), contentType: "text/javascript" });
      if (name === "app.css") return route.fulfill({ body: readFileSync(path.join(root, "app", "globals.css")), contentType: "text/css" });
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html><head><link rel="stylesheet" href="/__bench/app.css"></head><body><div id="root"></div><script>window.__BENCH__=${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script type="module" src="/__bench/ours.js"></script></body></html>`,
      });
    });
    // Which components render per keystroke: a minimal React DevTools hook counts, at every commit,
    // the function components that performed work (fiber flag PerformedWork), by name.
    await context.addInitScript(() => {
      window.__renders = {};
      window.__counting = false;
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject() {
          return 1;
        },
        checkDCE() {},
        onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {},
        onScheduleFiberRoot() {},
        onCommitFiberRoot(_id, root) {
          if (!window.__counting) return;
          const walk = (f) => {
            for (; f; f = f.sibling) {
              if (typeof f.type === "function" && f.flags & 1 && f.alternate) {
                const n = f.type.displayName || f.type.name || "?";
                window.__renders[n] = (window.__renders[n] ?? 0) + 1;
              }
              if (f.child) walk(f.child);
            }
          };
          walk(root.current.child);
        },
      };
    });
    const page = await context.newPage();
    await page.goto(`${base}/__bench/ours.html?part=${pasting ? "paste" : "4"}`);
    await page.waitForFunction(() => document.body.dataset.formReady === "1");
    await sleep(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    const cellsToType = ["r1:incoming", "r2_1:pending_start", "r3:resolved", "r4:pending_end", "r2_2_1:incoming", "r2_3:resolved"];
    if (pasting) {
      await page.evaluate(pasteBlock, 100); // warm-up
      await cdp.send("Profiler.start");
      const pastes = Math.max(1, Math.round(keys / 12));
      for (let k = 0; k < pastes; k++) await page.evaluate(pasteBlock, k);
      const { profile } = await cdp.send("Profiler.stop");
      const result = { pastes, ...summarise(profile, pastes, "msPerPaste") };
      console.log(JSON.stringify(result, null, 1));
      writeResult("form-profile-paste", result);
      return;
    }
    await cdp.send("Profiler.start");
    let typed = 0;
    for (let i = 0; typed < keys; i++) {
      const [row, col] = cellsToType[i % cellsToType.length].split(":");
      await page.evaluate(
        ([row, col]) => {
          const el = window.__cellInput("091", row, col);
          el.scrollIntoView({ block: "center" });
          el.focus();
          el.select();
        },
        [row, col],
      );
      for (const d of "48291") {
        await page.keyboard.press(d);
        typed++;
        await sleep(60);
      }
    }
    const { profile } = await cdp.send("Profiler.stop");
    await page.evaluate(() => {
      window.__counting = true;
    });
    let counted = 0;
    for (let i = 0; counted < 20; i++) {
      const [row, col] = cellsToType[i % cellsToType.length].split(":");
      await page.evaluate(
        ([row, col]) => {
          const el = window.__cellInput("091", row, col);
          el.focus();
          el.select();
        },
        [row, col],
      );
      await page.evaluate(() => {
        window.__renders = {};
      });
      for (const d of "4829") {
        await page.keyboard.press(d);
        counted++;
        await sleep(60);
      }
    }
    const renders = await page.evaluate(() => window.__renders);
    await page.evaluate(() => {
      window.__counting = false;
    });
    // Where the rest of a keystroke goes (style, layout, paint …): a Chromium trace of 20 keystrokes,
    // durations of the renderer main thread's events summed by name (top-level events, and the
    // rendering steps wherever they are nested).
    await browser.startTracing(page, { categories: ["devtools.timeline"] });
    let traced = 0;
    for (let i = 0; traced < 20; i++) {
      const [row, col] = cellsToType[i % cellsToType.length].split(":");
      await page.evaluate(
        ([row, col]) => {
          const el = window.__cellInput("091", row, col);
          el.focus();
          el.select();
        },
        [row, col],
      );
      for (const d of "4829") {
        await page.keyboard.press(d);
        traced++;
        await sleep(60);
      }
    }
    const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = trace.find(
      (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain" && trace.some((x) => x.pid === e.pid && x.name === "EventDispatch"),
    );
    const events = trace.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur).sort((a, b) => a.ts - b.ts);
    const topEv = new Map(),
      steps = new Map(),
      stepEnd = new Map();
    let end = -1;
    const STEPS = new Set([
      "EventDispatch",
      "FunctionCall",
      "UpdateLayoutTree",
      "Layout",
      "PrePaint",
      "Paint",
      "Layerize",
      "HitTest",
      "ParseHTML",
      "MajorGC",
      "MinorGC",
      "V8.GC_SCAVENGER",
      "ScheduleStyleRecalculation",
    ]);
    for (const e of events) {
      if (e.ts >= end) {
        topEv.set(e.name, (topEv.get(e.name) ?? 0) + e.dur / 1000);
        end = e.ts + e.dur;
      }
      if (STEPS.has(e.name) && e.ts >= (stepEnd.get(e.name) ?? -1)) {
        // not nested in an event of the same name
        steps.set(e.name, (steps.get(e.name) ?? 0) + e.dur / 1000);
        stepEnd.set(e.name, e.ts + e.dur);
      }
    }
    const perKey = (m) =>
      Object.fromEntries(
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => [k, Math.round((v / traced) * 100) / 100]),
      );
    const trace20 = {
      keys: traced,
      topLevelMsPerKey: perKey(topEv),
      stepsMsPerKey: perKey(steps),
      mainThreadMsPerKey: Math.round(([...topEv.values()].reduce((a, b) => a + b, 0) / traced) * 10) / 10,
    };
    const rendersPerKey = Object.fromEntries(
      Object.entries(renders)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => [k, Math.round((v / counted) * 10) / 10]),
    );
    const { busyMsPerKey, self, inclusive, components } = summarise(profile, typed, "msPerKey");
    const result = {
      keys: typed,
      busyMsPerKey,
      self,
      inclusive,
      components,
      rendersPerKey,
      trace: trace20,
    };
    console.log(JSON.stringify(result, null, 1));
    writeResult("form-profile", result);
  } finally {
    await browser.close();
    await server.stop();
    db.remove();
  }
}

/** A CPU profile summed per function: self time, inclusive time (each function once per stack) and
 *  the inclusive time of React components, per action (keystroke or paste). */
function summarise(profile, actions, unit) {
  // self time per function, inclusive time per function (each function counted once per stack)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(),
    incl = new Map();
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url ? path.basename(n.callFrame.url) : ""}:${n.callFrame.lineNumber + 1}`;
  const dts = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const dt = (dts[i + 1] ?? 0) / 1000;
    let n = byId.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      if (!seen.has(l)) {
        seen.add(l);
        incl.set(l, (incl.get(l) ?? 0) + dt);
      }
    }
  });
  const top = (m, k) =>
    [...m]
      .filter(([l]) => !/^\((idle|program|root)\)/.test(l))
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, ms]) => ({ fn: l, [unit]: Math.round((ms / actions) * 100) / 100 }));
  const busy = [...self].filter(([l]) => !/^\((idle|program)\)/.test(l)).reduce((s, [, v]) => s + v, 0);
  const components = new Map([...incl].filter(([l]) => /^[A-Z]\w* /.test(l) && !/^(Profiler|Function|Object|Array|Promise|JSON|Map|Set)/.test(l)));
  return {
    [unit === "msPerKey" ? "busyMsPerKey" : "busyMsPerPaste"]: Math.round((busy / actions) * 10) / 10,
    self: top(self, 25),
    inclusive: top(incl, 40),
    components: top(components, 25),
  };
}

await main();
