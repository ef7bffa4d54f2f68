// For the benchmarks on PostgreSQL (bench/save.mjs --engine=postgres): a throw-away PostgreSQL
// server (testing/postgres.ts) holding a copy of a SQLite benchmark database, made with the app's
// own `npm run db:copy` code (db/copy.ts). Prints {"url": …} on one line once ready and stops the
// server when its standard input closes (the benchmark ends or dies).
import { copySqliteToPostgres } from "../../db/copy";
import { startTestPostgres } from "../../testing/postgres";

async function main(file: string) {
  const server = await startTestPostgres();
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.on("SIGTERM", stop);
  const started = Date.now();
  const tables = await copySqliteToPostgres(file, server.url);
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  console.error(`postgres-copy: ${rows} rows in ${tables.length} tables copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ url: server.url }));
  process.stdin.resume();
}

void main(process.argv[2]);
