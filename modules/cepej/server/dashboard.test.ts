// A cycle's dashboard data on the demo database: published cycles and validated replies for the
// public, every started reply for administrators; publishing writes its journal row with the change.
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDatabase } from "@/testing/demo-database";
import { testSql } from "@/testing/sql";
import type { Principal } from "@/lib/auth/policy";

const demo = await demoDatabase("cepej-dashboard");
const { cycleDashboard, publishCycle, publishedCycles } = await import("./dashboard");
const { ServiceError } = await import("@/lib/http/service-error");

const q = testSql(demo.db);
let admin: Principal;
beforeAll(async () => {
  const id = (await q.value<number>("select id from users where email = 'admin@example.org'"))!;
  admin = { id, role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };
}, 120_000);
afterAll(() => demo.remove());

describe("cycle dashboard", () => {
  it("public: published cycles, validated replies only; admins: every cycle, every started reply", async () => {
    const open = await cycleDashboard(demo.db, "2022-2024", { admin: false });
    // 2022-2024 is not published: the public sees only its published predecessor
    expect(open.cycles.map((c) => c.slug)).toEqual(["2020-2022"]);
    expect(open.countries.map((c) => c.code)).toEqual(["KZ"]);
    const judges = open.indicators.find((i) => i.id === "judges-per-100k")!;
    expect(judges.figures.KZ["2020-2022"].value).toBe(12.68);

    const all = await cycleDashboard(demo.db, "2022-2024", { admin: true });
    expect(all.cycles.map((c) => [c.slug, c.published])).toEqual([
      ["2020-2022", true],
      ["2022-2024", false],
    ]);
    expect(all.countries.map((c) => c.code).sort()).toEqual(["FR", "KZ"]);
    expect(all.countries.find((c) => c.code === "KZ")!.status).toEqual({ "2020-2022": "validated", "2022-2024": "in_progress" });
    // France's 2022 reply has its inhabitants only: no judges yet
    expect(all.indicators.find((i) => i.id === "judges-per-100k")!.figures.FR["2022-2024"]).toMatchObject({ value: null, missing: "empty" });
    expect((await cycleDashboard(demo.db, "1999-2000", { admin: true })).cycles).toEqual([]);
  });

  it("publishing makes the cycle public, with its journal row; an unknown cycle is a 404", async () => {
    const audits = () => q.value<number>("select cast(count(*) as integer) as n from audit_log where action like 'cepej.cycle_%'");
    expect((await publishedCycles(demo.db)).map((c) => c.slug)).toEqual(["2020-2022"]);
    await publishCycle(demo.db, "2022-2024", true, admin, "192.0.2.1");
    expect((await publishedCycles(demo.db)).map((c) => c.slug)).toEqual(["2022-2024", "2020-2022"]);
    expect((await cycleDashboard(demo.db, "2022-2024", { admin: false })).cycles.map((c) => c.slug)).toEqual(["2020-2022", "2022-2024"]);
    expect(await q.get("select action, object, ip from audit_log order by id desc limit 1")).toEqual({
      action: "cepej.cycle_publish",
      object: "2022-2024",
      ip: "192.0.2.1",
    });
    await publishCycle(demo.db, "2022-2024", false, admin, null);
    expect((await cycleDashboard(demo.db, "2022-2024", { admin: false })).cycles.map((c) => c.slug)).toEqual(["2020-2022"]);
    expect(await audits()).toBe(2);
    await expect(publishCycle(demo.db, "1999-2000", true, admin, null)).rejects.toThrow(ServiceError);
    expect(await audits()).toBe(2);
  });
});
