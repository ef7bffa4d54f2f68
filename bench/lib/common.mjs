// Shared by the benchmark parts: the production server on a throw-away copy of a database, logins,
// statistics, process memory, machine description. Benchmarks are not tests: nothing here asserts.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import http from "node:http";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { cpus, totalmem, tmpdir, loadavg } from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const benchDir = path.join(root, "bench");
export const dataDir = path.join(benchDir, ".data"); // cached databases (git-ignored)
export const resultsDir = path.join(benchDir, "results");
export const AUTH_SECRET = "bench-secret-0123456789abcdef0123456789";
export const quick = process.argv.includes("--quick");
export const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
export const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
export const r1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
export const r0 = (x) => (Number.isFinite(x) ? Math.round(x) : x);
export const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

export function machine() {
  const cpu = cpus();
  return {
    nproc: cpu.length,
    cpu: cpu[0]?.model ?? "?",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      } catch {
        return "?";
      }
    })(),
    sqlite3: (() => {
      try {
        return execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0];
      } catch {
        return "not installed";
      }
    })(),
    loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function writeResult(name, data) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}${quick ? ".quick" : ""}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, machine: machine(), ...data }, null, 2));
  log(`wrote ${path.relative(root, file)}`);
}

// ---- build ---------------------------------------------------------------------------------------

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = 0;
  for (const e of readdirSync(p)) n = Math.max(n, newest(path.join(p, e)));
  return n;
}

/** The production build must exist; it is built when missing (or when --build is given). A build
 *  older than the sources is reported, not rebuilt: other processes may be serving it. */
export async function ensureBuild() {
  const id = path.join(root, ".next", "BUILD_ID");
  // .next without BUILD_ID: another `next build` is running — wait for it rather than build twice
  for (let i = 0; i < 900 && (buildRunning() || (existsSync(path.join(root, ".next")) && !existsSync(id))) && !process.argv.includes("--build"); i++) {
    if (i === 0) log("waiting for a running build to finish…");
    await sleep(1000);
  }
  if (!existsSync(id) || process.argv.includes("--build")) {
    log("building the production app (npx next build)…");
    const b = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const built = statSync(id).mtimeMs;
  const sources = ["app", "components", "lib", "db", "messages", "middleware.ts", "instrumentation.ts"].map((p) => path.join(root, p)).filter(existsSync);
  const stale = sources.some((p) => newest(p) > built);
  if (stale) log("warning: the production build is older than some sources (run with --build to rebuild)");
  return { buildId: readFileSync(id, "utf8").trim(), builtAt: new Date(built).toISOString(), stale };
}

/** Is a `next build` running in this project (another session's, or ours)? */
function buildRunning() {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => /next(\.js)?$|next\/dist\/bin\/next$/.test(a)) && cmd.includes("build") && readlinkSync(`/proc/${pid}/cwd`) === root) return true;
    } catch {}
  }
  return false;
}

/**
 * A private copy of the production build (.next without its cache, ~11 MB) in a temporary folder
 * beside symlinks to the project's files, so that a `next build` started by someone else while the
 * benchmark runs cannot pull files from under its servers. Made once per build id.
 */
export async function appSnapshot() {
  for (let i = 0; ; i++) {
    const id = path.join(root, ".next", "BUILD_ID");
    if (!buildRunning() && existsSync(id) && existsSync(path.join(root, ".next", "prerender-manifest.json"))) {
      const buildId = readFileSync(id, "utf8").trim();
      const dir = path.join(tmpdir(), `bench-app-${buildId}`);
      if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return { dir, buildId };
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(path.join(root, ".next"), path.join(dir, ".next"), { recursive: true, filter: (src) => !src.startsWith(path.join(root, ".next", "cache")) });
      for (const n of [
        "node_modules",
        "package.json",
        "next.config.mjs",
        "tsconfig.json",
        "db",
        "lib",
        "messages",
        "app",
        "components",
        "middleware.ts",
        "instrumentation.ts",
        "public",
      ]) {
        if (existsSync(path.join(root, n))) symlinkSync(path.join(root, n), path.join(dir, n));
      }
      const copied = readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
      if (copied === buildId && !buildRunning() && readFileSync(id, "utf8").trim() === buildId) {
        log(`serving a private copy of build ${buildId} from ${dir}`);
        return { dir, buildId };
      }
      rmSync(dir, { recursive: true, force: true });
    }
    if (i === 0) log("a build is running in the project: waiting for it…");
    if (i > 900) throw new Error("no complete production build to serve");
    await sleep(1000);
  }
}

// ---- databases -----------------------------------------------------------------------------------

const tsx = path.join(root, "node_modules", ".bin", "tsx");

/** The template database (demo data + bench data), cached in bench/.data until the migrations,
 *  the bootstrap or the bench script change. */
export function templateDb() {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "template.db");
  const inputs = [
    path.join(root, "db"),
    path.join(root, "lib", "survey"),
    path.join(root, "lib", "cepej", "fixtures"),
    path.join(benchDir, "lib", "make-db.ts"),
  ];
  if (existsSync(file) && statSync(file).mtimeMs > Math.max(...inputs.filter(existsSync).map(newest))) return file; // (some inputs have moved since)
  log("building the template database (bench/lib/make-db.ts)…");
  const r = spawnSync(tsx, [path.join(benchDir, "lib", "make-db.ts"), file, String(40000)], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error("make-db failed");
  return file;
}

/** The database `npm start` makes (migrations, reference data, the demo: DEMO_DATA=1), cached in
 *  bench/.data until the migrations, the seed or the questionnaires change. */
export function demoDb() {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "demo.db");
  const inputs = [path.join(root, "db"), path.join(root, "seed"), path.join(root, "modules")];
  if (existsSync(file) && statSync(file).mtimeMs > Math.max(...inputs.filter(existsSync).map(newest))) return file; // (some inputs have moved since)
  log("building the demo database (scripts/seed.ts with DEMO_DATA=1)…");
  rmSync(file, { force: true });
  const r = spawnSync(tsx, [path.join(root, "scripts", "seed.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: file, DEMO_DATA: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error("seed failed");
  return file;
}

/** A throw-away copy of a database file in a fresh temporary folder. */
export function copyDb(file) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-db-"));
  const out = path.join(dir, "bench.db");
  copyFileSync(file, out);
  return { file: out, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- server --------------------------------------------------------------------------------------

/** The production server (scripts/server.mjs) on DATABASE_PATH=db; resolves when /login answers. */
/** Refuses a port something already listens on: the readiness poll below would take that server
 *  (a leftover of an interrupted run) for the new one, and measure the wrong server and database. */
async function ensurePortFree(port) {
  const net = await import("node:net");
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is taken (a server left over from an interrupted run? \`ss -ltnp\` names it)`)));
    probe.listen(port, "127.0.0.1", () => probe.close(resolve));
  });
}

export async function startServer({ db, port, env = {}, nodeArgs = [] }) {
  const base = `http://127.0.0.1:${port}`;
  await ensurePortFree(port);
  const app = await appSnapshot();
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "server.mjs")], {
    // as scripts/start.mjs
    cwd: app.dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: db,
      AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      DEMO_DATA: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // A run that fails (an exception) does not leave its server behind on the port.
  const orphan = () => child.exitCode === null && child.kill("SIGKILL");
  process.once("exit", orphan);
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (Date.now() - t0 > 120_000) {
      child.kill();
      throw new Error(`server did not start: ${stderr}`);
    }
    await sleep(250);
  }
  const pid = serverPid(port) ?? child.pid;
  return {
    base,
    port,
    pid,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      for (let i = 0; i < 40 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** The process that listens on the port (next start may run the server in a child). */
function serverPid(port) {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const m = out.match(/pid=(\d+)/);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header value. */
export async function login(base, email, password = "demo-password") {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`login failed for ${email}: HTTP ${res.status}`);
  return cookie();
}

/** A browser context signed in as `email` (the session cookie of login() given to the browser). */
export async function signedInContext(browser, base, email, options = {}) {
  const cookie = await login(base, email);
  const context = await browser.newContext(options);
  await context.addCookies(
    cookie.split("; ").map((c) => {
      const i = c.indexOf("=");
      return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
    }),
  );
  return context;
}

// ---- memory --------------------------------------------------------------------------------------

const status = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
};
const kb = (text, key) => Number((text.match(new RegExp(`^${key}:\\s+(\\d+)`, "m")) ?? [])[1] ?? NaN);
export const rssMiB = (pid) => kb(status(pid), "VmRSS") / 1024;

/** Resets the process's peak RSS (VmHWM) so that the next peakMiB() is the peak since now. */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
export const peakMiB = (pid) => kb(status(pid), "VmHWM") / 1024;

/** Samples RSS every `every` ms until stopped; returns {max, samples}. */
export function sampleRss(pid, every = 25) {
  let max = rssMiB(pid);
  let n = 0;
  const timer = setInterval(() => {
    const r = rssMiB(pid);
    n++;
    if (r > max) max = r;
  }, every);
  return {
    stop: () => {
      clearInterval(timer);
      return { max, samples: n };
    },
  };
}

/** The 1 000 000-interview database (bench/lib/make-million.ts), cached in bench/.data. */
export function millionDb() {
  const tpl = templateDb();
  const file = path.join(dataDir, "million.db");
  const inputs = [tpl, path.join(root, "lib", "survey"), path.join(benchDir, "lib", "make-million.ts")];
  if (existsSync(file) && statSync(file).mtimeMs > Math.max(...inputs.filter(existsSync).map(newest))) return file; // (some inputs have moved since)
  log("building the 1 000 000-interview database (bench/lib/make-million.ts, a few minutes)…");
  const r = spawnSync(
    process.execPath,
    ["--max-old-space-size=12000", "--import", "tsx", path.join(benchDir, "lib", "make-million.ts"), tpl, file, "1000000", "2030"],
    { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
  );
  if (r.status !== 0) throw new Error("make-million failed");
  return file;
}

/**
 * GET over a fresh connection with no client-side timeouts (fetch's undici gives up after 300 s
 * without headers or between chunks, and may reuse a keep-alive socket the server has closed).
 * onChunk(buffer) sees the body as it arrives; resolves {status, body?} (body only without onChunk).
 */
export function httpGet(url, { cookie, onChunk } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request(
      { hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: "GET", agent: false, headers: cookie ? { cookie } : {} },
      (res) => {
        const chunks = [];
        res.on("data", (c) => (onChunk ? onChunk(c) : chunks.push(c)));
        let ended = false;
        res.on("end", () => {
          ended = true;
          resolve({ status: res.statusCode, body: onChunk ? null : Buffer.concat(chunks).toString() });
        });
        res.on("error", reject);
        res.on("close", () => {
          if (!ended) reject(Object.assign(new Error("the connection closed before the end of the response"), { code: "ECONNRESET" }));
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
