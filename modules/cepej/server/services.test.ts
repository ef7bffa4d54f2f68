// The other CEPEJ writes, on a seeded throw-away database: workflow transitions re-read the state
// inside their transaction; transitions, flags, queries and the cycle administration write their
// log-journal row in the same transaction as their change (a journal that cannot be written leaves
// nothing behind). Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { failWrites, testSql, transactionLeftOpen } from "@/testing/sql";
import type { Principal } from "@/lib/auth/policy";

const demo = await demoDatabase("cepej-services");
const getDb = () => demo.db;
const { findReply } = await import("./replies");
const { openQuery, postToQuery, setFlag, transitionReply } = await import("./workflow");
const { assignCorrespondent, createCycle, extendDeadline } = await import("./cycles");
const { ServiceError } = await import("@/lib/http/service-error");

const q = testSql(getDb());
let kz: Principal;
let admin: Principal;
let frUser: number;
const IP = "192.0.2.7";

beforeAll(async () => {
  const id = async (email: string) => (await q.get<{ id: number }>("select id from users where email = ?", email))!.id;
  kz = { id: await id("correspondent.kz@example.org"), role: "correspondent", countries: ["KZ"], regions: [], bodyId: null, supervisorId: null };
  admin = { id: await id("admin@example.org"), role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };
  frUser = await id("correspondent.fr@example.org");
}, 120_000);
afterAll(() => demo.remove());

const reply = async (country: string) => (await findReply(getDb(), "2022-2024", country))!;
const setStatus = (country: string, status: string) =>
  q.run("update responses set status = ? where cycle_slug = '2022-2024' and country_code = ?", status, country);
const all = (text: string, ...args: unknown[]) => q.all(text, ...args);
const count = async (table: string) => (await q.value<number>(`select cast(count(*) as integer) as n from ${table}`))!;
const lastAudit = () => q.get("select action, object, user_id, ip from audit_log order by id desc limit 1");

async function refusal(run: () => Promise<unknown>): Promise<InstanceType<typeof ServiceError>> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Runs `run` while the log-journal refuses every row: it must throw and leave `tables` as they were. */
async function withoutJournal(tables: string[], run: () => Promise<unknown>) {
  const state = () => Promise.all(tables.map((t) => all(`select * from ${t}`)));
  const before = await state();
  const allowAudit = await failWrites(getDb(), { table: "audit_log", message: "audit refused" });
  try {
    await expect(run()).rejects.toThrow("audit refused");
  } finally {
    await allowAudit();
  }
  expect(await state()).toEqual(before);
  expect(await transactionLeftOpen(getDb())).toBe(false);
}

describe("transitions read the reply's state inside their transaction", () => {
  it("refuses a submit when the reply was submitted since the route read it", async () => {
    const stale = await reply("KZ");
    expect(stale.reply.status).toBe("in_progress");
    await setStatus("KZ", "submitted");
    const transitions = await count("reply_transitions");
    const audit = await count("audit_log");
    const e = await refusal(() => transitionReply(getDb(), stale, "submit", kz, null, IP));
    expect([e.status, e.message]).toEqual([409, "A reply that is submitted cannot be submitted."]);
    expect([await count("reply_transitions"), await count("audit_log")]).toEqual([transitions, audit]);
  });

  it("refuses to validate a reply returned meanwhile, or one with a query opened meanwhile", async () => {
    await setStatus("KZ", "submitted");
    const stale = await reply("KZ");
    await setStatus("KZ", "returned");
    expect((await refusal(() => transitionReply(getDb(), stale, "validate", admin, null, IP))).message).toBe("A reply that is returned cannot be validated.");
    await setStatus("KZ", "submitted");
    const query = (await q.get<{ id: number }>(
      "insert into queries (response_id, question_id, created_by) values (?, '001', ?) returning id",
      stale.reply.id,
      admin.id,
    ))!.id;
    const e = await refusal(() => transitionReply(getDb(), stale, "validate", admin, null, IP));
    expect([e.status, e.message]).toEqual([409, "1 query is still open: resolve them before validating."]);
    await q.run("delete from queries where id = ?", query);
    expect((await reply("KZ")).reply.status).toBe("submitted");
  });

  it("lists what blocks a submission (422), with each item's chapter", async () => {
    await setStatus("KZ", "in_progress");
    const e = await refusal(async () => transitionReply(getDb(), await reply("KZ"), "submit", kz, null, IP));
    expect(e.status).toBe(422);
    expect((e.details as { question: string; chapter?: string }[]).find((d) => d.question === "001")).toMatchObject({ chapter: "1" });
    expect((await reply("KZ")).reply.status).toBe("in_progress");
  });

  it("moves the state, records the step and journals it in one commit", async () => {
    await setStatus("KZ", "submitted");
    const found = await reply("KZ");
    await withoutJournal(["responses", "reply_transitions"], () => transitionReply(getDb(), found, "return", admin, "Please check 001.", IP));
    expect(await transitionReply(getDb(), found, "return", admin, "Please check 001.", IP)).toEqual({ from: "submitted", to: "returned" });
    expect((await reply("KZ")).reply.status).toBe("returned");
    expect(await q.get("select from_state, to_state, note from reply_transitions order by id desc limit 1")).toEqual({
      from_state: "submitted",
      to_state: "returned",
      note: "Please check 001.",
    });
    expect(await lastAudit()).toEqual({ action: "reply.return", object: "2022-2024/KZ", user_id: admin.id, ip: IP });
  });
});

describe("flags and queries journal in the same transaction", () => {
  it("a flag, and its removal", async () => {
    const found = await reply("KZ");
    await withoutJournal(["cell_flags"], () => setFlag(getDb(), found, admin, "001", "Not comparable", IP));
    await setFlag(getDb(), found, admin, "001", "Not comparable", IP);
    expect(await all("select cell, reason from cell_flags where response_id = ?", found.reply.id)).toEqual([{ cell: "001", reason: "Not comparable" }]);
    expect(await lastAudit()).toEqual({ action: "reply.flag", object: "2022-2024/KZ 001", user_id: admin.id, ip: IP });
    await withoutJournal(["cell_flags"], () => setFlag(getDb(), found, admin, "001", null, IP));
    await setFlag(getDb(), found, admin, "001", null, IP);
    expect(await all("select * from cell_flags where response_id = ?", found.reply.id)).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: "reply.unflag" });
    expect((await refusal(() => setFlag(getDb(), found, admin, "no-such-cell", "x", IP))).status).toBe(400);
  });

  it("a query opened, answered and resolved; a resolved or foreign query is refused", async () => {
    const found = await reply("KZ");
    await withoutJournal(["queries", "query_messages"], () => openQuery(getDb(), found, admin, "001", "Please confirm.", IP));
    const id = await openQuery(getDb(), found, admin, "001", "Please confirm.", IP);
    expect(await lastAudit()).toEqual({ action: "query.open", object: `2022-2024/KZ 001 (query ${id})`, user_id: admin.id, ip: IP });
    await withoutJournal(["queries", "query_messages"], () => postToQuery(getDb(), found, kz, id, { text: "Confirmed." }, IP));
    await postToQuery(getDb(), found, kz, id, { text: "Confirmed." }, IP);
    expect(await all("select text from query_messages where query_id = ? order by id", id)).toEqual([{ text: "Please confirm." }, { text: "Confirmed." }]);
    expect(await lastAudit()).toMatchObject({ action: "query.answer", user_id: kz.id });
    await withoutJournal(["queries", "query_messages"], () => postToQuery(getDb(), found, admin, id, { resolve: true }, IP));
    await postToQuery(getDb(), found, admin, id, { resolve: true }, IP);
    expect(await lastAudit()).toMatchObject({ action: "query.resolve" });
    expect((await refusal(() => postToQuery(getDb(), found, kz, id, { text: "Late." }, IP))).status).toBe(409);
    expect((await refusal(async () => postToQuery(getDb(), await reply("FR"), admin, id, { resolve: true }, IP))).status).toBe(404);
    expect((await refusal(() => openQuery(getDb(), found, admin, "no-such-question", "?", IP))).status).toBe(400);
  });
});

describe("cycle administration journals in the same transaction", () => {
  const input = {
    slug: "2030-2032",
    name: "Evaluation cycle 2030–2032",
    referenceYear: 2030,
    opensOn: "2031-01-01",
    closesOn: "2031-06-30",
    previousCycle: "2022-2024",
    variationThreshold: 20,
    definitionJson: null,
  };

  it("creates a cycle with a reply for every country, or nothing", async () => {
    await withoutJournal(["cycles", "responses"], () => createCycle(getDb(), input, admin, IP));
    await createCycle(getDb(), input, admin, IP);
    expect(await all("select cast(count(*) as integer) as n from responses where cycle_slug = '2030-2032'")).toEqual(
      await all("select cast(count(*) as integer) as n from countries"),
    );
    expect(await lastAudit()).toEqual({ action: "cycle.create", object: "2030-2032", user_id: admin.id, ip: IP });
    const exists = await refusal(() => createCycle(getDb(), input, admin, IP));
    expect([exists.status, exists.details]).toEqual([409, { slug: { key: "exists" } }]);
  });

  it("refuses an invalid uploaded definition with each error as a field error", async () => {
    const bad = await refusal(() => createCycle(getDb(), { ...input, slug: "2032-2034", definitionJson: "{" }, admin, IP));
    expect([bad.status, bad.details]).toEqual([400, { "definition:0": { key: "definition", values: { path: "(file)", message: "not valid JSON" } } }]);
    expect(await all("select * from cycles where slug = '2032-2034'")).toEqual([]);
  });

  it("assigns a correspondent (and their country scope), or refuses someone else", async () => {
    await withoutJournal(["cycle_correspondents", "user_scopes"], () =>
      assignCorrespondent(getDb(), { cycle: "2030-2032", country: "FR", userId: frUser }, admin, IP),
    );
    await assignCorrespondent(getDb(), { cycle: "2030-2032", country: "FR", userId: frUser }, admin, IP);
    expect(await all("select user_id from cycle_correspondents where cycle_slug = '2030-2032' and country_code = 'FR'")).toEqual([{ user_id: frUser }]);
    expect(await lastAudit()).toEqual({ action: "cycle.assign", object: `2030-2032/FR → user ${frUser}`, user_id: admin.id, ip: IP });
    expect((await refusal(() => assignCorrespondent(getDb(), { cycle: "2030-2032", country: "FR", userId: admin.id }, admin, IP))).status).toBe(400);
    expect((await refusal(() => assignCorrespondent(getDb(), { cycle: "1999-2000", country: "FR", userId: frUser }, admin, IP))).status).toBe(404);
  });

  it("refuses an assignment naming a user or a country that does not exist with 404, and records nothing", async () => {
    const journal = await count("audit_log");
    const unknownUser = await refusal(() => assignCorrespondent(getDb(), { cycle: "2030-2032", country: "FR", userId: 999_999 }, admin, IP));
    expect([unknownUser.status, unknownUser.message]).toEqual([404, "No user 999999."]);
    expect((await refusal(() => assignCorrespondent(getDb(), { cycle: "2030-2032", country: "ZZ", userId: frUser }, admin, IP))).status).toBe(404);
    expect(await all("select * from cycle_correspondents where user_id = 999999 or country_code = 'ZZ'")).toEqual([]);
    expect(await count("audit_log")).toBe(journal);
  });

  it("extends a country's deadline, or refuses an unknown reply", async () => {
    await withoutJournal(["responses"], () => extendDeadline(getDb(), { cycle: "2030-2032", country: "KZ", deadline: "2031-07-31" }, admin, IP));
    await extendDeadline(getDb(), { cycle: "2030-2032", country: "KZ", deadline: "2031-07-31" }, admin, IP);
    expect(await all("select deadline from responses where cycle_slug = '2030-2032' and country_code = 'KZ'")).toEqual([{ deadline: "2031-07-31" }]);
    expect(await lastAudit()).toEqual({ action: "cycle.extend_deadline", object: "2030-2032/KZ → 2031-07-31", user_id: admin.id, ip: IP });
    expect((await refusal(() => extendDeadline(getDb(), { cycle: "2030-2032", country: "ZZ", deadline: null }, admin, IP))).status).toBe(404);
  });
});
