// `npm run db:seed`: create and migrate the database if needed, and add the demo data when it has
// no users yet (the app does the same on its first start).
import { openDatabase, databasePath } from "../db/open";
import { bootstrapDatabase } from "../seed/bootstrap";

const db = openDatabase();
bootstrapDatabase(db);
const { n } = db.$client.prepare("select count(*) as n from users").get() as { n: number };
console.log(`Database ${databasePath()} is ready (${n} users).`);
db.$client.close();
