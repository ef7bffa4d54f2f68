// Vitest global setup of the PostgreSQL pass (vitest.pg.config.ts): one throw-away server for the
// run (testing/postgres.ts), the demo seeded once into its database `demo`, which each test file
// copies as a template (testing/demo-database.ts). DATABASE_URL is set before the workers start, so
// db/schema.ts gives every module the PostgreSQL tables.
import { openPostgres } from "@/db/postgres";
import { createDatabase, databaseUrl, startTestPostgres } from "./postgres";

export default async function setup() {
  const server = await startTestPostgres();
  const demoUrl = await createDatabase(server.url, "demo");
  process.env.DATABASE_URL = demoUrl;
  process.env.DEMO_DATA = "1";
  const db = await openPostgres(demoUrl, { max: 4 });
  try {
    const { bootstrapDatabase } = await import("@/seed/bootstrap");
    await bootstrapDatabase(db as never);
  } finally {
    await db.$client.end();
  }
  process.env.PG_TEST_SERVER = databaseUrl(server.url, "app");
  process.env.PG_DEMO_TEMPLATE = "demo";
  return () => server.stop();
}
