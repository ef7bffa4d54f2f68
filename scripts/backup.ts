// `npm run backup`: a consistent copy of the database, taken while the app runs.
import { databasePath } from "../db/open";
import { backupDatabase } from "../db/backup";

backupDatabase(databasePath()).then(
  (file) => console.log(`Backup written: ${file}`),
  (e) => {
    console.error(`Backup failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
