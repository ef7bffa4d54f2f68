// DEMO_DATA=1 on PostgreSQL: the demo loads through the same seed code as on SQLite (the tables of
// db/schema.ts chosen by DATABASE_URL, raw statements through db/sql.ts), with the same rows — the
// counts below are the SQLite demo's — and a second start loads nothing twice. It loads the whole
// demo (about 40 s), so it runs with `npm run test:pg` (PG_DEMO=1), outside the CI's 30 minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import type { PgDb } from "@/db/postgres";

describe.skipIf(!postgresBin() || !process.env.PG_DEMO)("the demo on PostgreSQL", () => {
  let server: TestPostgres;
  let db: PgDb;
  const count = async (table: string) => Number((await db.$client.query(`select count(*) as n from ${table}`)).rows[0].n);

  beforeAll(async () => {
    server = await startTestPostgres();
    process.env.DATABASE_URL = server.url;
    process.env.DEMO_DATA = "1";
    const { openEngine } = await import("@/db/init");
    const { bootstrapDatabase } = await import("./bootstrap");
    db = (await openEngine()) as unknown as PgDb;
    await bootstrapDatabase(db as never);
  }, 300_000);
  afterAll(async () => {
    await db?.$client.end();
    server?.stop();
    delete process.env.DATABASE_URL;
  });

  it("has the demo's rows", async () => {
    expect(await count("users")).toBe(6);
    expect(await count("answers")).toBe(896_943);
    expect(await count("survey_households")).toBe(36_410);
    expect(await count("report_filings")).toBe(2_400);
    expect(await count("report_placements")).toBe(2_520);
    expect(await count("survey_tallies")).toBe(27_122);
  });

  it("keeps whole figures whole: Kazakhstan's placed 2025 registered crimes", async () => {
    const { registeredCrimes } = await import("@/modules/reporting/server/open-data");
    const rows = await registeredCrimes(db as never, {});
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows as { registered: number }[]) expect(Number.isInteger(r.registered)).toBe(true);
  });

  it("loads nothing twice at a second start", async () => {
    const { bootstrapDatabase } = await import("./bootstrap");
    await bootstrapDatabase(db as never);
    expect(await count("users")).toBe(6);
    expect(await count("answers")).toBe(896_943);
  });
});
