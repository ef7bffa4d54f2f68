// A throw-away PostgreSQL server for tests: Debian's binaries (.ci/run installs the `postgresql`
// package), `initdb` into a temporary folder, listening on 127.0.0.1 only at a free port, stopped
// and removed at the end. No mock: the tests that need PostgreSQL talk to a real server.
// As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestPostgres = { url: string; stop: () => void };

/** The folder of PostgreSQL's server binaries (PG_BIN overrides), or null where none is installed. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, "initdb")) ? process.env.PG_BIN : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const postgresUser = () => {
  if (process.getuid?.() !== 0) return null;
  const line = execFileSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).trim();
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
};

/** Starts a new server with one database, `app`, for the user `app` (password `app`). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL's server binaries are not installed (apt-get install postgresql)");
  const dir = mkdtempSync(path.join(tmpdir(), "pg-test-"));
  const data = path.join(dir, "data");
  const owner = postgresUser();
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(path.join(bin, cmd), args, {
      stdio: "pipe",
      encoding: "utf8",
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      env: { ...process.env, LC_ALL: "C.UTF-8" },
    });
  run("initdb", ["-D", data, "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  // Durability does not matter for a throw-away server; speed does.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "app", "app"]);
  let stopped = false;
  return {
    url: `postgres://app:app@127.0.0.1:${port}/app`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates a database on a test server, a copy of `template` when given (PostgreSQL copies the
 * files: the demo's 900 000 answers in about a second, instead of seeding them again).
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"${template ? ` template "${template}" strategy file_copy` : ""}`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
