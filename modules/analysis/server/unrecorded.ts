// The survey side of the unrecorded-crime comparison and its mappings (table offence_mappings).
// The registered counts come from the reporting feature: the caller (app/) passes them in.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { offenceMappings, surveyWaves } from "@/db/schema";
import { REGIONS } from "@/db/reference-data";
import { inTransaction, type Executor } from "@/db/transaction";
import { all, statement } from "@/db/sql";
import type { AuditEntry } from "@/lib/audit/server";
import { recordAudit } from "@/lib/audit/server";
import { ServiceError } from "@/lib/http/service-error";
import { CAVEATS, unrecordedCrime, type OffenceComparison, type OffenceMapping, type RegionComparison, type SurveyHousehold } from "../unrecorded";
import { FORM_1M_LINES, SURVEY_OFFENCES, type MappingInput } from "../schemas";

/** Section E's answers of a wave's approved interviews (with result).
 *  why raw SQL: ~18 000 households × 15 cells read in one pass on each request of the page and API;
 *  the tallies (modules/survey) do not keep section E. */
const SECTION_E = statement(`
  select h.id, h.region, h.settlement, h.weight, a.cell, a.text
    from survey_households h
    join answers a on a.response_id = h.response_id
   where h.wave = ? and h.status = 'approved'
     and (a.cell = 'result' or lower(a.cell) like 'victim\\_%' escape '\\' or lower(a.cell) like 'reported\\_%' escape '\\')
   order by h.id`);

export async function surveyHouseholds(db: Executor, wave: number): Promise<SurveyHousehold[]> {
  const rows = await all<{
    id: number;
    region: string;
    settlement: string;
    weight: number;
    cell: string;
    text: string | null;
  }>(db, SECTION_E, wave);
  const out: SurveyHousehold[] = [];
  let last: number | null = null;
  let current: SurveyHousehold | null = null;
  for (const r of rows) {
    if (r.id !== last) {
      current = { region: r.region, settlement: r.settlement, weight: r.weight, completed: false, answers: {} };
      out.push(current);
      last = r.id;
    }
    if (r.cell === "result") current!.completed = r.text === "1";
    else current!.answers[r.cell] = r.text ?? undefined;
  }
  return out;
}

const parseList = (s: string): string[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

export type StoredMapping = OffenceMapping & { updatedAt: string; updatedBy: number | null };

export async function listOffenceMappings(db: Executor): Promise<StoredMapping[]> {
  return (await db.select().from(offenceMappings).orderBy(asc(offenceMappings.id))).map((m) => ({
    id: m.id,
    surveyOffences: parseList(m.surveyOffences),
    formLines: parseList(m.formLines),
    note: m.note,
    updatedAt: m.updatedAt,
    updatedBy: m.updatedBy,
  }));
}

/** An administrator changes which survey offences and 1-M lines a mapping compares, and its note. */
export async function updateOffenceMapping(db: Executor, user: AuditEntry["user"], ip: string | null, input: MappingInput): Promise<void> {
  for (const k of input.surveyOffences) if (!SURVEY_OFFENCES.includes(k)) throw new ServiceError(400, `Unknown survey offence: ${k}`);
  for (const l of input.formLines) if (!FORM_1M_LINES.includes(l)) throw new ServiceError(400, `Unknown line of form 1-M: ${l}`);
  await inTransaction(db, async (tx) => {
    const [found] = await tx.select({ id: offenceMappings.id }).from(offenceMappings).where(eq(offenceMappings.id, input.id)).limit(1);
    if (!found) throw new ServiceError(404, "No such mapping.");
    await tx
      .update(offenceMappings)
      .set({
        surveyOffences: JSON.stringify(input.surveyOffences),
        formLines: JSON.stringify(input.formLines),
        note: input.note,
        updatedBy: user?.id ?? null,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(offenceMappings.id, input.id));
    await recordAudit(
      tx,
      { action: "analysis.mapping", object: `${input.id}: ${input.surveyOffences.join("+")} ↔ 1-M ${input.formLines.join("+")}`, user },
      ip,
    );
  });
}

export type UnrecordedCrimeReport = {
  year: number;
  wave: { year: number; published: boolean; fieldworkStart: string; fieldworkEnd: string } | null;
  form: { code: "1-M"; complete: boolean; monthsByRegion: Record<string, number>; counted: "accepted reports" };
  /** Both sources published: the page and the API are public. */
  published: boolean;
  mappings: OffenceMapping[];
  national: OffenceComparison[];
  regions: (RegionComparison & { regionName: string })[];
  caveats: typeof CAVEATS;
};

/** The 1-M side as the reporting feature gives it. */
export type RegisteredSource = {
  complete: boolean;
  months: Map<string, number>;
  count: (region: string | null, lines: string[]) => number | null;
};

export async function waveOf(db: Executor, year: number) {
  const [wave] = await db.select().from(surveyWaves).where(eq(surveyWaves.year, year)).limit(1);
  return wave ?? null;
}

export async function unrecordedCrimeReport(db: Executor, year: number, registered: RegisteredSource): Promise<UnrecordedCrimeReport> {
  const wave = await waveOf(db, year);
  const mappings = (await listOffenceMappings(db)).map(({ id, surveyOffences, formLines, note }) => ({ id, surveyOffences, formLines, note }));
  const households = wave ? await surveyHouseholds(db, year) : [];
  const result = unrecordedCrime(
    households,
    mappings,
    REGIONS.map((r) => r.code),
    registered.count,
  );
  const names = new Map(REGIONS.map((r) => [r.code, r.name]));
  return {
    year,
    wave: wave && { year: wave.year, published: !!wave.publishedAt, fieldworkStart: wave.fieldworkStart, fieldworkEnd: wave.fieldworkEnd },
    form: { code: "1-M", complete: registered.complete, monthsByRegion: Object.fromEntries(registered.months), counted: "accepted reports" },
    published: !!wave?.publishedAt && registered.complete,
    mappings,
    national: result.national,
    regions: result.regions.map((r) => ({ ...r, regionName: names.get(r.region) ?? r.region })),
    caveats: CAVEATS,
  };
}

/** The latest published wave (the page's default year), else the latest wave; null without waves. */
export async function latestWave(db: Executor): Promise<number | null> {
  const waves = await db.select({ year: surveyWaves.year, publishedAt: surveyWaves.publishedAt }).from(surveyWaves);
  const published = waves.filter((w) => w.publishedAt).map((w) => w.year);
  const all = waves.map((w) => w.year);
  return published.length ? Math.max(...published) : all.length ? Math.max(...all) : null;
}
