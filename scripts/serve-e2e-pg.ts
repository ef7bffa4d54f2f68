// Serves the production build for the end-to-end tests on PostgreSQL: a throw-away server
// (testing/postgres.ts: Debian's binaries, a temporary folder, 127.0.0.1 only) with the demo data,
// removed when this script is stopped. `E2E_ENGINE=postgres npx playwright test …` uses it.
import { spawn } from "node:child_process";
import { startTestPostgres } from "../testing/postgres";

async function main() {
  const port = process.argv[2] ?? "3100";
  const postgres = await startTestPostgres();
  console.log(`e2e server on PostgreSQL: ${postgres.url}`);
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_DATA: "1",
      PORT: port,
      HOST: "127.0.0.1",
    },
  });
  const stop = (code: number) => {
    postgres.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.kill(signal);
      server.once("exit", () => stop(0));
    });
  server.on("exit", (code) => stop(code ?? 0));
}

void main();
