// `npm run test:e2e`: one production build shared by every spec, then Playwright.
// SKIP_BUILD=1 reuses an existing build.
import { spawnSync } from "node:child_process";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.SKIP_BUILD) run("npx", ["next", "build"]);
run("npx", ["playwright", "test", ...process.argv.slice(2)]);
