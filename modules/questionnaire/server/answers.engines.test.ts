// The answer writers on both engines (db/sql.ts): the same calls store the same cells, versions and
// history on SQLite and on a real PostgreSQL (testing/postgres.ts); a stale version is a conflict;
// an import replaces with one history row per changed cell; nothing is written outside a transaction.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { cellHistory } from "./history";
import { loadAnswers, replaceAnswers, saveAnswers } from "./answers";

const ADD_USER = statement("insert into users (email, name, role, password_hash) values ('a@example.org', 'Aigerim', 'admin', 'x')");
const ADD_QUESTIONNAIRE = statement("insert into questionnaires (id, version, definition) values ('q', '1', '{}')");
const ADD_RESPONSE = statement("insert into responses (questionnaire_id, status) values ('q', 'in_progress')");

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "answers-engines-"));
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

describe.each(engines)("answers on %s", (_name, start) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await start();
    await inTransaction(engine.db, async (tx) => {
      await run(tx, ADD_USER);
      await run(tx, ADD_QUESTIONNAIRE);
      await run(tx, ADD_RESPONSE);
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  const user = 1;
  const response = 1;
  const save = (cell: string, num: number | null, baseVersion: number, source?: string) =>
    inTransaction(engine.db, (tx) =>
      saveAnswers(tx, response, user, [{ cell, value: { num, text: null, status: null }, baseVersion }], source ? new Map([[cell, source]]) : undefined),
    );

  it("saves a cell with its version and history, and reads it back", async () => {
    expect(await save("001", 88_100_652, 0)).toEqual({ saved: [{ cell: "001", version: 1 }], conflicts: [] });
    expect(await save("001", 88_100_653, 1, "form 1-M")).toEqual({ saved: [{ cell: "001", version: 2 }], conflicts: [] });
    const stored = await loadAnswers(engine.db, response);
    expect(stored.get("001")).toEqual({ answer: { num: 88_100_653, text: null, status: null }, version: 2 });
    const history = await cellHistory(engine.db, response, "001");
    expect(history.map((h) => [h.old?.num ?? null, h.new?.num, h.by, h.source])).toEqual([
      [88_100_652, 88_100_653, "Aigerim", "form 1-M"],
      [null, 88_100_652, "Aigerim", null],
    ]);
  });

  it("answers a save on a stale version with the stored value and its author, and writes nothing", async () => {
    const result = await save("001", 5, 1);
    expect(result.saved).toEqual([]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ cell: "001", theirs: { num: 88_100_653, text: null, status: null }, version: 2, by: "Aigerim" }),
    ]);
    expect((await loadAnswers(engine.db, response)).get("001")?.version).toBe(2);
  });

  it("replaces every answer with one history row per changed cell", async () => {
    const next = new Map([
      ["001", { num: 88_100_653, text: null, status: null }],
      ["002", { num: null, text: null, status: "NA" as const }],
    ]);
    expect(await inTransaction(engine.db, (tx) => replaceAnswers(tx, response, user, next))).toBe(1);
    const stored = await loadAnswers(engine.db, response);
    expect([...stored.keys()].sort()).toEqual(["001", "002"]);
    expect(await cellHistory(engine.db, response, "002")).toHaveLength(1);
    expect(await cellHistory(engine.db, response, "001")).toHaveLength(2);
  });

  it("refuses to write outside a transaction", async () => {
    await expect(saveAnswers(engine.db, response, user, [{ cell: "003", value: { num: 1, text: null, status: null }, baseVersion: 0 }])).rejects.toThrow(
      /inside the calling service's transaction/,
    );
  });
});
