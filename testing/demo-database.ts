// The services' tests act on a throw-away database with the reference and demo data: its own file
// in a temporary folder, opened as the process-wide handle (what the services' callers pass in),
// removed at the end. Call it before importing the modules under test.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/db/open";

export type DemoDatabase = { db: Db; remove: () => void };

export async function demoDatabase(name: string, { seed = true } = {}): Promise<DemoDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  process.env.DATABASE_PATH = path.join(dir, "app.db");
  process.env.DEMO_DATA = "1";
  // The demo built once for the run (testing/demo-template.setup.ts), copied; seeded here only
  // when a file runs without the global setup.
  const template = seed ? process.env.DEMO_TEMPLATE_PATH : undefined;
  if (template) copyFileSync(template, process.env.DATABASE_PATH);
  const { getDb } = await import("@/db/client");
  const db = getDb();
  if (seed && !template) await (await import("@/seed/bootstrap")).bootstrapDatabase(db);
  return {
    db,
    remove: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
