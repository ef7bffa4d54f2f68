// `npm run backup`: a consistent copy of the database, taken while the app runs (db/backup.ts).
// Exit code 1 with one line when no checked copy could be written.
import { databasePath } from "../db/open";
import { backupDatabase, postgresRefusal } from "../db/backup";

const refused = postgresRefusal("backup");
if (refused) {
  console.error(`Backup failed: ${refused}`);
  process.exit(1);
}
try {
  const { file, bytes, seconds } = backupDatabase(databasePath());
  console.log(`Backup written: ${file} (${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s)`);
} catch (e) {
  console.error(`Backup failed: ${(e as Error).message}`);
  process.exit(1);
}
