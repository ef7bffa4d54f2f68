// Waves: create one, load its sample frame, import interviews captured elsewhere, publish. Each a
// service with its own transaction, its log-journal row in it.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction, type Executor } from "@/db/transaction";
import { prepared } from "@/db/statements";
import { surveyHouseholds, surveyWaves } from "@/db/schema";
import type { Principal } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { replaceAnswers } from "@/modules/questionnaire/server/answers";
import type { SampleFrameHousehold } from "../sample-frame";
import type { Interview as ImportedInterview } from "../microdata";
import { findWave } from "./households";
import {
  FIND_IMPORTED_HOUSEHOLD,
  INSERT_IMPORT_EVENT,
  INSERT_IMPORTED_HOUSEHOLD,
  INSERT_IMPORTED_SHEET,
  INSERT_SAMPLE_HOUSEHOLD,
  SET_IMPORTED_HOUSEHOLD,
} from "./survey.sql";
import { addInterviewTallies } from "./tallies";
import { refusal } from "@/lib/http/refusal";

/** A refused row of an uploaded file, as the CSV parsers report them. */
type FileError = { row: number | null; column: string; reason: string };

function waveOrRefuse(tx: Executor, year: number) {
  const wave = findWave(tx, year);
  if (!wave) throw new ServiceError(404, refusal("noSuchWave"));
  return wave;
}

/** Opens a wave; 409 if it exists. */
export function createWave(db: Db, wave: { year: number; fieldworkStart: string; fieldworkEnd: string }, user: Principal, ip: string | null): number {
  return inTransaction(db, (tx) => {
    if (findWave(tx, wave.year)) throw new ServiceError(409, refusal("waveExists", { year: wave.year }));
    tx.insert(surveyWaves).values(wave).run();
    recordAudit(tx, { action: "survey.wave_create", object: String(wave.year), user }, ip);
    return wave.year;
  });
}

/** Adds the households of a validated sample frame, all or nothing: 400 with the households the
 *  wave already has (errors as the parser's). Returns how many were loaded. */
export function loadSample(db: Db, year: number, households: SampleFrameHousehold[], user: Principal, ip: string | null): number {
  return inTransaction(db, (tx) => {
    waveOrRefuse(tx, year);
    const existing = new Set(
      tx
        .select({ id: surveyHouseholds.householdId })
        .from(surveyHouseholds)
        .where(eq(surveyHouseholds.wave, year))
        .all()
        .map((r) => r.id),
    );
    const duplicates = households.filter((h) => existing.has(h.household_id));
    if (duplicates.length) {
      const errors: FileError[] = duplicates.map((h) => ({ row: null, column: "household_id", reason: `${h.household_id} is already in the wave` }));
      throw new ServiceError(400, "Some households are already in the wave; nothing was loaded.", errors);
    }
    const insert = prepared(tx.$client, INSERT_SAMPLE_HOUSEHOLD);
    for (const h of households) insert.run(year, h.household_id, h.region, h.settlement, h.weight, h.address);
    recordAudit(tx, { action: "survey.sample_load", object: `${year} (${households.length} households)`, user }, ip);
    return households.length;
  });
}

/**
 * Imports interviews (already validated) as approved, all or nothing, adding households not yet in
 * the sample; an interview already there is replaced (answers with their history, household
 * fields), and the results' tallies with it. Returns how many were imported.
 */
export function importInterviews(db: Db, year: number, interviews: ImportedInterview[], user: Principal, ip: string | null): number {
  return inTransaction(db, (tx) => {
    waveOrRefuse(tx, year);
    const sqlite = tx.$client;
    for (const i of interviews) {
      const h = i.household;
      let row = prepared(sqlite, FIND_IMPORTED_HOUSEHOLD).get(year, h.household_id) as { id: number; responseId: number | null; status: string } | undefined;
      // an approved interview being replaced: its old answers and household fields stop counting
      if (row?.status === "approved") addInterviewTallies(tx, row.id, -1);
      if (!row)
        row = {
          id: (prepared(sqlite, INSERT_IMPORTED_HOUSEHOLD).get(year, h.household_id, h.region, h.settlement, h.weight) as { id: number }).id,
          responseId: null,
          status: "approved",
        };
      const responseId = row.responseId ?? (prepared(sqlite, INSERT_IMPORTED_SHEET).get() as { id: number }).id;
      prepared(sqlite, SET_IMPORTED_HOUSEHOLD).run(responseId, h.region, h.settlement, h.weight, row.id);
      replaceAnswers(tx, responseId, user.id, new Map(Object.entries(i.answers)));
      prepared(sqlite, INSERT_IMPORT_EVENT).run(row.id, user.id);
      addInterviewTallies(tx, row.id, 1);
    }
    recordAudit(tx, { action: "survey.import", object: `${year} (${interviews.length} interviews)`, user }, ip);
    return interviews.length;
  });
}

/** Makes a wave's results public (or not). */
export function publishWave(db: Db, year: number, published: boolean, user: Principal, ip: string | null): void {
  inTransaction(db, (tx) => {
    waveOrRefuse(tx, year);
    tx.update(surveyWaves)
      .set({ publishedAt: published ? new Date().toISOString() : null })
      .where(eq(surveyWaves.year, year))
      .run();
    recordAudit(tx, { action: published ? "survey.publish" : "survey.unpublish", object: String(year), user }, ip);
  });
}
