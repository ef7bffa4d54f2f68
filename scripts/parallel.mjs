// Runs npm scripts at the same time and fails if any fails: `node scripts/parallel.mjs lint typecheck`.
// `npm test` runs the static checks this way: ESLint and tsc each keep one core busy for about a
// minute, and one after the other they left the second core idle. Each script's output is printed
// whole when it ends (not interleaved line by line), with its time.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error("usage: node scripts/parallel.mjs <npm script> …");
  process.exit(2);
}

const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn("npm", ["run", "--silent", name], { stdio: ["ignore", "pipe", "pipe"] });
      const output = [];
      child.stdout.on("data", (d) => output.push(d));
      child.stderr.on("data", (d) => output.push(d));
      child.on("close", (code, signal) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`\n── npm run ${name}: ${code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s ──\n`);
        process.stdout.write(Buffer.concat(output));
        resolve(code === 0);
      });
    }),
);

const passed = await Promise.all(runs);
process.exit(passed.every(Boolean) ? 0 : 1);
