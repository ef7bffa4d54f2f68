// The production server: Next.js's request handler behind a gate that answers a request whose body
// it must not read — anonymous, too large, to an address that takes none, without a length — at
// once, before a byte of it is read, and a body that does not arrive in time with 408. `next start`
// has no such hook: its middleware runs after the body is already being buffered.
// Used by `npm start` (scripts/start.mjs), the end-to-end tests and deployments (README, Deploy).
import http from "node:http";
import { admitBody } from "../lib/http/body-gate.mjs";
import { isSignedIn } from "../lib/auth/gate-session.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

/** A refusal as the API answers them: JSON with a reason, sent at once, while the client may still
 *  be sending its body. That body is not read: the socket stops reading (TCP holds the client back)
 *  and is closed a second later. Not through `res`: when it finishes, Node reads the rest of the
 *  body to discard it (50 MB × N of garbage), and closing at once instead would reset the
 *  connection, losing the answer on its way to a client that is still sending. */
function refuse(req, res, status, error) {
  const body = JSON.stringify({ error });
  const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cache-control": "no-store", connection: "close" };
  if (req.complete) {
    res.writeHead(status, headers);
    return res.end(body);
  }
  const socket = req.socket;
  socket.pause();
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head.join("")}\r\n${body}`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** 408 when the body has not fully arrived by its deadline (a client that announced more than it
 *  sends would otherwise hold the request open until the socket times out). */
function watchBody(req, res, deadlineMs) {
  const timer = setTimeout(() => {
    if (res.headersSent) req.socket.destroy();
    else refuse(req, res, 408, "The request body did not arrive in time.");
  }, deadlineMs);
  const done = () => clearTimeout(timer);
  req.on("end", done);
  res.on("close", done);
}

// The app in the working directory, as `next start` takes it (the benchmarks serve a copy of a build).
const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer(async (req, res) => {
  const headers = req.headers;
  const hasBody = headers["transfer-encoding"] !== undefined || Number(headers["content-length"] ?? 0) > 0;
  const verdict = admitBody({
    method: req.method ?? "GET",
    path: (req.url ?? "/").split("?")[0],
    contentLength: headers["content-length"],
    transferEncoding: headers["transfer-encoding"],
    signedIn: hasBody && (await isSignedIn(headers)),
  });
  if (!verdict.ok) return refuse(req, res, verdict.status, verdict.error);
  if (verdict.deadlineMs) watchBody(req, res, verdict.deadlineMs);
  return handle(req, res);
});
// Idle keep-alive sockets stay open 65 s: Node closes them after 5 s, racing clients (and proxies,
// whose own idle timeout is usually 60 s) that reuse them.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => console.log(`Ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
