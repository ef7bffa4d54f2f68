// A writer process for the backup's test (db/backup.test.ts): transfers between the accounts of a
// ledger, as fast as it can, each in its own transaction that also appends the transfer and counts
// it. Whatever moment a copy captures, its balances add up to the same total and its transfers
// number what its counter says — unless the copy mixes two moments. Runs until killed.
// Usage: node testing/ledger-writer.mjs DATABASE_FILE SEED
import Database from "better-sqlite3";

const [file, seed] = process.argv.slice(2);
const db = new Database(file);
db.pragma("busy_timeout = 10000");
db.pragma("synchronous = NORMAL"); // as many commits as possible: the point is to keep writing
const accounts = db.prepare("select count(*) from ledger_accounts").pluck().get();
const take = db.prepare("update ledger_accounts set balance = balance - ? where id = ?");
const give = db.prepare("update ledger_accounts set balance = balance + ? where id = ?");
const record = db.prepare("insert into ledger_transfers (source, target, amount, note) values (?, ?, ?, ?)");
const count = db.prepare("update ledger_counter set transfers = transfers + 1");
const transfer = db.transaction((source, target, amount) => {
  take.run(amount, source);
  give.run(amount, target);
  record.run(source, target, amount, `writer ${seed}`);
  count.run();
});
let x = Number(seed) * 7919 + 1;
const next = () => (x = (x * 48271) % 2147483647);
process.stdout.write("ready\n");
for (;;) transfer.immediate(1 + (next() % accounts), 1 + (next() % accounts), next() % 100);
