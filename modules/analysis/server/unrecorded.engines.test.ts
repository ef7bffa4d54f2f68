// The survey side of the unrecorded-crime comparison on both engines (db/sql.ts): on SQLite and on a
// real PostgreSQL (testing/postgres.ts), section E of a wave's approved interviews reads the same
// households, in id order, with their weights, the result and only the victim_ and reported_ cells
// (the underscore matched literally).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { surveyHouseholds } from "./unrecorded";

const ADD_REGION = statement("insert into regions (code, name) values (?, ?) on conflict do nothing");
const ADD_WAVE = statement("insert into survey_waves (year, fieldwork_start, fieldwork_end) values (?, ?, ?)");
const ADD_QUESTIONNAIRE = statement("insert into questionnaires (id, version, definition) values ('survey', '1', '{}')");
const ADD_RESPONSE = statement("insert into responses (id, questionnaire_id, status) values (?, 'survey', 'submitted')");
const ADD_HOUSEHOLD = statement(
  "insert into survey_households (id, wave, household_id, region, settlement, weight, address, status, response_id) values (?, ?, ?, ?, ?, ?, 'an address', ?, ?)",
);
const ADD_ANSWER = statement("insert into answers (response_id, cell, num, text, status) values (?, ?, ?, ?, ?)");

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "unrecorded-engines-"));
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

type Household = { id: number; wave: number; region: string; settlement: "1" | "2"; weight: number; status: string; cells: Record<string, string | null> };

/** Wave 2025: two approved interviews (the second not completed), one still assigned; an approved
 *  interview of wave 2024. Cells outside section E (age, victims, victimX) are not read. */
const HOUSEHOLDS: Household[] = [
  {
    id: 2,
    wave: 2025,
    region: "ALA",
    settlement: "2",
    weight: 0.25,
    status: "approved",
    cells: { result: "2", victim_assault: "1", reported_assault: null },
  },
  {
    id: 1,
    wave: 2025,
    region: "AST",
    settlement: "1",
    weight: 1234.5678,
    status: "approved",
    cells: { result: "1", victim_theft: "1", reported_theft: "2", age: "41", victims: "3", victimX: "1" },
  },
  { id: 3, wave: 2025, region: "AST", settlement: "1", weight: 2, status: "assigned", cells: { result: "1", victim_theft: "1" } },
  { id: 4, wave: 2024, region: "AST", settlement: "2", weight: 3, status: "approved", cells: { result: "1", victim_fraud: "1" } },
];

describe.each(engines)("unrecorded crime's survey side on %s", (_name, start) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_REGION, "AST", "Astana city");
      await run(tx, ADD_REGION, "ALA", "Almaty city");
      await run(tx, ADD_WAVE, 2024, "2024-09-01", "2024-10-31");
      await run(tx, ADD_WAVE, 2025, "2025-09-01", "2025-10-31");
      await run(tx, ADD_QUESTIONNAIRE);
      for (const h of HOUSEHOLDS) {
        await run(tx, ADD_RESPONSE, h.id);
        await run(tx, ADD_HOUSEHOLD, h.id, h.wave, `H${h.id}`, h.region, h.settlement, h.weight, h.status, h.id);
        for (const [cell, text] of Object.entries(h.cells)) await run(tx, ADD_ANSWER, h.id, cell, null, text, text === null ? "NA" : null);
      }
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  it("reads section E of a wave's approved interviews, by household in id order", async () => {
    const households = await surveyHouseholds(engine.db, 2025);
    expect(households).toEqual([
      { region: "AST", settlement: "1", weight: 1234.5678, completed: true, answers: { victim_theft: "1", reported_theft: "2" } },
      { region: "ALA", settlement: "2", weight: 0.25, completed: false, answers: { victim_assault: "1", reported_assault: undefined } },
    ]);
    expect(Object.keys(households[1].answers).sort()).toEqual(["reported_assault", "victim_assault"]);
    expect(await surveyHouseholds(engine.db, 2024)).toEqual([{ region: "AST", settlement: "2", weight: 3, completed: true, answers: { victim_fraud: "1" } }]);
    expect(await surveyHouseholds(engine.db, 2023)).toEqual([]);
  });
});
