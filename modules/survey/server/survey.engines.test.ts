// The survey's raw SQL on both engines (db/sql.ts): the same statements and functions give the same
// rows on SQLite and on a real PostgreSQL (testing/postgres.ts) — an interview's sheet, moves,
// events and comment replies, a sample's and an import's rows, and the results' tallies, kept one
// interview at a time (addInterviewTallies) and rebuilt in SQL (rebuildTallies), which must agree
// with interviewTallies() (the rule in JS), read back summed by each breakdown (waveTalliesBy).
// Not here: the streaming reads that stay SQLite's own (results.ts APPROVED_INTERVIEW_CELLS,
// microdata-export.ts's pages), until the engines have a cursor API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { all, get, run, statement } from "@/db/sql";
import { openDatabase, type Db } from "@/db/open";
import { openPostgres, type PgDb } from "@/db/postgres";
import { inTransaction } from "@/db/transaction";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import type { Answer } from "@/modules/questionnaire/answers";
import { recordInterviewEvent } from "./households";
import {
  FIND_IMPORTED_HOUSEHOLD,
  INSERT_IMPORT_EVENT,
  INSERT_IMPORTED_HOUSEHOLD,
  INSERT_IMPORTED_SHEET,
  INSERT_INTERVIEW_SHEET,
  INSERT_SAMPLE_HOUSEHOLD,
  MOVE_INTERVIEW,
  REPLY_TO_COMMENT,
  SET_IMPORTED_HOUSEHOLD,
  SET_INTERVIEW_SHEET,
} from "./survey.sql";
import { addInterviewTallies, interviewTallies, rebuildTallies, waveTallies, waveTalliesBy, type Tally } from "./tallies";

const ADD_USER = statement("insert into users (email, name, role, password_hash) values ('s@example.org', 'Saule', 'supervisor', 'x')");
const ADD_REGION = statement("insert into regions (code, name) values (?, ?)");
const ADD_QUESTIONNAIRE = statement("insert into questionnaires (id, version, definition) values ('udn', '1', '{}')");
const ADD_WAVE = statement("insert into survey_waves (year, fieldwork_start, fieldwork_end) values (?, '2024-03-01', '2024-04-30')");
const ADD_COMMENT = statement("insert into review_comments (household_row_id, question_id, text, user_id) values (?, 'q1', 'Check the age', 1) returning id");
const ADD_ANSWER = statement("insert into answers (response_id, cell, num, text) values (?, ?, ?, ?)");
const APPROVE = statement("update survey_households set status = 'approved', response_id = ? where id = ?");
const HOUSEHOLD = statement(
  `select status, response_id as "responseId", updated_at as "updatedAt", interview_language as "language", weight from survey_households where id = ?`,
);
const RESPONSE = statement("select questionnaire_id, status from responses where id = ?");
const EVENTS = statement(
  `select from_state as "from", to_state as "to", user_id as "userId", note from interview_events where household_row_id = ? order by id`,
);
const COMMENT = statement(`select reply, reply_user_id as "replyUserId", replied_at as "repliedAt" from review_comments where id = ?`);
const TALLY_ROWS = statement(`select variable, code, weight, weight2, n from survey_tallies where wave = ? and variable = ? and n = 0 order by code`);

type Engine = { name: string; db: Db; close: () => Promise<void> };

async function sqlite(): Promise<Engine> {
  const dir = mkdtempSync(path.join(tmpdir(), "survey-engines-"));
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

const WAVE = 2024;
const OTHER_WAVE = 2025;
const user = 1;

/** Interviews of the tallies' test: household fields and stored cells (storage keys as in `answers`). */
const INTERVIEWS: { id: string; region: string; settlement: "1" | "2"; weight: number; cells: Record<string, { num?: number; text?: string }> }[] = [
  {
    id: "T1",
    region: "AST",
    settlement: "1",
    weight: 88_100_652.25,
    cells: {
      result: { text: "1" },
      sex: { text: "2" },
      age: { num: 24 },
      trust_police: { text: "1" },
      trust_courts: { text: "3" },
      safe_day: { text: "" },
      unsafe_reasons: { text: '["2", "5", "2", 7, null, "a\\"b\\u00e9"]' },
    },
  },
  {
    id: "T2",
    region: "AST",
    settlement: "1",
    weight: 1.5,
    cells: { result: { text: "1" }, sex: { text: "2" }, age: { num: 30.5 }, trust_police: { text: "1" }, unsafe_reasons: { text: "[2" } },
  },
  {
    id: "T3",
    region: "ALA",
    settlement: "2",
    weight: 3.25,
    cells: { result: { text: "1" }, age: { num: 80 }, trust_police: { text: "2" }, unsafe_reasons: { text: "[]" } },
  },
  { id: "T4", region: "ALA", settlement: "2", weight: 7, cells: { result: { text: "2" }, trust_police: { text: "4" } } },
  {
    id: "T5",
    region: "ALA",
    settlement: "1",
    weight: 2,
    cells: { result: { text: "1" }, sex: { text: "1" }, age: { num: 14 }, unsafe_reasons: { text: '["9"]' } },
  },
];

const key = (t: Tally) => [t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup].join("|");
/** Tallies keyed, with sums compared to 12 significant digits (summation order differs between the ways). */
const byKey = (rows: Tally[]) =>
  Object.fromEntries(
    rows
      .map((t) => [key(t), { ...t, weight: Number(t.weight.toPrecision(12)), weight2: Number(t.weight2.toPrecision(12)) }] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** What interviewTallies() (the rule in JS) makes of INTERVIEWS, summed. */
function expectedTallies(): Tally[] {
  const sums = new Map<string, Tally>();
  for (const i of INTERVIEWS) {
    const cells = Object.entries(i.cells).map(([cell, v]) => [cell, { num: v.num ?? null, text: v.text ?? null, status: null }] as [string, Answer]);
    for (const t of interviewTallies(i, cells)) {
      const s = sums.get(key(t));
      if (s) Object.assign(s, { weight: s.weight + t.weight, weight2: s.weight2 + t.weight2, n: s.n + t.n });
      else sums.set(key(t), { ...t });
    }
  }
  return [...sums.values()];
}

describe.each(engines)("survey statements on %s", (_name, start) => {
  let engine: Engine;
  let db: Db;
  beforeAll(async () => {
    engine = await start();
    db = engine.db;
    await inTransaction(db, async (tx) => {
      await run(tx, ADD_USER);
      await run(tx, ADD_REGION, "AST", "Astana");
      await run(tx, ADD_REGION, "ALA", "Almaty");
      await run(tx, ADD_QUESTIONNAIRE);
      await run(tx, ADD_WAVE, WAVE);
      await run(tx, ADD_WAVE, OTHER_WAVE);
    });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    server?.stop();
    server = undefined;
  });

  let h1: number;
  it("loads a sample's households and finds one by wave and household id, with its fields as stored", async () => {
    await inTransaction(db, async (tx) => {
      expect(await run(tx, INSERT_SAMPLE_HOUSEHOLD, WAVE, "H1", "AST", "1", 88_100_652.25, "Abai 1")).toBe(1);
      expect(await run(tx, INSERT_SAMPLE_HOUSEHOLD, WAVE, "H2", "ALA", "2", 1.5, "Dostyk 2")).toBe(1);
    });
    const found = await get<Record<string, unknown>>(db, FIND_IMPORTED_HOUSEHOLD, WAVE, "H1");
    expect(found).toEqual({ id: expect.any(Number), responseId: null, status: "unassigned", region: "AST", settlement: "1", weight: 88_100_652.25 });
    h1 = found!.id as number;
    expect(await get(db, FIND_IMPORTED_HOUSEHOLD, WAVE, "H9")).toBeUndefined();
    expect(await get(db, FIND_IMPORTED_HOUSEHOLD, OTHER_WAVE, "H1")).toBeUndefined();
  });

  it("creates an interview's sheet, links it, moves the interview from the state read only, and records its events", async () => {
    const at = "2024-03-05T10:11:12.345Z";
    const sheet = await inTransaction(db, async (tx) => {
      const { id } = (await get<{ id: number }>(tx, INSERT_INTERVIEW_SHEET))!;
      expect(await run(tx, SET_INTERVIEW_SHEET, id, "in_progress", h1)).toBe(1);
      await recordInterviewEvent(tx, h1, "assigned", "in_progress", user, null);
      expect(await run(tx, MOVE_INTERVIEW, "completed", at, h1, "assigned")).toBe(0); // not the state stored
      expect(await run(tx, MOVE_INTERVIEW, "completed", at, h1, "in_progress")).toBe(1);
      await recordInterviewEvent(tx, h1, "in_progress", "completed", user, "done");
      return id;
    });
    expect(typeof sheet).toBe("number");
    expect(await get(db, RESPONSE, sheet)).toEqual({ questionnaire_id: "udn", status: "in_progress" });
    expect(await get(db, HOUSEHOLD, h1)).toEqual({ status: "completed", responseId: sheet, updatedAt: at, language: null, weight: 88_100_652.25 });
    expect(await all(db, EVENTS, h1)).toEqual([
      { from: "assigned", to: "in_progress", userId: user, note: null },
      { from: "in_progress", to: "completed", userId: user, note: "done" },
    ]);
  });

  it("writes a reply to a comment of the interview only", async () => {
    const h2 = (await get<{ id: number }>(db, FIND_IMPORTED_HOUSEHOLD, WAVE, "H2"))!.id;
    const at = "2024-03-06T08:00:00.000Z";
    const comment = await inTransaction(db, async (tx) => {
      const { id } = (await get<{ id: number }>(tx, ADD_COMMENT, h1))!;
      expect(await run(tx, REPLY_TO_COMMENT, "Checked: 24", user, at, id, h2)).toBe(0); // another interview's comment
      expect(await run(tx, REPLY_TO_COMMENT, "Checked: 24", user, at, id, h1)).toBe(1);
      return id;
    });
    expect(await get(db, COMMENT, comment)).toEqual({ reply: "Checked: 24", replyUserId: user, repliedAt: at });
  });

  it("imports interviews: a new household, a new sheet, the state and language (kept when none is given), the event", async () => {
    const at = "2024-05-01T00:00:00.000Z";
    const { added, sheet } = await inTransaction(db, async (tx) => {
      const { id: added } = (await get<{ id: number }>(tx, INSERT_IMPORTED_HOUSEHOLD, WAVE, "H3", "ALA", "2", 2.75))!;
      const { id: sheet } = (await get<{ id: number }>(tx, INSERT_IMPORTED_SHEET))!;
      expect(await run(tx, SET_IMPORTED_HOUSEHOLD, sheet, "kk", at, added)).toBe(1);
      await run(tx, INSERT_IMPORT_EVENT, added, user);
      return { added, sheet };
    });
    expect(await get(db, FIND_IMPORTED_HOUSEHOLD, WAVE, "H3")).toEqual({
      id: added,
      responseId: sheet,
      status: "approved",
      region: "ALA",
      settlement: "2",
      weight: 2.75,
    });
    expect(await get(db, RESPONSE, sheet)).toEqual({ questionnaire_id: "udn", status: "validated" });
    expect(await get(db, HOUSEHOLD, added)).toMatchObject({ language: "kk", updatedAt: at });
    await inTransaction(db, (tx) => run(tx, SET_IMPORTED_HOUSEHOLD, sheet, null, "2024-05-02T00:00:00.000Z", added));
    expect(await get(db, HOUSEHOLD, added)).toMatchObject({ language: "kk", updatedAt: "2024-05-02T00:00:00.000Z" });
    expect(await all(db, EVENTS, added)).toEqual([{ from: "imported", to: "approved", userId: user, note: "imported" }]);
  });

  describe("tallies", () => {
    const rows: number[] = [];
    beforeAll(async () => {
      await inTransaction(db, async (tx) => {
        for (const i of INTERVIEWS) {
          const { id } = (await get<{ id: number }>(tx, INSERT_IMPORTED_HOUSEHOLD, OTHER_WAVE, i.id, i.region, i.settlement, i.weight))!;
          const { id: sheet } = (await get<{ id: number }>(tx, INSERT_IMPORTED_SHEET))!;
          for (const [cell, v] of Object.entries(i.cells)) await run(tx, ADD_ANSWER, sheet, cell, v.num ?? null, v.text ?? null);
          await run(tx, APPROVE, sheet, id);
          rows.push(id);
        }
      });
    });

    it("adds each approved interview's contribution: the rows interviewTallies() computes", async () => {
      await inTransaction(db, async (tx) => {
        for (const id of rows) await addInterviewTallies(tx, id, 1);
      });
      const stored = await waveTallies(db, OTHER_WAVE);
      expect(byKey(stored)).toEqual(byKey(expectedTallies()));
      // the values that matter, as the engines return them
      const police = stored.find((t) => t.variable === "trust_police" && t.code === "1" && t.ageGroup === "15-24")!;
      expect(police).toEqual({
        variable: "trust_police",
        code: "1",
        region: "AST",
        settlement: "1",
        sex: "2",
        ageGroup: "15-24",
        weight: 88_100_652.25,
        weight2: 88_100_652.25 ** 2,
        n: 1,
      });
      const reasons = stored.filter((t) => t.variable === "unsafe_reasons").map((t) => [t.code, t.n]);
      expect(reasons.sort()).toEqual(
        [
          ["", 1],
          ["", 1],
          ["2", 1],
          ["5", 1],
          ['a"bé', 1],
          ["9", 1],
        ].sort(),
      );
      expect(stored.filter((t) => t.variable === "result").reduce((n, t) => n + t.n, 0)).toBe(4);
    });

    it("rebuilds the same rows in SQL, for the wave and for every wave", async () => {
      const incremental = byKey(await waveTallies(db, OTHER_WAVE));
      await rebuildTallies(db, OTHER_WAVE);
      expect(byKey(await waveTallies(db, OTHER_WAVE))).toEqual(incremental);
      await rebuildTallies(db);
      expect(byKey(await waveTallies(db, OTHER_WAVE))).toEqual(incremental);
      expect(await waveTallies(db, WAVE)).toEqual([]); // its one approved interview has no answers
    });

    it("sums the rows by breakdown, with numbers (not strings) and the camelCase key", async () => {
      const overall = await waveTalliesBy(db, OTHER_WAVE, "region");
      const result = overall.filter((t) => t.variable === "result");
      expect(result.map((t) => [t.region, t.settlement, t.sex, t.ageGroup, t.n, t.weight]).sort()).toEqual(
        [
          ["ALA", "1", "", "", 1, 2],
          ["ALA", "2", "", "", 1, 3.25],
          ["AST", "1", "", "", 2, 88_100_653.75],
        ].sort(),
      );
      expect(result.find((t) => t.region === "AST")!.weight2 / (88_100_652.25 ** 2 + 2.25)).toBeCloseTo(1, 12);
      expect(await waveTalliesBy(db, OTHER_WAVE, "settlement")).toEqual(overall);
      const bySex = (await waveTalliesBy(db, OTHER_WAVE, "sex")).filter((t) => t.variable === "result");
      expect(bySex.map((t) => [t.region, t.settlement, t.sex, t.ageGroup, t.n]).sort()).toEqual(
        [
          ["ALA", "1", "1", "", 1],
          ["ALA", "2", "", "", 1],
          ["AST", "1", "2", "", 2],
        ].sort(),
      );
      const byAge = (await waveTalliesBy(db, OTHER_WAVE, "ageGroup")).filter((t) => t.variable === "result");
      expect(byAge.map((t) => [t.region, t.settlement, t.sex, t.ageGroup, t.n]).sort()).toEqual(
        [
          ["ALA", "1", "", "", 1],
          ["ALA", "2", "", "65-80", 1],
          ["AST", "1", "", "", 1],
          ["AST", "1", "", "15-24", 1],
        ].sort(),
      );
    });

    it("removes a contribution to exact zeros, and refuses to remove more than was added or what was never added", async () => {
      await inTransaction(db, (tx) => addInterviewTallies(tx, rows[2], -1));
      expect(await all(db, TALLY_ROWS, OTHER_WAVE, "trust_police")).toEqual([{ variable: "trust_police", code: "2", weight: 0, weight2: 0, n: 0 }]);
      expect((await waveTallies(db, OTHER_WAVE)).some((t) => t.region === "ALA" && t.settlement === "2")).toBe(false);
      // its rows are at 0: the check n >= 0 refuses a second removal
      await expect(inTransaction(db, (tx) => addInterviewTallies(tx, rows[2], -1))).rejects.toThrow(/survey_tallies_n/);
      // an interview that is not completed contributes nothing either way
      await inTransaction(db, (tx) => addInterviewTallies(tx, rows[3], -1));
      // a completed approved interview that was never added: no row to remove from
      const h3 = (await get<{ id: number; responseId: number }>(db, FIND_IMPORTED_HOUSEHOLD, WAVE, "H3"))!;
      await inTransaction(db, (tx) => run(tx, ADD_ANSWER, h3.responseId, "result", null, "1"));
      await expect(inTransaction(db, (tx) => addInterviewTallies(tx, h3.id, -1))).rejects.toThrow(/lack the contribution of household row/);
      expect(await waveTallies(db, WAVE)).toEqual([]);
    });
  });
});
