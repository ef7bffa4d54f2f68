// Waves: create one, load its sample frame, import interviews captured elsewhere, publish.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { surveyHouseholds, surveyWaves } from "@/db/schema";
import type { SampleFrameHousehold } from "../sample-frame";
import type { Interview as ImportedInterview } from "../microdata";
import { addInterviewTallies } from "./tallies";

export function createWave(year: number, fieldworkStart: string, fieldworkEnd: string): boolean {
  const db = getDb();
  if (db.select().from(surveyWaves).where(eq(surveyWaves.year, year)).get()) return false;
  db.insert(surveyWaves).values({ year, fieldworkStart, fieldworkEnd }).run();
  return true;
}

/** Adds the households of a validated sample frame (all or nothing); existing ids are refused. */
export function loadSample(year: number, households: SampleFrameHousehold[]): { ok: true; loaded: number } | { ok: false; duplicates: string[] } {
  const db = getDb();
  const existing = new Set(db.select({ id: surveyHouseholds.householdId }).from(surveyHouseholds).where(eq(surveyHouseholds.wave, year)).all().map((r) => r.id));
  const duplicates = households.filter((h) => existing.has(h.household_id)).map((h) => h.household_id);
  if (duplicates.length) return { ok: false, duplicates };
  const insert = db.$client.prepare("insert into survey_households (wave, household_id, region, settlement, weight, address) values (?, ?, ?, ?, ?, ?)");
  db.$client.transaction(() => {
    for (const h of households) insert.run(year, h.household_id, h.region, h.settlement, h.weight, h.address);
  }).immediate();
  return { ok: true, loaded: households.length };
}

/** Imports interviews (already validated) as approved, adding households not yet in the sample;
 *  an interview already there is replaced (answers and household fields), tallies included. */
export function importInterviews(year: number, interviews: ImportedInterview[], userId: number): number {
  const sqlite = getDb().$client;
  const find = sqlite.prepare("select id, response_id, status from survey_households where wave = ? and household_id = ?");
  const addHousehold = sqlite.prepare("insert into survey_households (wave, household_id, region, settlement, weight, address, status) values (?, ?, ?, ?, ?, '', 'approved') returning id");
  const newResponse = sqlite.prepare("insert into responses (questionnaire_id, status) values ('udn', 'validated') returning id");
  const clear = sqlite.prepare("delete from answers where response_id = ?");
  const setHousehold = sqlite.prepare("update survey_households set status = 'approved', response_id = ?, region = ?, settlement = ?, weight = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?");
  const answer = sqlite.prepare("insert into answers (response_id, cell, num, text, status, version, updated_by) values (?, ?, ?, ?, ?, 1, ?)");
  const event = sqlite.prepare("insert into interview_events (household_row_id, from_state, to_state, user_id, note) values (?, ?, 'approved', ?, 'imported')");
  return sqlite.transaction(() => {
    for (const i of interviews) {
      const h = i.household;
      let row = find.get(year, h.household_id) as { id: number; response_id: number | null; status: string } | undefined;
      // an approved interview being replaced: its old answers and household fields stop counting
      if (row?.status === "approved") addInterviewTallies(sqlite, row.id, -1);
      if (!row) row = { id: (addHousehold.get(year, h.household_id, h.region, h.settlement, h.weight) as { id: number }).id, response_id: null, status: "approved" };
      const responseId = row.response_id ?? (newResponse.get() as { id: number }).id;
      clear.run(responseId);
      setHousehold.run(responseId, h.region, h.settlement, h.weight, row.id);
      for (const [cell, a] of Object.entries(i.answers)) answer.run(responseId, cell, a.num, a.text, a.status, userId);
      event.run(row.id, "imported", userId);
      addInterviewTallies(sqlite, row.id, 1);
    }
    return interviews.length;
  }).immediate();
}

export function publishWave(year: number, published: boolean) {
  getDb().update(surveyWaves).set({ publishedAt: published ? new Date().toISOString() : null }).where(eq(surveyWaves.year, year)).run();
}

export const waveHasHousehold = (year: number, householdId: string) =>
  !!getDb().select({ id: surveyHouseholds.id }).from(surveyHouseholds).where(and(eq(surveyHouseholds.wave, year), eq(surveyHouseholds.householdId, householdId))).get();
