// Serves the production build for the end-to-end tests on a fresh throw-away database with the demo data.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dir = mkdtempSync(path.join(tmpdir(), "justice-e2e-"));
const env = {
  ...process.env,
  DATABASE_PATH: path.join(dir, "e2e.db"),
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  // The specs sign in with the demo accounts.
  DEMO_DATA: "1",
};
console.log(`e2e server: ${env.DATABASE_PATH}`);
// Spawned directly (not through npx) so that stopping this script stops the server too.
const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...env, PORT: port, HOST: "127.0.0.1" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
// The throw-away database goes with the server (Playwright stops this script with SIGTERM:
// playwright.config.ts, gracefulShutdown); each run left ~150 MB in the temporary folder before.
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
