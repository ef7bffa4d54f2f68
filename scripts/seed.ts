// `npm run db:seed`: create and migrate the database if needed, and add the demo data when it has
// no users yet — like `npm start`, demo data unless DEMO_DATA is set (DEMO_DATA=0: reference data
// only, and the administrator from ADMIN_EMAIL / ADMIN_PASSWORD if given).
import { openDatabase, databasePath } from "../db/open";
import { bootstrapDatabase } from "../seed/bootstrap";

async function main() {
  process.env.DEMO_DATA ??= "1";
  const db = openDatabase();
  await bootstrapDatabase(db);
  const { n } = db.$client.prepare("select count(*) as n from users").get() as { n: number };
  console.log(`Database ${databasePath()} is ready (${n} users; demo data ${process.env.DEMO_DATA === "1" ? "on" : "off"}).`);
  db.$client.close();
}

void main();
