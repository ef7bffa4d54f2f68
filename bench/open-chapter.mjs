// Benchmark: opening a CEPEJ chapter with Kazakhstan's data in headless Chromium against the
// production build. Reports the server's response time (request → last byte of HTML) and the time
// until the form is hydrated and usable ("form-ready"), median of N runs per chapter.
// Usage: npm run build && node bench/open-chapter.mjs [runs=5]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 5);
const port = 3200;
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "bench-"));
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  env: {
    ...process.env,
    DATABASE_PATH: path.join(dir, "bench.db"),
    AUTH_SECRET: "bench-secret-0123456789abcdef",
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO_DATA: "1",
  },
  stdio: "ignore",
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("correspondent.kz@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/`);
  console.log(`| chapter | cells | server response (ms) | form ready (ms) |\n|---|---|---|---|`);
  for (const chapter of ["1", "3", "4", "5"]) {
    const server = [],
      ready = [];
    let cells = 0;
    for (let r = 0; r < runs + 1; r++) {
      await page.goto(`${base}/cepej/2020-2022/KZ/${chapter}`);
      await page.waitForFunction(() => document.body.dataset.formReady === "1");
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          server: nav.responseEnd - nav.requestStart,
          ready: performance.getEntriesByName("form-ready")[0].startTime,
          cells: document.querySelectorAll("[data-cell]").length,
        };
      });
      if (r === 0) continue; // first load warms the server's caches
      server.push(t.server);
      ready.push(t.ready);
      cells = t.cells;
    }
    console.log(`| ${chapter} | ${cells} | ${median(server).toFixed(0)} | ${median(ready).toFixed(0)} |`);
  }
  await browser.close();
} finally {
  server.kill();
}
