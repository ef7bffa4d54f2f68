// The services' tests act on a throw-away database with the reference and demo data, opened as the
// process-wide handle (what the services' callers pass in) and removed at the end. Call it before
// importing the modules under test.
// - SQLite (the default): its own file in a temporary folder, a copy of the demo built once for the
//   run (testing/demo-template.setup.ts).
// - PostgreSQL (`npm run test:unit:pg`, vitest.pg.config.ts): its own database on the run's
//   throw-away server, a copy of the demo database built once (testing/demo-template.pg.setup.ts).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/db/open";

export type DemoDatabase = { db: Db; engine: "sqlite" | "postgres"; remove: () => Promise<void> };

export const testEngine = (): "sqlite" | "postgres" => (process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite");

export async function demoDatabase(name: string, { seed = true } = {}): Promise<DemoDatabase> {
  process.env.DEMO_DATA = "1";
  return testEngine() === "postgres" ? postgresDatabase(name, seed) : sqliteDatabase(name, seed);
}

async function sqliteDatabase(name: string, seed: boolean): Promise<DemoDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  process.env.DATABASE_PATH = path.join(dir, "app.db");
  // Seeded here only when a file runs without the global setup.
  const template = seed ? process.env.DEMO_TEMPLATE_PATH : undefined;
  if (template) copyFileSync(template, process.env.DATABASE_PATH);
  const { getDb } = await import("@/db/client");
  const db = getDb();
  if (seed && !template) await (await import("@/seed/bootstrap")).bootstrapDatabase(db);
  return {
    db,
    engine: "sqlite",
    remove: async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(name: string, seed: boolean): Promise<DemoDatabase> {
  const server = process.env.PG_TEST_SERVER;
  if (!server) throw new Error("TEST_ENGINE=postgres needs the run's server (vitest.pg.config.ts)");
  const { createDatabase, dropDatabase } = await import("./postgres");
  const database = `${name.replace(/\W/g, "_")}_${process.pid}_${Date.now()}`;
  process.env.DATABASE_URL = await createDatabase(server, database, seed ? process.env.PG_DEMO_TEMPLATE : undefined);
  const { openEngine, closeEngine } = await import("@/db/init");
  const db = await openEngine();
  return {
    db,
    engine: "postgres",
    remove: async () => {
      await closeEngine(db);
      await dropDatabase(server, database);
    },
  };
}
