// The write paths of a reply's answers (autosave, import, restore), on a seeded throw-away database:
// each re-reads the reply inside its transaction, refuses a locked reply or a value that breaks its
// cell's rules without changing anything, and writes cells, history, state and log-journal row in
// one transaction. Runs on both engines (testing/demo-database.ts).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { failWrites, testSql, transactionLeftOpen } from "@/testing/sql";
import type { Principal } from "@/lib/auth/policy";

const demo = await demoDatabase("cepej-write-cells");
const getDb = () => demo.db;
const { findReply } = await import("./replies");
const { importReply, lastImport, previewImport, restoreReplyCell, saveReplyAnswers, undoImport } = await import("./write-cells");
const { ServiceError } = await import("@/lib/http/service-error");
const { transactionRetries } = await import("@/db/transaction");

const q = testSql(getDb());
let kz: Principal;
let admin: Principal;
const IP = "192.0.2.1";

beforeAll(async () => {
  const id = async (email: string) => (await q.get<{ id: number }>("select id from users where email = ?", email))!.id;
  kz = { id: await id("correspondent.kz@example.org"), role: "correspondent", countries: ["KZ"], regions: [], bodyId: null, supervisorId: null };
  admin = { id: await id("admin@example.org"), role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };
}, 120_000);
afterAll(() => demo.remove());

const replyOf = async (cycle: string, country: string) => (await findReply(getDb(), cycle, country))!;
const setStatus = (id: number, status: string) => q.run("update responses set status = ? where id = ?", status, id);
const count = async (table: string) => (await q.value<number>(`select cast(count(*) as integer) as n from ${table}`))!;

/** Everything a write could touch, to compare before and after a refusal. */
async function snapshot(responseId: number) {
  return {
    answers: await q.all("select cell, num, text, status, version, updated_at from answers where response_id = ? order by cell", responseId),
    history: await q.all("select * from answer_history where response_id = ? order by id", responseId),
    reply: await q.get("select status, updated_at from responses where id = ?", responseId),
    transitions: await q.all("select * from reply_transitions where response_id = ? order by id", responseId),
    audit: await count("audit_log"),
  };
}

/** Makes every insert into the log-journal fail with "audit refused", until the function it
 *  returns is called. */
const refuseAudit = () => failWrites(getDb(), { table: "audit_log", message: "audit refused" });

/** The refusal a call throws: its status, message and details. */
async function refusal(run: () => Promise<unknown>): Promise<InstanceType<typeof ServiceError>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const file = (answers: Record<string, { num: number | null; text: string | null; status: "NA" | "NAP" | null }>) => ({
  questionnaire: { id: "cepej-2020-2022" },
  answers,
});
const num = (n: number) => ({ num: n, text: null, status: null });

/** Puts a change in a cell's history directly (as an older definition might have accepted it). */
const historyRow = async (responseId: number, cell: string, value: unknown) =>
  Number(
    (await q.get<{ id: number }>(
      "insert into answer_history (response_id, cell, old_value, new_value, user_id) values (?, ?, null, ?, ?) returning id",
      responseId,
      cell,
      JSON.stringify(value),
      admin.id,
    ))!.id,
  );

describe("a locked reply: nothing changes", () => {
  beforeEach(async () => {
    await setStatus((await replyOf("2022-2024", "KZ")).reply.id, "in_progress");
  });

  it("refuses an import of a correspondent into a submitted reply (409)", async () => {
    const found = await replyOf("2022-2024", "KZ");
    await setStatus(found.reply.id, "submitted");
    const before = await snapshot(found.reply.id);
    const e = await refusal(async () =>
      importReply(getDb(), await replyOf("2022-2024", "KZ"), { user: kz, ip: IP }, file({ "001": num(19_000_000), "003": num(1) })),
    );
    expect(e.status).toBe(409);
    expect(e.message).toContain("submitted");
    expect(await snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses an import and a restore of a correspondent into a validated reply (409)", async () => {
    const found = await replyOf("2020-2022", "KZ");
    const entry = await historyRow(found.reply.id, "001", num(1));
    const before = await snapshot(found.reply.id);
    const imported = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, file({ "001": num(1) })));
    expect([imported.status, imported.message]).toEqual([409, "The reply has been validated and is locked."]);
    const restored = await refusal(() => restoreReplyCell(getDb(), found, { user: kz, ip: IP }, { cell: "001", historyId: entry }));
    expect([restored.status, restored.message]).toEqual([409, "The reply has been validated and is locked."]);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses a restore of a reviewer into a validated reply (409)", async () => {
    const found = await replyOf("2020-2022", "KZ");
    const entry = await historyRow(found.reply.id, "003", num(2));
    const before = await snapshot(found.reply.id);
    expect((await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "003", historyId: entry }))).status).toBe(409);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });
});

describe("the state is read inside the transaction, not taken from the caller", () => {
  it("refuses a save, an import and a restore when the reply was locked after the route read it", async () => {
    const stale = await replyOf("2022-2024", "KZ"); // what the route read: in progress
    expect(stale.reply.status).toBe("in_progress");
    await setStatus(stale.reply.id, "submitted"); // someone else submits meanwhile
    const entry = await historyRow(stale.reply.id, "003", num(3));
    const before = await snapshot(stale.reply.id);
    const saved = await refusal(() => saveReplyAnswers(getDb(), stale, { user: kz, ip: IP }, [{ cell: "003", value: num(4), baseVersion: 1 }]));
    expect([saved.status, saved.message]).toEqual([409, "The reply has been submitted; it can change again only if the reviewer returns it."]);
    expect((await refusal(() => importReply(getDb(), stale, { user: kz, ip: IP }, file({ "003": num(4) })))).status).toBe(409);
    await setStatus(stale.reply.id, "validated"); // locked for reviewers too
    expect((await refusal(() => restoreReplyCell(getDb(), stale, { user: admin, ip: IP }, { cell: "003", historyId: entry }))).status).toBe(409);
    await setStatus(stale.reply.id, "submitted");
    expect(await snapshot(stale.reply.id)).toEqual(before);
    await setStatus(stale.reply.id, "in_progress");
  });

  it("moves the state from the one stored now: a reply returned since the route read it becomes in progress", async () => {
    const stale = await replyOf("2022-2024", "KZ"); // read while in progress
    await setStatus(stale.reply.id, "returned");
    const current = (await q.get<{ version: number }>("select version from answers where response_id = ? and cell = '003'", stale.reply.id))!;
    const result = await saveReplyAnswers(getDb(), stale, { user: kz, ip: IP }, [{ cell: "003", value: num(9_600), baseVersion: current.version }]);
    expect(result).toEqual({ saved: [{ cell: "003", version: current.version + 1 }], conflicts: [] });
    expect((await replyOf("2022-2024", "KZ")).reply.status).toBe("in_progress");
    const last = await q.get("select from_state, to_state, note from reply_transitions where response_id = ? order by id desc limit 1", stale.reply.id);
    expect(last).toEqual({ from_state: "returned", to_state: "in_progress", note: "Answers changed" });
  });
});

describe("validation: a value that breaks its cell's rules is refused, nothing is written", () => {
  it("autosave: 400 with the refused cells", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = await snapshot(found.reply.id);
    const e = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [
        { cell: "001", value: num(19_000_000), baseVersion: 0 },
        { cell: "003", value: { num: null, text: "much", status: null }, baseVersion: 1 },
      ]),
    );
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject([{ cell: "003", code: "notANumber" }]);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });

  it("import: 400 with the refused cells; a file of another questionnaire: 400", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = await snapshot(found.reply.id);
    const e = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, file({ "001": num(1), "no-such-cell": num(2) })));
    expect([e.status, e.details]).toEqual([400, [{ cell: "no-such-cell", code: "unknownCell" }]]);
    const other = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, { questionnaire: { id: "other" }, answers: {} }));
    expect([other.status, other.message]).toEqual([400, "The file answers questionnaire other; this reply uses cepej-2020-2022."]);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });

  it("restore: a history value that no longer passes the rules is refused (400); an unknown change is 404", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const entry = await historyRow(found.reply.id, "001", { num: null, text: "eighteen million", status: null });
    const before = await snapshot(found.reply.id);
    const e = await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry }));
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject([{ cell: "001", code: "notANumber" }]);
    expect((await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry + 1000 }))).status).toBe(404);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });
});

describe("restore is an edit", () => {
  it("writes the value with its history, moves a returned reply to in progress and journals it", async () => {
    const found = await replyOf("2022-2024", "FR");
    await setStatus(found.reply.id, "returned");
    const entry = await historyRow(found.reply.id, "001", num(68_000_000));
    const history = await count("answer_history");
    const audit = await count("audit_log");
    expect(await restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry })).toEqual({ cell: "001", value: num(68_000_000) });
    expect(await q.get("select num, version from answers where response_id = ? and cell = '001'", found.reply.id)).toEqual({
      num: 68_000_000,
      version: 2,
    });
    expect(await count("answer_history")).toBe(history + 1);
    expect((await replyOf("2022-2024", "FR")).reply.status).toBe("in_progress");
    expect(await q.get("select from_state, to_state, user_id from reply_transitions where response_id = ? order by id desc limit 1", found.reply.id)).toEqual({
      from_state: "returned",
      to_state: "in_progress",
      user_id: admin.id,
    });
    expect(await count("audit_log")).toBe(audit + 1);
    expect(await q.get("select action, object, user_id, ip from audit_log order by id desc limit 1")).toEqual({
      action: "reply.restore",
      object: `2022-2024/FR 001 ← change ${entry}`,
      user_id: admin.id,
      ip: IP,
    });
  });
});

describe("an import is one transaction", () => {
  it("writes one history row per changed cell and its log-journal row, or nothing at all", async () => {
    const found = await replyOf("2022-2024", "FR"); // 001 stored; the file changes 001, adds 003 and 004#comment, keeps nothing else
    await setStatus(found.reply.id, "not_started");
    const stored = (await q.value<number>(
      "select cast(count(*) as integer) as n from answers where response_id = ? and (num is not null or text is not null or status is not null)",
      found.reply.id,
    ))!;
    const content = file({ "001": num(68_100_000), "003": num(41_000), "004#comment": { num: null, text: "Gross monthly salary.", status: null } });

    // If the log-journal row cannot be written, the cells and the state are not written either.
    const allowAudit = await refuseAudit();
    const before = await snapshot(found.reply.id);
    await expect(importReply(getDb(), found, { user: admin, ip: IP }, content)).rejects.toThrow("audit refused");
    expect(await snapshot(found.reply.id)).toEqual(before);
    expect(await transactionLeftOpen(getDb())).toBe(false);
    await allowAudit();

    const history = (await q.get<{ id: number }>("select max(id) as id from answer_history"))!;
    const audit = await count("audit_log");
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, content);
    const changed = 3 + (stored - 1); // 001 changed, 003 and the comment added, any other stored cell cleared
    expect(result).toEqual({ imported: 3, changed, importId: expect.any(Number) });
    const rows = await q.all<{ cell: string; new_value: string | null }>("select cell, new_value from answer_history where id > ? order by cell", history.id);
    expect(rows.length).toBe(changed);
    expect(new Set(rows.map((r) => r.cell)).size).toBe(changed);
    expect(rows.filter((r) => ["001", "003", "004#comment"].includes(r.cell)).map((r) => JSON.parse(r.new_value!))).toEqual([
      num(68_100_000),
      num(41_000),
      content.answers["004#comment"],
    ]);
    expect(await count("audit_log")).toBe(audit + 1);
    expect(await q.get("select action, object, ip from audit_log order by id desc limit 1")).toEqual({
      action: "import.json",
      object: `2022-2024/FR (${changed} cells)`,
      ip: IP,
    });
    expect((await replyOf("2022-2024", "FR")).reply.status).toBe("in_progress");
    expect(await q.get("select from_state, to_state, note from reply_transitions where response_id = ? order by id desc limit 1", found.reply.id)).toEqual({
      from_state: "not_started",
      to_state: "in_progress",
      note: "Imported from a file",
    });

    // The same file again changes nothing, and says so.
    expect(await importReply(getDb(), found, { user: admin, ip: IP }, content)).toEqual({ imported: 3, changed: 0, importId: null });
  });

  it("autosave: the cells, the state and the log-journal row commit together", async () => {
    const found = await replyOf("2022-2024", "FR");
    await setStatus(found.reply.id, "returned");
    const allowAudit = await refuseAudit();
    const before = await snapshot(found.reply.id);
    await expect(saveReplyAnswers(getDb(), found, { user: admin, ip: IP }, [{ cell: "006:r1:approved", value: num(1), baseVersion: 0 }])).rejects.toThrow(
      "audit refused",
    );
    expect(await snapshot(found.reply.id)).toEqual(before);
    await allowAudit();
  });
});

describe("a value copied from another source", () => {
  const known = { "107:r2:cases": { mapping: "q107-incoming", num: 157_473, source: "Form 1-M, line TOTAL, 2022" } };
  beforeEach(async () => {
    await setStatus((await replyOf("2022-2024", "KZ")).reply.id, "in_progress");
  });

  it("records its source in the cell's history; a typed value records none", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const cell = "107:r2:cases";
    const version = async () =>
      (await q.get<{ version: number }>("select version from answers where response_id = ? and cell = ?", found.reply.id, cell))?.version ?? 0;
    await saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell, value: num(28_688), baseVersion: await version() }], known);
    await saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell, value: num(157_473), baseVersion: await version(), source: "q107-incoming" }], known);
    const rows = await q.all("select new_value, source from answer_history where response_id = ? and cell = ? order by id", found.reply.id, cell);
    expect(rows).toEqual([
      { new_value: JSON.stringify(num(28_688)), source: null },
      { new_value: JSON.stringify(num(157_473)), source: "Form 1-M, line TOTAL, 2022" },
    ]);
  });

  it("refuses (400, nothing written) a value that is not the source's figure, or a source the cell does not have", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = await snapshot(found.reply.id);
    const wrong = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell: "107:r2:cases", value: num(1), baseVersion: 0, source: "q107-incoming" }], known),
    );
    expect(wrong.status).toBe(400);
    const elsewhere = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell: "001", value: num(157_473), baseVersion: 0, source: "q107-incoming" }], known),
    );
    expect(elsewhere.status).toBe(400);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });
});

describe("an import is previewed, then undone as a whole", () => {
  it("previews without writing, imports with one history row per changed cell, and one undo puts every cell back", async () => {
    const found = await replyOf("2022-2024", "FR");
    await setStatus(found.reply.id, "in_progress");
    const before = await snapshot(found.reply.id);
    const values = async () =>
      new Map(
        (await q.all<{ cell: string }>("select cell, num, text, status from answers where response_id = ?", found.reply.id)).map((r) => [
          r.cell,
          JSON.stringify(r),
        ]),
      );
    const stored = await values();
    const content = { cycle: "2022-2024", country: "FR", ...file({ "001": num(70_000_000), "003": num(42_000) }) };

    const preview = await previewImport(getDb(), found, { user: admin, ip: IP }, content);
    expect(await snapshot(found.reply.id)).toEqual(before);
    expect(preview.total).toBe(preview.added + preview.changed + preview.cleared);
    expect(preview.cells.find((c) => c.cell === "001")?.after).toEqual(num(70_000_000));

    const history = (await q.get<{ id: number }>("select max(id) as id from answer_history"))!.id;
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, content);
    expect(result.changed).toBe(preview.total);
    expect(await q.value<number>("select cast(count(*) as integer) as n from answer_history where id > ?", history)).toBe(preview.total);
    expect((await lastImport(getDb(), found.reply.id))?.id).toBe(result.importId);

    const audit = await count("audit_log");
    expect(await undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!)).toEqual({ undone: preview.total });
    expect(await values()).toEqual(stored);
    expect(await count("audit_log")).toBe(audit + 1);
    expect(await lastImport(getDb(), found.reply.id)).toBeNull();
    expect((await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!))).status).toBe(409);
    expect((await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, 999_999))).status).toBe(404);
  });

  it("refuses to undo when a cell changed since, and changes nothing", async () => {
    const found = await replyOf("2022-2024", "FR");
    await setStatus(found.reply.id, "in_progress");
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, { cycle: "2022-2024", country: "FR", ...file({ "001": num(71_000_000) }) });
    const version = (await q.get<{ version: number }>("select version from answers where response_id = ? and cell = '001'", found.reply.id))!.version;
    await saveReplyAnswers(getDb(), found, { user: admin, ip: IP }, [{ cell: "001", value: num(72_000_000), baseVersion: version }]);
    const before = await snapshot(found.reply.id);
    const e = await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!));
    expect(e.status).toBe(409);
    expect(e.details).toEqual([{ cell: "001" }]);
    expect(await snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses a file of another cycle or country with the reason, unless the user maps it", async () => {
    const found = await replyOf("2022-2024", "FR");
    await setStatus(found.reply.id, "in_progress");
    const other = { cycle: "2020-2022", country: "KZ", ...file({ "001": num(18_879_552) }) };
    const before = await snapshot(found.reply.id);
    const e = await refusal(() => previewImport(getDb(), found, { user: admin, ip: IP }, other));
    expect(e.status).toBe(400);
    expect(e.message).toContain("cycle 2020-2022, not 2022-2024");
    expect(e.message).toContain("reply of KZ, not FR");
    expect((await refusal(() => importReply(getDb(), found, { user: admin, ip: IP }, other))).status).toBe(400);
    expect(await snapshot(found.reply.id)).toEqual(before);
    const mapped = await importReply(getDb(), found, { user: admin, ip: IP }, other, { map: { cycle: "2020-2022", country: "KZ" } });
    expect(mapped.changed).toBeGreaterThan(0);
  });
});

// On PostgreSQL, each autosave is a transaction of its own: writers of one reply must wait for
// each other (not abort each other), and writers of different replies must not meet at all.
describe("autosaves at once", () => {
  it("20 into one reply and one into each of 5 others: every one saved, none lost, none run again", async () => {
    const fixture = JSON.parse(readFileSync("seed/cepej/kz-2020-2022.json", "utf8")).answers as Record<string, { num: number | null }>;
    const cells = Object.entries(fixture)
      .filter(([, a]) => Number.isInteger(a.num) && a.num! >= 1)
      .map(([c]) => c)
      .slice(0, 20);
    const countries = (
      await q.all<{ c: string }>(
        "select country_code as c from responses where cycle_slug = '2022-2024' and country_code is not null order by country_code limit 6",
      )
    ).map((r) => r.c);
    expect(countries).toHaveLength(6);
    const replies = await Promise.all(countries.map((c) => replyOf("2022-2024", c)));
    for (const r of replies) await setStatus(r.reply.id, "in_progress");
    const version = async (id: number, cell: string) =>
      (await q.value<number>("select version from answers where response_id = ? and cell = ?", id, cell)) ?? 0;
    const save = async (found: (typeof replies)[number], cell: string) =>
      saveReplyAnswers(getDb(), found, { user: admin, ip: IP }, [{ cell, value: num(777), baseVersion: await version(found.reply.id, cell) }]);
    const retries = transactionRetries();
    const results = await Promise.all([...cells.map((cell) => save(replies[0], cell)), ...replies.slice(1).map((r) => save(r, cells[0]))]);
    expect(results.map((r) => [r.saved.length, r.conflicts.length])).toEqual(results.map(() => [1, 0]));
    // PostgreSQL: none had to run again (they did, now and then, under SERIALIZABLE with a lock per reply taken apart)
    expect(transactionRetries() - retries).toBe(0);
    for (const cell of cells) expect(await q.value("select num from answers where response_id = ? and cell = ?", replies[0].reply.id, cell)).toBe(777);
    for (const r of replies.slice(1)) expect(await q.value("select num from answers where response_id = ? and cell = ?", r.reply.id, cells[0])).toBe(777);
  });
});
