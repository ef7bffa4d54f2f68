// `npm run restore FILE`: checks the backup, keeps the current database aside, puts the backup in
// place. Stop the app before restoring.
import { databasePath } from "../db/open";
import { postgresRefusal, restoreDatabase } from "../db/backup";

const refused = postgresRefusal("restore");
if (refused) {
  console.error(`Restore refused: ${refused}`);
  process.exit(1);
}

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run restore -- data/backups/app-2026-11-26T10-15-03Z.db");
  process.exit(2);
}
try {
  const kept = restoreDatabase(file, databasePath());
  console.log(`Restored ${file} into ${databasePath()} (the previous database is kept as ${kept}).`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
