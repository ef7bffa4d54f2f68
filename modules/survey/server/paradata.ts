// Paradata storage: an interview's sessions (modules/survey/paradata.ts), merged by the services
// that save its answers, inside their transaction; and the wave's paradata file.
import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/transaction";
import { interviewParadata, surveyHouseholds } from "@/db/schema";
import type { Principal } from "@/lib/auth/policy";
import { scopeOf } from "@/lib/auth/policy";
import { BOM, csvLine } from "@/lib/csv/csv";
import { PARADATA_VARIABLES } from "../codebook";
import { mergeParadata, summariseParadata, type ParadataSession, type StoredParadata } from "../paradata";

export async function readParadata(db: Executor, householdRowId: number): Promise<StoredParadata> {
  const [row] = await db
    .select({ sessions: interviewParadata.sessions })
    .from(interviewParadata)
    .where(eq(interviewParadata.householdRowId, householdRowId))
    .limit(1);
  return row ? (JSON.parse(row.sessions) as StoredParadata) : {};
}

/** Merges a session's totals into the interview's paradata. */
export async function storeParadata(tx: Executor, householdRowId: number, session: ParadataSession): Promise<void> {
  const merged = JSON.stringify(mergeParadata(await readParadata(tx, householdRowId), session));
  const updatedAt = new Date().toISOString();
  await tx
    .insert(interviewParadata)
    .values({ householdRowId, sessions: merged, updatedAt })
    .onConflictDoUpdate({ target: interviewParadata.householdRowId, set: { sessions: merged, updatedAt } });
}

/** The file's columns, as the codebook lists them. */
export const PARADATA_HEADER = PARADATA_VARIABLES.map(([name]) => name);

/** `q1=12.5; q2=3`: per-question figures in one cell, in question order of first appearance. */
const perQuestion = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([q, n]) => `${q}=${n}`)
    .join("; ");

/** The wave's paradata file: one row per interview with paradata (those the user's scope covers). */
export async function paradataCsv(db: Executor, wave: number, user: Principal): Promise<string> {
  const scope = scopeOf(user);
  const where: SQL[] = [eq(surveyHouseholds.wave, wave)];
  if (scope.regions) where.push(inArray(surveyHouseholds.region, scope.regions.length ? scope.regions : ["-"]));
  const rows = await db
    .select({ h: surveyHouseholds, sessions: interviewParadata.sessions })
    .from(interviewParadata)
    .innerJoin(surveyHouseholds, eq(surveyHouseholds.id, interviewParadata.householdRowId))
    .where(and(...where))
    .orderBy(asc(surveyHouseholds.householdId));
  const lines = rows.map(({ h, sessions }) => {
    const s = summariseParadata(JSON.parse(sessions) as StoredParadata);
    return csvLine([
      h.householdId,
      h.region,
      h.status,
      h.interviewerId === null ? "" : String(h.interviewerId),
      h.interviewLanguage ?? s?.language ?? "",
      s?.startedAt ?? "",
      s?.endedAt ?? "",
      s ? String(s.durationSeconds) : "",
      s ? String(s.sessions) : "0",
      s?.userAgent ?? "",
      s ? perQuestion(s.seconds) : "",
      s ? perQuestion(s.changes) : "",
    ]);
  });
  return BOM + csvLine(PARADATA_HEADER) + lines.join("");
}

/** Each interview's duration in seconds (from its paradata), for the quality view. */
export async function durationsOf(db: Executor, householdRowIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < householdRowIds.length; i += 500) {
    const rows = await db
      .select()
      .from(interviewParadata)
      .where(inArray(interviewParadata.householdRowId, householdRowIds.slice(i, i + 500)));
    for (const r of rows) {
      const s = summariseParadata(JSON.parse(r.sessions) as StoredParadata);
      if (s) out.set(r.householdRowId, s.durationSeconds);
    }
  }
  return out;
}

/** At completion: an interview whose language was never chosen explicitly records the one its form
 *  was shown in (the session's). */
export async function recordShownLanguage(tx: Executor, householdRowId: number, session: ParadataSession | undefined): Promise<void> {
  if (!session?.language) return;
  await tx
    .update(surveyHouseholds)
    .set({ interviewLanguage: session.language })
    .where(and(eq(surveyHouseholds.id, householdRowId), isNull(surveyHouseholds.interviewLanguage)));
}
