// End-to-end tests: real Chromium (Debian's, no download) against the production build served by
// `next start` on a throw-away database. One build and one server are shared by all specs.
import { defineConfig } from "@playwright/test";

// Every server the suite starts refuses a database write made outside a transaction, and a
// transaction that waits on I/O (db/transaction.ts): a bug the suite should see as a failure.
process.env.DB_STRICT ??= "1";
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0, // a flaky test is a bug to fix, not to retry
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    // E2E_ENGINE=postgres: the same build on a throw-away PostgreSQL (scripts/serve-e2e-pg.ts).
    command: process.env.E2E_ENGINE === "postgres" ? `npx tsx scripts/serve-e2e-pg.ts ${port}` : `node scripts/serve-e2e.mjs ${port}`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
