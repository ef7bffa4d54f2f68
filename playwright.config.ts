// End-to-end tests: real Chromium (Debian's, no download) against the production build served by
// `next start` on a throw-away database. One build; one server per engine, shared by the specs.
import { defineConfig } from "@playwright/test";
import { postgresBin } from "./testing/postgres";

// Every server the suite starts refuses a database write made outside a transaction, and a
// transaction that waits on I/O (db/transaction.ts): a bug the suite should see as a failure.
process.env.DB_STRICT ??= "1";
const port = Number(process.env.E2E_PORT ?? 3100);

// Engines: every spec runs against a server on SQLite. E2E_POSTGRES=1 adds a second server on
// PostgreSQL (port + 1) for the flows of each kind of user and the authorization matrix
// (POSTGRES_SPECS); E2E_ENGINE=postgres runs the specs given (or all) on PostgreSQL only (`npm run
// test:pg`: these and five more). Not yet in `npm test`: together they take about 5 minutes on the 2-core CI
// machine, which the suite's 30 minutes do not hold yet. e2e/postgres-cluster.spec.ts starts a
// PostgreSQL of its own in every run.
const POSTGRES_SPECS = ["questionnaire.spec.ts", "survey.spec.ts", "reporting.spec.ts", "reporting-concurrency.spec.ts", "authorization.spec.ts"];
const only = process.env.E2E_ENGINE === "postgres";
const withPostgres = only || (process.env.E2E_POSTGRES === "1" && postgresBin() !== null);
const servers = [
  ...(only ? [] : [{ engine: "sqlite", port, command: `node scripts/serve-e2e.mjs ${port}` }]),
  ...(withPostgres ? [{ engine: "postgres", port: only ? port : port + 1, command: `npx tsx scripts/serve-e2e-pg.ts ${only ? port : port + 1}` }] : []),
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0, // a flaky test is a bug to fix, not to retry
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  projects: servers.map((s) => ({
    name: s.engine,
    ...(s.engine === "postgres" && !only ? { testMatch: POSTGRES_SPECS } : {}),
    use: { baseURL: `http://127.0.0.1:${s.port}` },
  })),
  use: {
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
  webServer: servers.map((s) => ({
    command: s.command,
    url: `http://127.0.0.1:${s.port}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // Stopped with SIGTERM, not Playwright's default SIGKILL: the scripts then stop their server and
    // remove their throw-away database (and PostgreSQL server, which a SIGKILL left running).
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
  })),
});
