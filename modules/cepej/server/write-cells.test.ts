// The write paths of a reply's answers (autosave, import, restore), on a seeded throw-away database:
// each re-reads the reply inside its transaction, refuses a locked reply or a value that breaks its
// cell's rules without changing anything, and writes cells, history, state and log-journal row in
// one transaction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import type Database from "better-sqlite3";
import type { Principal } from "@/lib/auth/policy";

const demo = await demoDatabase("cepej-write-cells");
const getDb = () => demo.db;
const { findReply } = await import("./replies");
const { importReply, lastImport, previewImport, restoreReplyCell, saveReplyAnswers, undoImport } = await import("./write-cells");
const { ServiceError } = await import("@/lib/http/service-error");

let sqlite: Database.Database;
let kz: Principal;
let admin: Principal;
const IP = "192.0.2.1";

beforeAll(() => {
  sqlite = getDb().$client;
  const id = (email: string) => (sqlite.prepare("select id from users where email = ?").get(email) as { id: number }).id;
  kz = { id: id("correspondent.kz@example.org"), role: "correspondent", countries: ["KZ"], regions: [], bodyId: null, supervisorId: null };
  admin = { id: id("admin@example.org"), role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };
}, 120_000);
afterAll(() => {
  demo.remove();
});

const replyOf = async (cycle: string, country: string) => (await findReply(getDb(), cycle, country))!;
const setStatus = (id: number, status: string) => sqlite.prepare("update responses set status = ? where id = ?").run(status, id);
const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** Everything a write could touch, to compare before and after a refusal. */
function snapshot(responseId: number) {
  return {
    answers: sqlite.prepare("select cell, num, text, status, version, updated_at from answers where response_id = ? order by cell").all(responseId),
    history: sqlite.prepare("select * from answer_history where response_id = ? order by id").all(responseId),
    reply: sqlite.prepare("select status, updated_at from responses where id = ?").get(responseId),
    transitions: sqlite.prepare("select * from reply_transitions where response_id = ? order by id").all(responseId),
    audit: count("audit_log"),
  };
}

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
const historyRow = (responseId: number, cell: string, value: unknown) =>
  Number(
    sqlite
      .prepare("insert into answer_history (response_id, cell, old_value, new_value, user_id) values (?, ?, null, ?, ?)")
      .run(responseId, cell, JSON.stringify(value), admin.id).lastInsertRowid,
  );

describe("a locked reply: nothing changes", () => {
  beforeEach(async () => setStatus((await replyOf("2022-2024", "KZ")).reply.id, "in_progress"));

  it("refuses an import of a correspondent into a submitted reply (409)", async () => {
    const found = await replyOf("2022-2024", "KZ");
    setStatus(found.reply.id, "submitted");
    const before = snapshot(found.reply.id);
    const e = await refusal(async () =>
      importReply(getDb(), await replyOf("2022-2024", "KZ"), { user: kz, ip: IP }, file({ "001": num(19_000_000), "003": num(1) })),
    );
    expect(e.status).toBe(409);
    expect(e.message).toContain("submitted");
    expect(snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses an import and a restore of a correspondent into a validated reply (409)", async () => {
    const found = await replyOf("2020-2022", "KZ");
    const entry = historyRow(found.reply.id, "001", num(1));
    const before = snapshot(found.reply.id);
    const imported = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, file({ "001": num(1) })));
    expect([imported.status, imported.message]).toEqual([409, "The reply has been validated and is locked."]);
    const restored = await refusal(() => restoreReplyCell(getDb(), found, { user: kz, ip: IP }, { cell: "001", historyId: entry }));
    expect([restored.status, restored.message]).toEqual([409, "The reply has been validated and is locked."]);
    expect(snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses a restore of a reviewer into a validated reply (409)", async () => {
    const found = await replyOf("2020-2022", "KZ");
    const entry = historyRow(found.reply.id, "003", num(2));
    const before = snapshot(found.reply.id);
    expect((await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "003", historyId: entry }))).status).toBe(409);
    expect(snapshot(found.reply.id)).toEqual(before);
  });
});

describe("the state is read inside the transaction, not taken from the caller", () => {
  it("refuses a save, an import and a restore when the reply was locked after the route read it", async () => {
    const stale = await replyOf("2022-2024", "KZ"); // what the route read: in progress
    expect(stale.reply.status).toBe("in_progress");
    setStatus(stale.reply.id, "submitted"); // someone else submits meanwhile
    const entry = historyRow(stale.reply.id, "003", num(3));
    const before = snapshot(stale.reply.id);
    const saved = await refusal(() => saveReplyAnswers(getDb(), stale, { user: kz, ip: IP }, [{ cell: "003", value: num(4), baseVersion: 1 }]));
    expect([saved.status, saved.message]).toEqual([409, "The reply has been submitted; it can change again only if the reviewer returns it."]);
    expect((await refusal(() => importReply(getDb(), stale, { user: kz, ip: IP }, file({ "003": num(4) })))).status).toBe(409);
    setStatus(stale.reply.id, "validated"); // locked for reviewers too
    expect((await refusal(() => restoreReplyCell(getDb(), stale, { user: admin, ip: IP }, { cell: "003", historyId: entry }))).status).toBe(409);
    setStatus(stale.reply.id, "submitted");
    expect(snapshot(stale.reply.id)).toEqual(before);
    setStatus(stale.reply.id, "in_progress");
  });

  it("moves the state from the one stored now: a reply returned since the route read it becomes in progress", async () => {
    const stale = await replyOf("2022-2024", "KZ"); // read while in progress
    setStatus(stale.reply.id, "returned");
    const current = sqlite.prepare("select version from answers where response_id = ? and cell = '003'").get(stale.reply.id) as { version: number };
    const result = await saveReplyAnswers(getDb(), stale, { user: kz, ip: IP }, [{ cell: "003", value: num(9_600), baseVersion: current.version }]);
    expect(result).toEqual({ saved: [{ cell: "003", version: current.version + 1 }], conflicts: [] });
    expect((await replyOf("2022-2024", "KZ")).reply.status).toBe("in_progress");
    const last = sqlite.prepare("select from_state, to_state, note from reply_transitions where response_id = ? order by id desc limit 1").get(stale.reply.id);
    expect(last).toEqual({ from_state: "returned", to_state: "in_progress", note: "Answers changed" });
  });
});

describe("validation: a value that breaks its cell's rules is refused, nothing is written", () => {
  it("autosave: 400 with the refused cells", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = snapshot(found.reply.id);
    const e = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [
        { cell: "001", value: num(19_000_000), baseVersion: 0 },
        { cell: "003", value: { num: null, text: "much", status: null }, baseVersion: 1 },
      ]),
    );
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject([{ cell: "003", code: "notANumber" }]);
    expect(snapshot(found.reply.id)).toEqual(before);
  });

  it("import: 400 with the refused cells; a file of another questionnaire: 400", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = snapshot(found.reply.id);
    const e = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, file({ "001": num(1), "no-such-cell": num(2) })));
    expect([e.status, e.details]).toEqual([400, [{ cell: "no-such-cell", code: "unknownCell" }]]);
    const other = await refusal(() => importReply(getDb(), found, { user: kz, ip: IP }, { questionnaire: { id: "other" }, answers: {} }));
    expect([other.status, other.message]).toEqual([400, "The file answers questionnaire other; this reply uses cepej-2020-2022."]);
    expect(snapshot(found.reply.id)).toEqual(before);
  });

  it("restore: a history value that no longer passes the rules is refused (400); an unknown change is 404", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const entry = historyRow(found.reply.id, "001", { num: null, text: "eighteen million", status: null });
    const before = snapshot(found.reply.id);
    const e = await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry }));
    expect(e.status).toBe(400);
    expect(e.details).toMatchObject([{ cell: "001", code: "notANumber" }]);
    expect((await refusal(() => restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry + 1000 }))).status).toBe(404);
    expect(snapshot(found.reply.id)).toEqual(before);
  });
});

describe("restore is an edit", () => {
  it("writes the value with its history, moves a returned reply to in progress and journals it", async () => {
    const found = await replyOf("2022-2024", "FR");
    setStatus(found.reply.id, "returned");
    const entry = historyRow(found.reply.id, "001", num(68_000_000));
    const history = count("answer_history");
    const audit = count("audit_log");
    expect(await restoreReplyCell(getDb(), found, { user: admin, ip: IP }, { cell: "001", historyId: entry })).toEqual({ cell: "001", value: num(68_000_000) });
    expect(sqlite.prepare("select num, version from answers where response_id = ? and cell = '001'").get(found.reply.id)).toEqual({
      num: 68_000_000,
      version: 2,
    });
    expect(count("answer_history")).toBe(history + 1);
    expect((await replyOf("2022-2024", "FR")).reply.status).toBe("in_progress");
    expect(
      sqlite.prepare("select from_state, to_state, user_id from reply_transitions where response_id = ? order by id desc limit 1").get(found.reply.id),
    ).toEqual({ from_state: "returned", to_state: "in_progress", user_id: admin.id });
    expect(count("audit_log")).toBe(audit + 1);
    expect(sqlite.prepare("select action, object, user_id, ip from audit_log order by id desc limit 1").get()).toEqual({
      action: "reply.restore",
      object: `2022-2024/FR 001 ← change ${entry}`,
      user_id: admin.id,
      ip: IP,
    });
  });
});

describe("an import is one transaction", () => {
  const failingAudit = "create temp trigger refuse_audit before insert on audit_log begin select raise(abort, 'audit refused'); end";

  it("writes one history row per changed cell and its log-journal row, or nothing at all", async () => {
    const found = await replyOf("2022-2024", "FR"); // 001 stored; the file changes 001, adds 003 and 004#comment, keeps nothing else
    setStatus(found.reply.id, "not_started");
    const stored = (
      sqlite
        .prepare("select count(*) as n from answers where response_id = ? and (num is not null or text is not null or status is not null)")
        .get(found.reply.id) as { n: number }
    ).n;
    const content = file({ "001": num(68_100_000), "003": num(41_000), "004#comment": { num: null, text: "Gross monthly salary.", status: null } });

    // If the log-journal row cannot be written, the cells and the state are not written either.
    sqlite.exec(failingAudit);
    const before = snapshot(found.reply.id);
    await expect(importReply(getDb(), found, { user: admin, ip: IP }, content)).rejects.toThrow("audit refused");
    expect(snapshot(found.reply.id)).toEqual(before);
    expect(sqlite.inTransaction).toBe(false);
    sqlite.exec("drop trigger refuse_audit");

    const history = sqlite.prepare("select max(id) as id from answer_history").get() as { id: number };
    const audit = count("audit_log");
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, content);
    const changed = 3 + (stored - 1); // 001 changed, 003 and the comment added, any other stored cell cleared
    expect(result).toEqual({ imported: 3, changed, importId: expect.any(Number) });
    const rows = sqlite.prepare("select cell, new_value from answer_history where id > ? order by cell").all(history.id) as {
      cell: string;
      new_value: string | null;
    }[];
    expect(rows.length).toBe(changed);
    expect(new Set(rows.map((r) => r.cell)).size).toBe(changed);
    expect(rows.filter((r) => ["001", "003", "004#comment"].includes(r.cell)).map((r) => JSON.parse(r.new_value!))).toEqual([
      num(68_100_000),
      num(41_000),
      content.answers["004#comment"],
    ]);
    expect(count("audit_log")).toBe(audit + 1);
    expect(sqlite.prepare("select action, object, ip from audit_log order by id desc limit 1").get()).toEqual({
      action: "import.json",
      object: `2022-2024/FR (${changed} cells)`,
      ip: IP,
    });
    expect((await replyOf("2022-2024", "FR")).reply.status).toBe("in_progress");
    expect(
      sqlite.prepare("select from_state, to_state, note from reply_transitions where response_id = ? order by id desc limit 1").get(found.reply.id),
    ).toEqual({ from_state: "not_started", to_state: "in_progress", note: "Imported from a file" });

    // The same file again changes nothing, and says so.
    expect(await importReply(getDb(), found, { user: admin, ip: IP }, content)).toEqual({ imported: 3, changed: 0, importId: null });
  });

  it("autosave: the cells, the state and the log-journal row commit together", async () => {
    const found = await replyOf("2022-2024", "FR");
    setStatus(found.reply.id, "returned");
    sqlite.exec(failingAudit);
    const before = snapshot(found.reply.id);
    await expect(saveReplyAnswers(getDb(), found, { user: admin, ip: IP }, [{ cell: "006:r1:approved", value: num(1), baseVersion: 0 }])).rejects.toThrow(
      "audit refused",
    );
    expect(snapshot(found.reply.id)).toEqual(before);
    sqlite.exec("drop trigger refuse_audit");
  });
});

describe("a value copied from another source", () => {
  const known = { "107:r2:cases": { mapping: "q107-incoming", num: 157_473, source: "Form 1-M, line TOTAL, 2022" } };
  beforeEach(async () => setStatus((await replyOf("2022-2024", "KZ")).reply.id, "in_progress"));

  it("records its source in the cell's history; a typed value records none", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const cell = "107:r2:cases";
    const version = () =>
      (sqlite.prepare("select version from answers where response_id = ? and cell = ?").get(found.reply.id, cell) as { version: number } | undefined)
        ?.version ?? 0;
    await saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell, value: num(28_688), baseVersion: version() }], known);
    await saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell, value: num(157_473), baseVersion: version(), source: "q107-incoming" }], known);
    const rows = sqlite.prepare("select new_value, source from answer_history where response_id = ? and cell = ? order by id").all(found.reply.id, cell);
    expect(rows).toEqual([
      { new_value: JSON.stringify(num(28_688)), source: null },
      { new_value: JSON.stringify(num(157_473)), source: "Form 1-M, line TOTAL, 2022" },
    ]);
  });

  it("refuses (400, nothing written) a value that is not the source's figure, or a source the cell does not have", async () => {
    const found = await replyOf("2022-2024", "KZ");
    const before = snapshot(found.reply.id);
    const wrong = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell: "107:r2:cases", value: num(1), baseVersion: 0, source: "q107-incoming" }], known),
    );
    expect(wrong.status).toBe(400);
    const elsewhere = await refusal(() =>
      saveReplyAnswers(getDb(), found, { user: kz, ip: IP }, [{ cell: "001", value: num(157_473), baseVersion: 0, source: "q107-incoming" }], known),
    );
    expect(elsewhere.status).toBe(400);
    expect(snapshot(found.reply.id)).toEqual(before);
  });
});

describe("an import is previewed, then undone as a whole", () => {
  it("previews without writing, imports with one history row per changed cell, and one undo puts every cell back", async () => {
    const found = await replyOf("2022-2024", "FR");
    setStatus(found.reply.id, "in_progress");
    const before = snapshot(found.reply.id);
    const values = () =>
      new Map(
        (sqlite.prepare("select cell, num, text, status from answers where response_id = ?").all(found.reply.id) as { cell: string }[]).map((r) => [
          r.cell,
          JSON.stringify(r),
        ]),
      );
    const stored = values();
    const content = { cycle: "2022-2024", country: "FR", ...file({ "001": num(70_000_000), "003": num(42_000) }) };

    const preview = await previewImport(getDb(), found, { user: admin, ip: IP }, content);
    expect(snapshot(found.reply.id)).toEqual(before);
    expect(preview.total).toBe(preview.added + preview.changed + preview.cleared);
    expect(preview.cells.find((c) => c.cell === "001")?.after).toEqual(num(70_000_000));

    const history = (sqlite.prepare("select max(id) as id from answer_history").get() as { id: number }).id;
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, content);
    expect(result.changed).toBe(preview.total);
    expect((sqlite.prepare("select count(*) as n from answer_history where id > ?").get(history) as { n: number }).n).toBe(preview.total);
    expect((await lastImport(getDb(), found.reply.id))?.id).toBe(result.importId);

    const audit = count("audit_log");
    expect(await undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!)).toEqual({ undone: preview.total });
    expect(values()).toEqual(stored);
    expect(count("audit_log")).toBe(audit + 1);
    expect(await lastImport(getDb(), found.reply.id)).toBeNull();
    expect((await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!))).status).toBe(409);
    expect((await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, 999_999))).status).toBe(404);
  });

  it("refuses to undo when a cell changed since, and changes nothing", async () => {
    const found = await replyOf("2022-2024", "FR");
    setStatus(found.reply.id, "in_progress");
    const result = await importReply(getDb(), found, { user: admin, ip: IP }, { cycle: "2022-2024", country: "FR", ...file({ "001": num(71_000_000) }) });
    const version = (sqlite.prepare("select version from answers where response_id = ? and cell = '001'").get(found.reply.id) as { version: number }).version;
    await saveReplyAnswers(getDb(), found, { user: admin, ip: IP }, [{ cell: "001", value: num(72_000_000), baseVersion: version }]);
    const before = snapshot(found.reply.id);
    const e = await refusal(() => undoImport(getDb(), found, { user: admin, ip: IP }, result.importId!));
    expect(e.status).toBe(409);
    expect(e.details).toEqual([{ cell: "001" }]);
    expect(snapshot(found.reply.id)).toEqual(before);
  });

  it("refuses a file of another cycle or country with the reason, unless the user maps it", async () => {
    const found = await replyOf("2022-2024", "FR");
    setStatus(found.reply.id, "in_progress");
    const other = { cycle: "2020-2022", country: "KZ", ...file({ "001": num(18_879_552) }) };
    const before = snapshot(found.reply.id);
    const e = await refusal(() => previewImport(getDb(), found, { user: admin, ip: IP }, other));
    expect(e.status).toBe(400);
    expect(e.message).toContain("cycle 2020-2022, not 2022-2024");
    expect(e.message).toContain("reply of KZ, not FR");
    expect((await refusal(() => importReply(getDb(), found, { user: admin, ip: IP }, other))).status).toBe(400);
    expect(snapshot(found.reply.id)).toEqual(before);
    const mapped = await importReply(getDb(), found, { user: admin, ip: IP }, other, { map: { cycle: "2020-2022", country: "KZ" } });
    expect(mapped.changed).toBeGreaterThan(0);
  });
});
