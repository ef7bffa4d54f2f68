// Opens PostgreSQL (DATABASE_URL) for the app: a node-postgres pool, drizzle over the PostgreSQL
// schema (db/schema.pg.ts), and the PostgreSQL migrations applied once however many instances start
// together: each takes a session-level advisory lock first, so the second waits for the first and
// then finds nothing left to apply (on SQLite the same is db/migrate.ts's start lock).
// Kept free of "server-only" so that scripts and tests can open it too.
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import pg from "pg";
import * as schema from "./schema.pg";

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** The advisory lock every instance takes to migrate: one number for the app ("cepej" in ASCII). */
export const MIGRATION_LOCK = 0x63_65_70_65_6a;

export const MIGRATIONS_PG = path.join(process.cwd(), "db", "migrations-pg");

export async function openPostgres(url: string, { max = 10 } = {}): Promise<PgDb> {
  // A server that does not answer fails a request (and the health check) after 5 s instead of
  // holding it forever.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client whose server connection was killed (a failover, pg_terminate_backend) reports
  // the error here; without a listener it would end the process. The pool drops that client.
  pool.on("error", (error) => console.error("postgres: idle connection lost:", error.message));
  try {
    await migrateOnce(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`migrations failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return drizzle(pool, { schema }) as PgDb;
}

/** Applies pending migrations holding the advisory lock on one connection of the pool. */
export async function migrateOnce(pool: pg.Pool, folder = MIGRATIONS_PG): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export const isPostgres = (db: unknown): boolean => {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool || client instanceof pg.Client;
};
