// Request bodies are refused before they are read (scripts/server.mjs, lib/http/body-gate.mjs):
// anonymous ones, oversized ones, ones to addresses that take none; a body that never arrives in
// full gets 408 instead of holding the request open. Raw sockets, so that the client sends what
// it announces only as the test decides.
import { expect, test } from "@playwright/test";
import { connect } from "node:net";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loggedInPage } from "./helpers";

const port = Number(process.env.E2E_PORT ?? 3100);
const MB = 1024 * 1024;

type Sent = { status: number; body: string; ms: number };

/** Sends the request head, then the body slowly, until the server answers (or `bodyBytes` are
 *  sent); resolves with the status line and body of the answer and how long it took. */
function send(head: string, bodyBytes: number, opts: { chunk?: number; stopAfter?: number; port?: number } = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(opts.port ?? port, "127.0.0.1");
    let answer = "";
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(opts.chunk ?? MB, 0x20);
    const pump = () => {
      while (!answered && sent < Math.min(bodyBytes, opts.stopAfter ?? Infinity)) {
        const n = Math.min(chunk.length, bodyBytes - sent);
        sent += n;
        if (!socket.write(chunk.subarray(0, n))) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(head);
      pump();
    });
    // Done when the whole answer is in (its Content-Length), or when the server closes.
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      if (!status) return reject(new Error(`no answer after ${Date.now() - started} ms`));
      resolve({ status, body: answer.slice(answer.indexOf("\r\n\r\n") + 4), ms: Date.now() - started });
      socket.destroy();
    };
    socket.on("data", (d) => {
      answered = true;
      answer += d.toString("latin1");
      const end = answer.indexOf("\r\n\r\n");
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(answer)?.[1] ?? NaN);
      if (end >= 0 && answer.length - end - 4 >= length) finish();
    });
    socket.on("close", finish);
    socket.on("error", () => {}); // the server closes while we still send: expected
  });
}

const head = (method: string, url: string, length: number | null, extra = "") =>
  `${method} ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
  (length === null ? "Transfer-Encoding: chunked\r\n" : `Content-Length: ${length}\r\n`) +
  `${extra}Connection: close\r\n\r\n`;

/** A server of this spec's own, so that what other specs do meanwhile does not move its memory. */
async function ownServer(ownPort: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "bodies-"));
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(ownPort),
      HOST: "127.0.0.1",
      DATABASE_PATH: path.join(dir, "app.db"),
      AUTH_SECRET: "bodies-secret-0123456789",
      DEMO_DATA: "0",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${ownPort}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

/** A process's resident memory now and its peak since the last reset (kB), from /proc. */
function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]);
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

test("20 anonymous 50 MB bodies in parallel: each refused within 1 s, the server's memory does not grow by 20 MB", async () => {
  test.setTimeout(90_000);
  const ownPort = 3450;
  const server = await ownServer(ownPort);
  try {
    // Warm: the first requests load code the measured ones then reuse.
    await send(head("POST", "/api/survey/waves/2026/sample", 1000), 1000, { port: ownPort });
    const before = memory(server.pid!);
    writeFileSync(`/proc/${server.pid}/clear_refs`, "5"); // resets the peak (VmHWM) to the current size
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(head(i % 2 ? "PUT" : "POST", i % 2 ? "/api/reports/1/answers" : "/api/survey/waves/2026/sample", 50 * MB), 50 * MB, { port: ownPort }),
      ),
    );
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(JSON.parse(a.body)).toEqual({ error: "Sign in first." });
      expect(a.ms).toBeLessThan(1000);
    }
    const after = memory(server.pid!);
    console.log(`bodies: 20 × 50 MB anonymous, server resident ${before.rss} kB before, peak ${after.peak} kB`);
    expect(after.peak - before.rss).toBeLessThan(20 * 1024);
  } finally {
    server.kill("SIGKILL");
  }
});

test("a signed-in caller's body over the route's limit is refused from its Content-Length, before it is sent", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const big = await send(head("PUT", "/api/cycles/2020-2022/replies/KZ/answers", 50 * MB, `Cookie: ${cookie}\r\n`), 50 * MB, { stopAfter: 2 });
  expect(big.status).toBe(413);
  expect(JSON.parse(big.body).error).toMatch(/larger than \d+ bytes/);
  expect(big.ms).toBeLessThan(1000);
  // A body the client announces and never finishes sending: 408, not a request held open.
  test.setTimeout(60_000);
  const slow = await send(head("PUT", "/api/cycles/2020-2022/replies/KZ/answers", 100, `Cookie: ${cookie}\r\n`), 100, { stopAfter: 2, chunk: 2 });
  expect(slow.status).toBe(408);
  expect(JSON.parse(slow.body)).toEqual({ error: "The request body did not arrive in time." });
});

test("a body to an address that takes none, or without a length, is refused at once", async () => {
  const get = await send(head("GET", "/api/health", 10), 10);
  expect(get.status).toBe(413);
  expect(JSON.parse(get.body)).toEqual({ error: "This address takes no request body." });
  const chunked = await send(head("POST", "/api/auth/callback/credentials", null), 0);
  expect(chunked.status).toBe(411);
});
