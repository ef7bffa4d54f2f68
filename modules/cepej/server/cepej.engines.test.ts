// The CEPEJ module's raw SQL on both engines (db/sql.ts): the same statements count the queries that
// wait for a correspondent and set a country's deadline on SQLite and on a real PostgreSQL
// (testing/postgres.ts). CYCLE_ANSWERS is a streaming read (iterate) and stays SQLite's until the
// cursor API; the statuses are read with raw statements of the test's own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { all, get, run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import type { Principal } from "@/lib/auth/policy";
import { ServiceError } from "@/lib/http/service-error";
import { QUERIES_WAITING_FOR } from "./cepej.sql";
import { extendDeadline } from "./cycles";

// Users 1 (the correspondent) and 2 (the administrator); replies 1 FR, 2 DE, 3 IT.
const ADD_USER = statement("insert into users (email, name, role, password_hash) values (?, ?, ?, 'x')");
const ADD_COUNTRY = statement("insert into countries (code, iso3, name, membership) values (?, ?, ?, 'member')");
const ADD_QUESTIONNAIRE = statement("insert into questionnaires (id, version, definition) values ('q', '1', '{}')");
const ADD_CYCLE = statement(
  "insert into cycles (slug, name, reference_year, questionnaire_id, opens_on, closes_on) values ('2024-2026', 'CEPEJ 2024-2026', 2024, 'q', '2025-01-01', '2025-06-30')",
);
const ADD_REPLY = statement("insert into responses (questionnaire_id, cycle_slug, country_code) values ('q', '2024-2026', ?)");
const ADD_QUERY = statement("insert into queries (response_id, question_id, status, created_by) values (?, ?, ?, 2)");
const ADD_MESSAGE = statement("insert into query_messages (query_id, user_id, text) values (?, ?, ?)");
const DEADLINES = statement("select country_code as country, deadline from responses order by id");
const JOURNAL = statement(`select action, object, user_id as "userId", role from audit_log order by id`);

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "cepej-engines-"));
  const db = openDatabase(path.join(dir, "app.db"));
  return {
    name: "SQLite",
    db,
    close: async () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let server: TestPostgres | undefined;
async function postgres(): Promise<Engine> {
  server = await startTestPostgres();
  const db = (await openPostgres(server.url, { max: 2 })) as PgDb;
  return { name: "PostgreSQL", db: db as unknown as Db, close: () => db.$client.end() };
}

const engines: [string, () => Promise<Engine>][] = [["SQLite", sqlite]];
if (postgresBin()) engines.push(["PostgreSQL", postgres]);

describe.each(engines)("CEPEJ statements on %s", (_name, start) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_USER, "c@example.org", "Correspondent", "correspondent");
      await run(tx, ADD_USER, "a@example.org", "Administrator", "admin");
      await run(tx, ADD_COUNTRY, "FR", "FRA", "France");
      await run(tx, ADD_COUNTRY, "DE", "DEU", "Germany");
      await run(tx, ADD_COUNTRY, "IT", "ITA", "Italy");
      await run(tx, ADD_QUESTIONNAIRE);
      await run(tx, ADD_CYCLE);
      for (const country of ["FR", "DE", "IT"]) await run(tx, ADD_REPLY, country);
      // 1: FR, open, the administrator spoke last — waits for the correspondent.
      await run(tx, ADD_QUERY, 1, "q1", "open");
      await run(tx, ADD_MESSAGE, 1, 1, "first");
      await run(tx, ADD_MESSAGE, 1, 2, "a question");
      // 2: FR, open, the correspondent spoke last — waits for the administrator.
      await run(tx, ADD_QUERY, 1, "q2", "open");
      await run(tx, ADD_MESSAGE, 2, 2, "a question");
      await run(tx, ADD_MESSAGE, 2, 1, "the answer");
      // 3: DE, open, no message yet (no last author: "is distinct from" still counts it).
      await run(tx, ADD_QUERY, 2, "q3", "open");
      // 4: FR, resolved; 5: IT, open but not the correspondent's country.
      await run(tx, ADD_QUERY, 1, "q4", "resolved");
      await run(tx, ADD_MESSAGE, 4, 2, "resolved");
      await run(tx, ADD_QUERY, 3, "q5", "open");
      await run(tx, ADD_MESSAGE, 5, 2, "a question");
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  it("counts the open queries on the correspondent's countries whose last message is not theirs, as a number", async () => {
    expect(await get(engine.db, QUERIES_WAITING_FOR, JSON.stringify(["FR", "DE"]), 1)).toEqual({ n: 2 });
    expect(await get(engine.db, QUERIES_WAITING_FOR, JSON.stringify(["FR"]), 1)).toEqual({ n: 1 });
    expect(await get(engine.db, QUERIES_WAITING_FOR, JSON.stringify(["IT"]), 1)).toEqual({ n: 1 });
    expect(await get(engine.db, QUERIES_WAITING_FOR, JSON.stringify(["FR", "DE", "IT"]), 2)).toEqual({ n: 2 });
    expect(await get(engine.db, QUERIES_WAITING_FOR, JSON.stringify(["AT"]), 1)).toEqual({ n: 0 });
  });

  const admin: Principal = { id: 2, role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };

  it("sets and removes a country's deadline with its journal row, and refuses a country without a reply", async () => {
    await extendDeadline(engine.db, { cycle: "2024-2026", country: "DE", deadline: "2025-07-31" }, admin, "192.0.2.1");
    expect(await all(engine.db, DEADLINES)).toEqual([
      { country: "FR", deadline: null },
      { country: "DE", deadline: "2025-07-31" },
      { country: "IT", deadline: null },
    ]);
    await extendDeadline(engine.db, { cycle: "2024-2026", country: "DE", deadline: null }, admin, null);
    expect((await all<{ deadline: string | null }>(engine.db, DEADLINES)).map((r) => r.deadline)).toEqual([null, null, null]);
    await expect(extendDeadline(engine.db, { cycle: "2024-2026", country: "AT", deadline: "2025-07-31" }, admin, null)).rejects.toBeInstanceOf(ServiceError);
    await expect(extendDeadline(engine.db, { cycle: "2020-2022", country: "DE", deadline: "2025-07-31" }, admin, null)).rejects.toBeInstanceOf(ServiceError);
    expect(await all(engine.db, JOURNAL)).toEqual([
      { action: "cycle.extend_deadline", object: "2024-2026/DE → 2025-07-31", userId: 2, role: "admin" },
      { action: "cycle.extend_deadline", object: "2024-2026/DE → none", userId: 2, role: "admin" },
    ]);
  });
});
