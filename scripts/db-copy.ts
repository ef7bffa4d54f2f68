// `npm run db:copy -- --from data/app.db --to postgres://user:password@host/db` (db/copy.ts).
// Exit code 1 with one line when the copy is refused or does not verify; nothing is then committed.
import { parseArgs } from "node:util";
import { copySqliteToPostgres } from "../db/copy";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
async function main(from: string | undefined, to: string | undefined) {
  if (!from || !to || !/^postgres(ql)?:\/\//.test(to))
    throw new Error("usage: npm run db:copy -- --from data/app.db --to postgres://user:password@host:5432/database");
  const started = Date.now();
  const report = await copySqliteToPostgres(from, to);
  for (const t of report) console.log(`${t.table.padEnd(24)} ${String(t.rows).padStart(10)} rows  checksum ${t.checksum.split(":")[1]}  verified`);
  const rows = report.reduce((n, t) => n + t.rows, 0);
  console.log(`Copied and verified ${report.length} tables, ${rows} rows, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main(values.from, values.to).catch((error) => {
  console.error(`Copy refused, nothing written: ${(error as Error).message}`);
  process.exit(1);
});
