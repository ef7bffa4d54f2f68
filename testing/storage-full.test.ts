// A full disk, for real: the app's own connection to a demo database is limited to the pages it
// already has (PRAGMA max_page_count, a per-connection setting: nothing reachable in production sets
// it), so that a write needing one more page fails with SQLITE_FULL as on a full disk. The route
// handlers and server actions are called as Next calls them, with the session mocked.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoDatabase } from "@/testing/demo-database";
import en from "@/messages/en.json";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ checkApiAccess: async () => ({ ok: true, user: session.user }), currentUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: "errors") => (key: keyof typeof en.errors) => en[namespace][key] }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const demo = await demoDatabase("storage-full");
const sqlite = demo.db.$client;
const answersRoute = await import("@/app/api/cycles/[cycle]/replies/[country]/answers/route");
const healthRoute = await import("@/app/api/health/route");
const { registerRequestAction } = await import("@/modules/reporting/actions");
const { QUIET_MS, storageIncident } = await import("@/db/storage");

// Kazakhstan's published reply, every cell of it, saved into France's empty reply of the same cycle:
// far more than the free room left in the database's pages.
const fixture = JSON.parse(readFileSync(path.join(__dirname, "..", "seed", "cepej", "kz-2020-2022.json"), "utf8")).answers as Record<string, unknown>;
const changes = Object.entries(fixture).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));

const saveFrance = () =>
  answersRoute.PUT(
    new Request("http://localhost/api/cycles/2020-2022/replies/FR/answers", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ changes }),
    }),
    { params: Promise.resolve({ cycle: "2020-2022", country: "FR" }) },
  );
const health = () => healthRoute.GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
const count = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
const tables = ["answers", "answer_history", "audit_log", "reply_transitions", "information_requests"];
const counts = () => Object.fromEntries(tables.map((t) => [t, count(t)]));
const franceStatus = () => sqlite.prepare("select status from responses where cycle_slug = '2020-2022' and country_code = 'FR'").pluck().get();

/** The disk is "full": no page beyond those the file has, none of them free. */
function fillTheDisk() {
  expect(sqlite.pragma("freelist_count", { simple: true })).toBe(0);
  sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true })}`);
}
const freeSpace = () => sqlite.pragma("max_page_count = 4294967294");

let errors: ReturnType<typeof vi.spyOn>;
let clock = Date.parse("2030-03-04T05:06:07Z");
const at = (ms: number) => vi.setSystemTime((clock = ms));
const logged = () => errors.mock.calls.map((args) => args.map(String).join(" "));

beforeAll(() => {
  const admin = sqlite.prepare("select id, email, name, role, locale from users where email = 'admin@example.org'").get() as Record<string, unknown>;
  session.user = { ...admin, countries: [], regions: [], bodyId: null, supervisorId: null };
  vi.useFakeTimers({ toFake: ["Date"] });
  at(clock);
});
afterEach(() => {
  freeSpace();
  errors?.mockRestore();
});
afterAll(async () => {
  vi.useRealTimers();
  await demo.remove();
});

describe("a full disk", () => {
  it("answers 503 'storage full', writes nothing, logs once, and recovers by itself when space returns", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = counts();
    const status = franceStatus();
    fillTheDisk();

    for (let i = 0; i < 3; i++) {
      const refused = await saveFrance();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(await refused.json()).toEqual({ error: "storage full" });
    }
    // Rolled back whole: no cell, no history, no journal row, no change of state; the connection still answers.
    expect(counts()).toEqual(before);
    expect(franceStatus()).toBe(status);
    expect(sqlite.inTransaction).toBe(false);
    // One line for the incident, without a stack trace.
    expect(logged()).toEqual([
      `Storage full: writes are refused (database or disk is full (SQLITE_FULL)); the API answers 503 "storage full" until space returns.`,
    ]);

    const since = new Date(clock).toISOString();
    const during = await health();
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ status: "error", database: `storage full since ${since}: database or disk is full (SQLITE_FULL)` });

    // No refusal for a while: the health check probes the disk itself, and it is still full.
    at(clock + QUIET_MS);
    const stillFull = await health();
    expect(stillFull.status).toBe(503);
    expect(await stillFull.json()).toEqual({ status: "error", database: `storage full since ${since}: database or disk is full (SQLITE_FULL)` });

    // Space returns: the very next write goes through, on the same connection, no restart.
    freeSpace();
    at(clock + 1000);
    const saved = await saveFrance();
    expect(saved.status).toBe(200);
    expect((await saved.json()).saved).toHaveLength(changes.length);
    expect(count("answers")).toBe(before.answers + changes.length);
    // The health check waits for a quiet spell after the last refusal, then its probe writes and ends the incident.
    expect((await health()).status).toBe(503);
    at(clock + QUIET_MS);
    const after = await health();
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: "ok", database: "ok" });
    expect(storageIncident()).toBeNull();
    expect(logged()).toHaveLength(2);
    expect(logged()[1]).toBe(`Storage writable again: 4 write(s) refused since ${since}.`);
  });

  it("ends the incident at a write that commits once no write has been refused for a while", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    sqlite.exec("delete from answers where response_id = (select id from responses where cycle_slug = '2020-2022' and country_code = 'FR')");
    sqlite.exec("vacuum"); // the freed pages back to the file system: none left free inside
    fillTheDisk();
    expect((await saveFrance()).status).toBe(503);
    freeSpace();
    at(clock + QUIET_MS);
    expect(storageIncident()).not.toBeNull();
    expect((await saveFrance()).status).toBe(200);
    expect(storageIncident()).toBeNull();
    expect(logged()).toHaveLength(2);
    expect(logged()[1]).toMatch(/^Storage writable again: 1 write\(s\) refused since /);
  });

  it("gives a server action's form the reason in the user's language, and the action works again with space", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const form = () => {
      const f = new FormData();
      for (const [k, v] of Object.entries({
        requesterKind: "state_body",
        requester: "Ministry of Justice",
        signatory: "A. Signatory",
        channel: "eds",
        indicators: "Registered crimes by region, ".repeat(170), // ~5 000 characters: more than a page
        unit: "crime",
        period: "2025",
        receivedOn: "2026-01-15",
      }))
        f.set(k, v);
      return f;
    };
    const before = counts();
    fillTheDisk();
    expect(await registerRequestAction({}, form())).toEqual({ error: en.errors.storageFull });
    expect(counts()).toEqual(before);
    expect(logged()).toHaveLength(1);

    freeSpace();
    at(clock + QUIET_MS);
    const done = await registerRequestAction({}, form());
    expect(done.ok).toMatch(/^\d+$/);
    expect(count("information_requests")).toBe(before.information_requests + 1);
    expect(storageIncident()).toBeNull();
  });
});
