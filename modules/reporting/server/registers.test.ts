// The Committee's registers and calendar: each write is one service whose audit row is committed
// with it, and a request or a dispatch is recorded once (a second answer or dispatch is refused
// with 409 and writes nothing). Runs on both engines (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { testSql } from "@/testing/sql";

const demo = await demoDatabase("registers-test", { seed: false });
const getDb = () => demo.db;
const { ServiceError } = await import("@/lib/http/service-error");
const { answerRequest, dispatchSchedule, listRequests, recordDispatch, registerRequest, REQUEST_DAYS } = await import("./registers");
const { changeCalendarDay, listAdjustments, loadAdjustments } = await import("./calendar");

const q = testSql(demo.db); // migrated, empty: these services need no reference data
let admin: { id: number; role: string };

beforeAll(async () => {
  const { id } = (await q.get<{ id: number }>(
    "insert into users (email, name, password_hash, role) values ('admin@test', 'Admin', 'x', 'admin') returning id",
  ))!;
  admin = { id, role: "admin" };
});

afterAll(() => demo.remove());

const audit = (action: string) => q.all('select object, user_id as "userId", ip from audit_log where action = ? order by id', action);

async function refusal(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("the service did not refuse");
}

const REQUEST = {
  requesterKind: "state_body",
  requester: "Ministry of Justice",
  signatory: "A. B.",
  channel: "eds",
  indicators: "Thefts",
  unit: "crime",
  period: "2025",
  receivedOn: "2026-01-05",
} as const;

describe("information requests", () => {
  it("are registered with their due date and audit row; answered once", async () => {
    const id = await registerRequest(getDb(), REQUEST, admin, "10.0.0.1");
    const row = (await listRequests(getDb(), { committee: true })).find((r) => r.id === id)!;
    expect(row).toMatchObject({ status: "registered", dueOn: "2026-01-20", createdBy: admin.id });
    expect(REQUEST_DAYS).toBe(15);
    expect(await audit("request.register")).toEqual([{ object: `request ${id} from Ministry of Justice`, userId: admin.id, ip: "10.0.0.1" }]);

    await answerRequest(getDb(), id, "Sent by e-document No. 1", admin, null);
    const second = await refusal(() => answerRequest(getDb(), id, "Another answer", admin, null));
    expect(second.status).toBe(409);
    expect((await listRequests(getDb(), { committee: true })).find((r) => r.id === id)).toMatchObject({
      status: "answered",
      answer: "Sent by e-document No. 1",
    });
    expect(await audit("request.answer")).toEqual([{ object: `request ${id}`, userId: admin.id, ip: null }]);
  });

  it("by another channel are left without consideration and cannot be answered; unknown ones are 404", async () => {
    const id = await registerRequest(getDb(), { ...REQUEST, channel: "other" }, admin, null);
    expect((await listRequests(getDb(), { committee: true })).find((r) => r.id === id)!.status).toBe("left_without_consideration");
    expect((await refusal(() => answerRequest(getDb(), id, "x", admin, null))).status).toBe(409);
    expect((await refusal(() => answerRequest(getDb(), 999_999, "x", admin, null))).status).toBe(404);
    expect(await audit("request.answer")).toHaveLength(1); // the previous test's only
    expect((await listRequests(getDb(), { committee: true })).find((r) => r.id === id)!.exclusion).toBe("channel");
  });

  it("asking for screenshots of accounting documents or for open-source information are left without consideration, with the reason", async () => {
    const copies = await registerRequest(getDb(), { ...REQUEST, subject: "copies", indicators: "Screenshots of the crime register cards" }, admin, null);
    const open = await registerRequest(getDb(), { ...REQUEST, subject: "open_sources" }, admin, null);
    const rows = await listRequests(getDb(), { committee: true });
    expect(rows.find((r) => r.id === copies)).toMatchObject({ status: "left_without_consideration", exclusion: "copies" });
    expect(rows.find((r) => r.id === open)).toMatchObject({ status: "left_without_consideration", exclusion: "open_sources" });
    expect((await refusal(() => answerRequest(getDb(), copies, "x", admin, null))).status).toBe(409);
    expect((await audit("request.register")).at(-2)).toMatchObject({ object: `request ${copies} from Ministry of Justice left without consideration: copies` });
  });

  it("an answer for official use is seen by the Committee only", async () => {
    const id = await registerRequest(getDb(), REQUEST, admin, null);
    await answerRequest(getDb(), id, "Figures by district", admin, null, true);
    expect((await listRequests(getDb(), { committee: true })).find((r) => r.id === id)).toMatchObject({ answer: "Figures by district", officialUse: true });
    expect((await listRequests(getDb(), { committee: false })).find((r) => r.id === id)).toMatchObject({ answer: null, officialUse: true });
  });
});

describe("collection dispatches", () => {
  it("are recorded once per collection and period, with their audit row", async () => {
    await recordDispatch(getDb(), { collection: 1, period: "2025-Q1", sentOn: "2025-04-20", recipients: "Government" }, admin, null);
    const again = await refusal(() => recordDispatch(getDb(), { collection: 1, period: "2025-Q1", sentOn: "2025-04-21", recipients: "Again" }, admin, null));
    expect(again.status).toBe(409);
    expect(await q.get("select cast(count(*) as integer) as n from collection_dispatches")).toEqual({ n: 1 });
    expect(await audit("collection.dispatch")).toEqual([{ object: "collection 1 2025-Q1", userId: admin.id, ip: null }]);
  });

  it("refuses an unknown collection or a period of the wrong kind", async () => {
    expect(
      (await refusal(() => recordDispatch(getDb(), { collection: 9, period: "2025-Q1", sentOn: "2025-04-20", recipients: "x" }, admin, null))).status,
    ).toBe(400);
    expect(
      (await refusal(() => recordDispatch(getDb(), { collection: 1, period: "2025-03", sentOn: "2025-04-20", recipients: "x" }, admin, null))).status,
    ).toBe(400);
    expect(await audit("collection.dispatch")).toHaveLength(1);
    expect((await dispatchSchedule(getDb())).length).toBeGreaterThan(0);
  });
});

describe("calendar", () => {
  it("adds, changes and removes a day, each with its audit row", async () => {
    await changeCalendarDay(getDb(), { date: "2026-06-08", kind: "off", note: "Kurban ait" }, admin, null);
    expect(await loadAdjustments(getDb())).toMatchObject({ extraDaysOff: ["2026-06-08"], extraWorkingDays: [] });
    await changeCalendarDay(getDb(), { date: "2026-06-08", kind: "working", note: "transfer" }, admin, null);
    expect(await listAdjustments(getDb())).toEqual([{ date: "2026-06-08", kind: "working", note: "transfer" }]);
    await changeCalendarDay(getDb(), { date: "2026-06-08", kind: "remove", note: "" }, admin, null);
    expect(await listAdjustments(getDb())).toEqual([]);
    expect((await audit("calendar.change")).map((r) => (r as { object: string }).object)).toEqual([
      "2026-06-08 off Kurban ait",
      "2026-06-08 working transfer",
      "2026-06-08 remove ",
    ]);
  });

  it("refuses to remove a day that is not declared (404), and records nothing", async () => {
    const error = await refusal(() => changeCalendarDay(getDb(), { date: "2026-06-09", kind: "remove", note: "" }, admin, null));
    expect([error.status, error.message]).toEqual([404, "2026-06-09 is not declared a day off or a working day."]);
    expect((await audit("calendar.change")).map((r) => (r as { object: string }).object)).not.toContain("2026-06-09 remove ");
  });
});
