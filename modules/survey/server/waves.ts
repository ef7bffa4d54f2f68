// Waves: create one, load its sample frame, import interviews captured elsewhere, publish. Each a
// service with its own transaction, its log-journal row in it.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction, type Executor } from "@/db/transaction";
import { get, run } from "@/db/sql";
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

async function waveOrRefuse(tx: Executor, year: number) {
  const wave = await findWave(tx, year);
  if (!wave) throw new ServiceError(404, refusal("noSuchWave"));
  return wave;
}

/** Opens a wave; 409 if it exists. */
export async function createWave(
  db: Db,
  wave: { year: number; fieldworkStart: string; fieldworkEnd: string },
  user: Principal,
  ip: string | null,
): Promise<number> {
  return await inTransaction(db, async (tx) => {
    if (await findWave(tx, wave.year)) throw new ServiceError(409, refusal("waveExists", { year: wave.year }));
    await tx.insert(surveyWaves).values(wave);
    await recordAudit(tx, { action: "survey.wave_create", object: String(wave.year), user }, ip);
    return wave.year;
  });
}

/** Adds the households of a validated sample frame, all or nothing: 400 with the households the
 *  wave already has (errors as the parser's). Returns how many were loaded. */
export async function loadSample(db: Db, year: number, households: SampleFrameHousehold[], user: Principal, ip: string | null): Promise<number> {
  return await inTransaction(db, async (tx) => {
    await waveOrRefuse(tx, year);
    const existing = new Set(
      (await tx.select({ id: surveyHouseholds.householdId }).from(surveyHouseholds).where(eq(surveyHouseholds.wave, year))).map((r) => r.id),
    );
    const duplicates = households.filter((h) => existing.has(h.household_id));
    if (duplicates.length) {
      const errors: FileError[] = duplicates.map((h) => ({ row: null, column: "household_id", reason: `${h.household_id} is already in the wave` }));
      throw new ServiceError(400, "Some households are already in the wave; nothing was loaded.", errors);
    }
    for (const h of households) await run(tx, INSERT_SAMPLE_HOUSEHOLD, year, h.household_id, h.region, h.settlement, h.weight, h.address);
    await recordAudit(tx, { action: "survey.sample_load", object: `${year} (${households.length} households)`, user }, ip);
    return households.length;
  });
}

/** The sample's design weight and the file's are the same figure (written back from a float). */
const sameWeight = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * Imports interviews (already validated) as approved, all or nothing. A household of the sample
 * keeps its region, settlement and weight: a row that gives others is refused; a household not in
 * the sample is refused unless `addHouseholds` (the administrator's explicit choice), then added.
 * Every refusal is a row of the error report (400, as the parser's errors). An interview already
 * there is replaced (answers with their history), and the results' tallies with it. Returns how
 * many were imported.
 */
export async function importInterviews(
  db: Db,
  year: number,
  interviews: ImportedInterview[],
  user: Principal,
  ip: string | null,
  options: { addHouseholds?: boolean } = {},
): Promise<number> {
  return await inTransaction(db, async (tx) => {
    await waveOrRefuse(tx, year);
    type Sampled = { id: number; responseId: number | null; status: string; region: string; settlement: string; weight: number };
    const found: (Sampled | undefined)[] = [];
    for (const i of interviews) found.push(await get<Sampled>(tx, FIND_IMPORTED_HOUSEHOLD, year, i.household.household_id));
    const errors: FileError[] = [];
    interviews.forEach((i, n) => {
      const h = i.household;
      const row = found[n];
      const at = i.row ?? null;
      if (!row) {
        if (!options.addHouseholds)
          errors.push({
            row: at,
            column: "household_id",
            reason: `${h.household_id} is not in the sample of wave ${year} (allow adding households to import it)`,
          });
        return;
      }
      const differs = (column: string, theirs: string, ours: string) =>
        errors.push({ row: at, column, reason: `${theirs} differs from the sample's ${ours} for ${h.household_id}: an import never changes the sample` });
      if (h.region !== row.region) differs("region", h.region, row.region);
      if (h.settlement !== row.settlement) differs("settlement", h.settlement, row.settlement);
      if (!sameWeight(h.weight, row.weight)) differs("weight", String(h.weight), String(row.weight));
    });
    if (errors.length) throw new ServiceError(400, "Some interviews cannot be imported; nothing was imported.", errors);
    const at = new Date().toISOString();
    for (const [n, i] of interviews.entries()) {
      const h = i.household;
      let row = found[n];
      // an approved interview being replaced: its old answers stop counting
      if (row?.status === "approved") await addInterviewTallies(tx, row.id, -1);
      if (!row)
        row = {
          id: (await get<{ id: number }>(tx, INSERT_IMPORTED_HOUSEHOLD, year, h.household_id, h.region, h.settlement, h.weight))!.id,
          responseId: null,
          status: "approved",
          ...h,
        };
      const responseId = row.responseId ?? (await get<{ id: number }>(tx, INSERT_IMPORTED_SHEET))!.id;
      await run(tx, SET_IMPORTED_HOUSEHOLD, responseId, i.language ?? null, at, row.id);
      await replaceAnswers(tx, responseId, user.id, new Map(Object.entries(i.answers)));
      await run(tx, INSERT_IMPORT_EVENT, row.id, user.id);
      await addInterviewTallies(tx, row.id, 1);
    }
    await recordAudit(tx, { action: "survey.import", object: `${year} (${interviews.length} interviews)`, user }, ip);
    return interviews.length;
  });
}

/** Makes a wave's results public (or not). */
export async function publishWave(db: Db, year: number, published: boolean, user: Principal, ip: string | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    await waveOrRefuse(tx, year);
    await tx
      .update(surveyWaves)
      .set({ publishedAt: published ? new Date().toISOString() : null })
      .where(eq(surveyWaves.year, year));
    await recordAudit(tx, { action: published ? "survey.publish" : "survey.unpublish", object: String(year), user }, ip);
  });
}
