// `npm start`: build the production app when the build is missing or older than the sources,
// then serve it (port 3000, PORT overrides). The database is created, migrated and seeded by the
// app itself when it starts (instrumentation.ts). This is the README's try-it command, so it turns
// the demo data on unless DEMO_DATA is set; the server alone (`next start`) never does.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "modules", "lib", "db", "seed", "messages", "middleware.ts", "instrumentation.ts", "next.config.mjs", "package.json"]
  .map((p) => path.join(root, p))
  .filter(existsSync);
const stale = !existsSync(buildId) || sources.some((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs) > statSync(buildId).mtimeMs);

if (stale) {
  console.log("Building the production app (first start or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.DEMO_DATA ??= "1";
console.log(
  process.env.DEMO_DATA === "1"
    ? "Demo data: on — demo accounts with a known password; set DEMO_DATA=0 for production"
    : "Demo data: off — create the first administrator with npm run create-admin (or ADMIN_EMAIL and ADMIN_PASSWORD)",
);
const port = process.env.PORT ?? "3000";
console.log(`Starting on http://localhost:${port} (database: ${process.env.DATABASE_PATH ?? "data/app.db"})`);
const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
