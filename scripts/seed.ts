// `npm run db:seed`: create and migrate the database if needed, and add the demo data when it has
// no users yet — like `npm start`, demo data unless DEMO_DATA is set (DEMO_DATA=0: reference data
// only, and the administrator from ADMIN_EMAIL / ADMIN_PASSWORD if given).
import { closeEngine, engineLabel, openEngine } from "../db/init";
import { get, statement } from "../db/sql";
import { bootstrapDatabase } from "../seed/bootstrap";

async function main() {
  process.env.DEMO_DATA ??= "1";
  const db = await openEngine();
  await bootstrapDatabase(db);
  const { n } = (await get<{ n: number }>(db, statement("select cast(count(*) as integer) as n from users")))!;
  console.log(`Database ${engineLabel()} is ready (${n} users; demo data ${process.env.DEMO_DATA === "1" ? "on" : "off"}).`);
  await closeEngine(db);
}

void main();
