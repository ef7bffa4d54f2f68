// On a seeded database (the demo data): the results from tallies and the microdata export, each
// against its reference implementation.
//
// The tallies (survey_tallies) against the reference computation: every approved interview read
// back from its cells (approvedInterviews) and estimated by modules/survey/estimate.ts. On the demo waves
// (tallies built by the seed's SQL rebuild) and after approve / import-replace sequences (tallies
// kept by the writers, one interview's contribution at a time).
// Runs on both engines (testing/demo-database.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoDatabase } from "@/testing/demo-database";
import { testSql } from "@/testing/sql";
import type { Db } from "@/db/open";
import type { Principal } from "@/lib/auth/policy";
import type { Answer } from "@/modules/questionnaire/answers";

const demo = await demoDatabase("results-exports");
const { approvedInterviews, interviewsSource, resultsOf, waveKeyIndicators, waveResults } = await import("./results");
const { findHousehold } = await import("./households");
const { approveInterview, rejectInterview } = await import("./interviews");
const { ServiceError } = await import("@/lib/http/service-error");
const { importInterviews } = await import("./waves");
const { keyIndicators, distribution, distributionFromTallies, keyIndicatorsFromTallies, topReasons, topReasonsFromTallies } = await import("../estimate");
const { interviewTallies, rebuildTallies, rebuildTalliesSql, waveTallies } = await import("./tallies");
const { interviewToAnswers } = await import("../records");
const { syntheticInterviews, TARGETS_2025 } = await import("../../../seed/survey/synthetic");
const { KEY_INDICATORS } = await import("../codes");
const { microdataLines } = await import("./microdata-export");
const { referenceMicrodataLines } = await import("@/testing/microdata-reference");

type Row = { variable: string; code: string; region: string; settlement: string; sex: string; ageGroup: string; weight: number; weight2: number; n: number };
const key = (r: Row) => [r.variable, r.code, r.region, r.settlement, r.sex, r.ageGroup].join("|");

const db: Db = demo.db;
const q = testSql(db);
let admin: Principal;
beforeAll(async () => {
  const adminId = (await q.get<{ id: number }>("select id from users where email = 'admin@example.org'"))!.id;
  admin = { id: adminId, role: "admin", countries: [], regions: [], bodyId: null, supervisorId: null };
}, 120_000);
afterAll(() => demo.remove());

/** The reference: waveResults computed interview by interview. */
const reference = async (wave: number, previous: number | null) =>
  resultsOf(wave, previous, interviewsSource(await approvedInterviews(db, wave)), previous ? interviewsSource(await approvedInterviews(db, previous)) : null);

/** The tallies of a wave as the sum of interviewTallies over its approved interviews (JS). */
async function contributions(wave: number): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  const households = await q.all<{ region: string; settlement: string; weight: number; response_id: number }>(
    "select region, settlement, weight, response_id from survey_households where wave = ? and status = 'approved'",
    wave,
  );
  // Every cell of the wave's approved interviews in one query (one per household took a minute on
  // PostgreSQL), grouped by interview here.
  const cellsOf = new Map<number, [string, Answer][]>();
  const rows = await q.all<{ response_id: number; cell: string; num: number | null; text: string | null; status: null }>(
    `select a.response_id, a.cell, a.num, a.text, a.status from answers a
       join survey_households h on h.response_id = a.response_id
      where h.wave = ? and h.status = 'approved'`,
    wave,
  );
  for (const c of rows) {
    const list = cellsOf.get(c.response_id) ?? [];
    list.push([c.cell, { num: c.num, text: c.text, status: c.status }]);
    cellsOf.set(c.response_id, list);
  }
  for (const h of households) {
    const answers = cellsOf.get(h.response_id) ?? [];
    for (const t of interviewTallies(h, answers)) {
      const r = out.get(key(t));
      if (r) {
        r.weight += t.weight;
        r.weight2 += t.weight2;
        r.n += t.n;
      } else out.set(key(t), { ...t });
    }
  }
  return out;
}

const stored = async (wave: number) => new Map((await waveTallies(db, wave)).map((r) => [key(r), r] as const));

function expectSameTallies(a: Map<string, Row>, b: Map<string, Row>) {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, r] of a) {
    const s = b.get(k)!;
    expect(s.n, k).toBe(r.n);
    expect(Math.abs(s.weight - r.weight), k).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.weight)));
    expect(Math.abs(s.weight2 - r.weight2), k).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.weight2)));
  }
}

/** Stored tallies = SQL rebuild = sum of JS contributions; results = reference. */
async function checkWave(wave: number, previous: number | null) {
  const kept = await stored(wave);
  expectSameTallies(await contributions(wave), kept);
  await rebuildTallies(db, wave);
  expectSameTallies(kept, await stored(wave));
  expect(await waveResults(db, wave, previous)).toEqual(await reference(wave, previous));
  const interviews = await approvedInterviews(db, wave);
  expect(await waveKeyIndicators(db, wave)).toEqual({ interviews: interviews.filter((i) => i.result === "1").length, ...keyIndicators(interviews) });
}

describe("survey tallies", () => {
  it("migration 0006 fills the tallies of existing data with rebuildTalliesSql(true), verbatim", () => {
    const migration = readFileSync(path.join(process.cwd(), "db", "migrations", "0006_survey_tallies_precision.sql"), "utf8");
    expect(migration).toContain(`${rebuildTalliesSql(true)};`);
  });

  it("demo waves: the results from the tallies equal the results from every interview", async () => {
    for (const [wave, previous] of [
      [2024, null],
      [2025, 2024],
    ] as const) {
      const r = await waveResults(db, wave, previous);
      expect(r.interviews).toBeGreaterThan(17_000);
      await checkWave(wave, previous);
    }
    // the tallies cover every breakdown shown, and the top reasons
    const r = await waveResults(db, 2025, 2024);
    expect(Object.keys(r.by.region.trust_police).length).toBeGreaterThan(10);
    expect(r.topUnsafeReasons).toHaveLength(3);
  }, 120_000);

  it("a wave without interviews yet has no change from the previous one (not 0 % minus last wave's share)", async () => {
    const r = await waveResults(db, 2026, 2025);
    expect(r.interviews).toBe(0);
    expect(r.overall.trust_police.change).toBeNull();
    expect((await waveResults(db, 2025, 2024)).overall.trust_police.change).not.toBeNull();
  });

  it("approve, a stale second approve, import-replace and import of new households keep the tallies exact", async () => {
    const wave = 2026;
    const households = await q.all<{ id: number; household_id: string; region: string; settlement: "1" | "2"; weight: number }>(
      "select id, household_id, region, settlement, weight from survey_households where wave = ? order by id",
      wave,
    );
    expect(households.length).toBeGreaterThan(100);
    const synthetic = syntheticInterviews(households, { targets: TARGETS_2025, seed: "tallies-test" });
    const newResponse = async () =>
      (await q.get<{ id: number }>("insert into responses (questionnaire_id, status) values ('udn', 'in_progress') returning id"))!;
    const answer = (...values: unknown[]) => q.run("insert into answers (response_id, cell, num, text, status, version) values (?, ?, ?, ?, ?, 1)", ...values);
    const complete = (...values: unknown[]) =>
      q.run("update survey_households set response_id = ?, status = 'completed', interviewer_id = null where id = ?", ...values);

    // 60 interviews completed in the field (a few not completed: result ≠ 1), 50 approved, 10 rejected
    const done = households.slice(0, 60);
    for (const [i, h] of done.entries()) {
      const { id } = await newResponse();
      const it = { ...synthetic[i], ...(i % 17 === 3 ? { result: "2" } : {}) };
      for (const [cell, a] of Object.entries(interviewToAnswers(it))) await answer(id, cell, a.num, a.text, a.status);
      await complete(id, h.id);
    }
    for (const [i, h] of done.entries()) {
      const moved =
        i < 50
          ? await approveInterview(db, (await findHousehold(db, h.id))!, admin, null)
          : await rejectInterview(db, (await findHousehold(db, h.id))!, admin, [{ question: "age", text: "check" }], null);
      expect(moved.status).toBe(i < 50 ? "approved" : "rejected");
    }
    expect((await waveResults(db, wave, 2025)).interviews).toBeGreaterThan(40);
    await checkWave(wave, 2025);

    // a second approval from a stale read is refused and counts nothing
    const stale = { ...(await findHousehold(db, done[0].id))!, status: "completed" as const };
    await expect(approveInterview(db, stale, admin, null)).rejects.toThrow(ServiceError);
    await checkWave(wave, 2025);

    // import: 20 approved interviews replaced (other answers; one no longer completed; the sample's
    // region and weight kept), 5 rejected ones and 5 new households (allowed) imported as approved
    const other = syntheticInterviews(households, { targets: TARGETS_2025, seed: "tallies-test-2" });
    const imported = [
      ...done.slice(10, 30).map((h, i) => ({
        h,
        it: { ...other[i + 100], ...(i === 7 ? { result: "3" } : {}) },
      })),
      ...done.slice(50, 55).map((h, i) => ({ h, it: other[i + 200] })),
      ...[1, 2, 3, 4, 5].map((n, i) => ({
        h: { household_id: `2026-TEST-${n}`, region: "AST", settlement: "2" as const, weight: 250 + n },
        it: other[i + 300],
      })),
    ].map(({ h, it }) => {
      const answers = interviewToAnswers(it);
      return {
        household: { household_id: h.household_id, region: h.region, settlement: h.settlement, weight: h.weight },
        result: it.result,
        interview_date: it.interview_date ?? "",
        answers,
      };
    });
    expect(await importInterviews(db, wave, imported, admin, null, { addHouseholds: true })).toBe(30);
    await checkWave(wave, 2025);

    // the same file again (every interview replaced by itself): nothing changes
    const before = await stored(wave);
    await importInterviews(db, wave, imported, admin, null, { addHouseholds: true });
    expectSameTallies(before, await stored(wave));
    await checkWave(wave, 2025);
  }, 120_000);

  it("estimates from tallies equal estimates from interviews on edge cases (unknown codes, duplicates, no answer, not completed)", () => {
    const household = (region: string, settlement: "1" | "2", weight: number) => ({ household_id: `X-${weight}`, region, settlement, weight });
    const interviews = [
      { ...household("AST", "1", 1), result: "1", trust_police: "1", sex: "1", age: 30, unsafe_reasons: ["1", "3", "1"] },
      { ...household("AST", "2", 2), result: "1", trust_police: "7", sex: "2", age: 14, unsafe_reasons: [] as string[] },
      { ...household("ALA", "1", 3), result: "1", trust_police: "2", sex: "3", age: 81, safe_day: "9", unsafe_reasons: ["8"] },
      { ...household("ALA", "2", 4), result: "2", trust_police: "1", sex: "1", age: 40 },
      { ...household("ZZZ", "1", 5), result: "1", age: 65 },
      { ...household("AST", "1", 0.25), result: "1", trust_police: "1", trust_fire: "4", sex: "2", age: 80 },
    ];
    const tallies = new Map<string, Row>();
    for (const it of interviews) {
      for (const t of interviewTallies(it, Object.entries(interviewToAnswers(it)))) {
        const r = tallies.get(key(t));
        if (r) {
          r.weight += t.weight;
          r.weight2 += t.weight2;
          r.n += t.n;
        } else tallies.set(key(t), { ...t });
      }
    }
    const rows = [...tallies.values()];
    for (const v of KEY_INDICATORS) {
      expect(distributionFromTallies(rows, v)).toEqual(distribution(interviews, v));
      for (const by of ["region", "settlement", "sex", "ageGroup"] as const)
        expect(distributionFromTallies(rows, v, { by })).toEqual(distribution(interviews, v, { by }));
    }
    expect(keyIndicatorsFromTallies(rows)).toEqual(keyIndicators(interviews));
    expect(topReasonsFromTallies(rows)).toEqual(topReasons(interviews));
  });
});

describe("microdata export", () => {
  it("writes the same bytes as before (pages by index, cells grouped in memory, rows filled question by question)", async () => {
    for (const wave of [2025, 2026]) {
      const lines: string[] = [];
      for await (const line of microdataLines(db, wave)) lines.push(line);
      const now = lines.join("");
      const previousLines: string[] = [];
      for await (const line of referenceMicrodataLines(db, wave)) previousLines.push(line);
      const before = previousLines.join("");
      expect(now.split("\r\n").length).toBeGreaterThan(wave === 2025 ? 17_000 : 50);
      expect(Buffer.from(now).equals(Buffer.from(before))).toBe(true);
    }
  }, 120_000);
});
