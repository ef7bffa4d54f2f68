// App servers of a spec's own (not the suite's shared server): instances of the production build on
// a database of the spec's choosing, a round-robin proxy in front of several, signed-in API clients,
// and the autosave clients of the concurrency specs (crash, instances, postgres-cluster).
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

export const PASSWORD = "demo-password";

export type Instance = { port: number; child: ChildProcess; output: () => string };

/** Starts `scripts/server.mjs` on a port with the demo data; `database` is DATABASE_PATH or DATABASE_URL. */
export function startInstance(
  port: number,
  database: { DATABASE_PATH: string } | { DATABASE_URL: string },
  secret = "cluster-secret-0123456789-0123456789",
): Instance {
  const { DEMO_DATA: _d, ADMIN_EMAIL: _e, ADMIN_PASSWORD: _p, DATABASE_PATH: _f, DATABASE_URL: _u, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...inherited,
      ...database,
      PORT: String(port),
      HOST: "127.0.0.1",
      // One secret for every instance: a session signed by one is read by the other.
      AUTH_SECRET: secret,
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_DATA: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { port, child, output: () => output };
}

/** Waits until the instance answers its health check (a first start seeds the demo: minutes under load). */
export async function ready(instance: Instance) {
  for (let i = 0; i < 720; i++) {
    if (instance.child.exitCode !== null) throw new Error(`instance on ${instance.port} exited: ${instance.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${instance.port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on ${instance.port} did not start: ${instance.output()}`);
}

/** Stops an instance with a signal and waits until it has exited. */
export async function stopInstance(instance: Instance, signal: NodeJS.Signals = "SIGTERM") {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

/**
 * A round-robin proxy that says which instance answered (x-instance). Like a load balancer's
 * health check, it passes a request that an instance refused to connect (stopped, restarting) to
 * the next one: nothing of it reached the app, so nothing is sent twice. A connection lost while
 * the instance was working on it answers 502: the client does not know whether it was saved.
 */
export function startProxy(ports: number[], port: number): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const target = ports[next++ % ports.length];
        const upstream = http.request({ host: "127.0.0.1", port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-instance": String(target) });
          answer.pipe(res);
        });
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tries < ports.length) return attempt(tries + 1);
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Signs in through the API as a browser's form would; the context keeps the session cookie. */
export async function signIn(base: string, email: string, password = PASSWORD): Promise<{ ctx: APIRequestContext; status: number }> {
  const ctx = await playwrightRequest.newContext({ baseURL: base });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  return { ctx, status: res.status() };
}

/** The number cells of a questionnaire definition that are always enabled. */
export function numberCells(definition: { parts: unknown[] }): string[] {
  const cells: string[] = [];
  const visit = (part: any) => {
    for (const q of part.questions)
      if (q.type === "grid")
        for (const r of q.rows)
          for (const c of q.columns)
            if (c.cell.kind === "number" && !r.emptyColumns?.includes(c.id) && !q.enabledWhen && !r.enabledWhen) cells.push(`${q.id}:${r.id}:${c.id}`);
    part.parts.forEach(visit);
  };
  definition.parts.forEach(visit);
  return cells;
}

export type Ack = { cell: string; value: number; version: number };

/** One client saving its own cells one after another, as autosave does; pushes acknowledged saves. */
export async function saveClient(
  request: APIRequestContext,
  url: string,
  cells: string[],
  rounds: number,
  acks: Ack[],
  errors: string[],
  stop: () => boolean,
  k = 0,
) {
  const versions = new Map<string, number>();
  for (let r = 0; r < rounds && !stop(); r++) {
    for (const cell of cells) {
      if (stop()) return;
      // 1–99 fits every number cell (percentages too); successive values of a client always differ,
      // and two clients on the same cell never write the same value.
      const value = 1 + ((r * 50 + k) % 98);
      try {
        const res = await request.put(url, {
          data: { changes: [{ cell, value: { num: value, text: null, status: null }, baseVersion: versions.get(cell) ?? 0 }] },
        });
        if (res.status() === 200) {
          const body = await res.json();
          versions.set(cell, body.saved[0].version);
          acks.push({ cell, value, version: body.saved[0].version });
        } else if (res.status() === 409) {
          const body = await res.json();
          versions.set(cell, body.conflicts[0].version); // someone else's save: both values shown, nothing lost
        } else errors.push(`${res.status()} ${await res.text()}`);
      } catch (e) {
        if (!stop()) errors.push(String(e));
      }
    }
  }
}

type Stored = Record<string, { answer: { num: number }; version: number }>;

/** Every acknowledged save is stored: per cell, the last acknowledged value at its version, one
 *  version per acknowledged change (none lost, none applied twice). */
export function lostOrDuplicated(stored: Stored, acks: Ack[]): string[] {
  const problems: string[] = [];
  const byCell = new Map<string, Ack[]>();
  for (const a of acks) byCell.set(a.cell, [...(byCell.get(a.cell) ?? []), a]);
  for (const [cell, list] of byCell) {
    const last = list.reduce((a, b) => (b.version > a.version ? b : a));
    if (stored[cell]?.answer.num !== last.value) problems.push(`${cell}: stored ${stored[cell]?.answer.num}, acknowledged ${last.value}`);
    if (stored[cell]?.version !== last.version) problems.push(`${cell}: version ${stored[cell]?.version}, acknowledged ${last.version}`);
    if (new Set(list.map((a) => a.version)).size !== list.length) problems.push(`${cell}: two acknowledgements of one version`);
  }
  return problems;
}

/** After a crash: every save acknowledged before it is there (a save may have committed after its
 *  reply was lost: then the stored version is newer). Returns the cells whose save was lost. */
export function lostAfterCrash(stored: Stored, acks: Ack[]): string[] {
  const acknowledged = new Map<string, Ack>();
  for (const a of acks) if (!acknowledged.has(a.cell) || acknowledged.get(a.cell)!.version < a.version) acknowledged.set(a.cell, a);
  const lost: string[] = [];
  for (const [cell, a] of acknowledged)
    if (!stored[cell] || stored[cell].version < a.version || (stored[cell].version === a.version && stored[cell].answer.num !== a.value)) lost.push(cell);
  return lost;
}
