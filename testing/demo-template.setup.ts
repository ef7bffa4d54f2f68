// Vitest global setup: the demo database is built once per run, before any worker starts, and each
// test file copies it (testing/demo-database.ts). Seeding is one long piece of work that does not
// yield to the event loop: done inside a worker by every file, it held the worker's event loop long
// enough under load (over the 60 s of Vitest's worker calls) for the run to fail with "Timeout
// calling onTaskUpdate".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "demo-template-"));
  const file = path.join(dir, "app.db");
  process.env.DATABASE_PATH = file;
  process.env.DEMO_DATA = "1";
  const { openDatabase } = await import("@/db/open");
  const db = openDatabase();
  await (await import("@/seed/bootstrap")).bootstrapDatabase(db);
  // One self-contained file to copy: the write-ahead log folded in.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  delete process.env.DATABASE_PATH;
  process.env.DEMO_TEMPLATE_PATH = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
