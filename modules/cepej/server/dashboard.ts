// The data of a CEPEJ cycle's dashboard, and publishing a cycle (its dashboard becomes public).
// Public: published cycles only, validated replies only. Administrators: every cycle, every reply
// that has been started (its status shown).
import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/open";
import { inTransaction, type Executor } from "@/db/transaction";
import { countries, cycles, responses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/server";
import type { Principal } from "@/lib/auth/policy";
import { ServiceError } from "@/lib/http/service-error";
import { loadAnswers } from "@/modules/questionnaire/server/answers";
import { dashboardIndicators, type DashboardIndicator } from "../dashboard";
import { flagsOf } from "./workflow";

/** How many cycles a dashboard compares: the cycle and its predecessors. */
const CYCLES_COMPARED = 4;

export type DashboardCycle = { slug: string; name: string; referenceYear: number; published: boolean };
export type Dashboard = {
  cycles: DashboardCycle[];
  countries: { code: string; name: string; status: Record<string, string> }[];
  indicators: DashboardIndicator[];
};

/** The cycle and up to three predecessors (previousCycle), oldest first; only published ones unless `all`. */
async function cyclesCompared(db: Executor, slug: string, all: boolean): Promise<DashboardCycle[]> {
  const out: DashboardCycle[] = [];
  const seen = new Set<string>();
  for (let s: string | null = slug; s && !seen.has(s) && out.length < CYCLES_COMPARED;) {
    seen.add(s);
    const [c] = await db.select().from(cycles).where(eq(cycles.slug, s)).limit(1);
    if (!c) break;
    if (all || c.publishedAt) out.unshift({ slug: c.slug, name: c.name, referenceYear: c.referenceYear, published: !!c.publishedAt });
    s = c.previousCycle;
  }
  return out;
}

export async function cycleDashboard(db: Executor, slug: string, options: { admin: boolean }): Promise<Dashboard> {
  const compared = await cyclesCompared(db, slug, options.admin);
  if (!compared.length) return { cycles: [], countries: [], indicators: [] };
  const rows = await db
    .select({ id: responses.id, cycle: responses.cycleSlug, country: countries.code, name: countries.name, status: responses.status })
    .from(responses)
    .innerJoin(countries, eq(countries.code, responses.countryCode))
    .where(
      and(
        inArray(
          responses.cycleSlug,
          compared.map((c) => c.slug),
        ),
        options.admin ? ne(responses.status, "not_started") : eq(responses.status, "validated"),
      ),
    )
    .orderBy(countries.name);
  const byCountry = new Map<string, { code: string; name: string; status: Record<string, string> }>();
  const replies = [];
  for (const r of rows) {
    const entry = byCountry.get(r.country) ?? { code: r.country, name: r.name, status: {} };
    entry.status[r.cycle!] = r.status;
    byCountry.set(r.country, entry);
    const stored = await loadAnswers(db, r.id);
    replies.push({
      cycle: r.cycle!,
      country: r.country,
      read: (k: string) => stored.get(k)?.answer,
      withheld: new Set((await flagsOf(db, r.id)).map((f) => f.cell)),
    });
  }
  return { cycles: compared, countries: [...byCountry.values()], indicators: dashboardIndicators(replies) };
}

/** Publishes a cycle (its dashboard becomes public) or withdraws it, with its log-journal row. */
export async function publishCycle(db: Db, slug: string, published: boolean, user: Principal, ip: string | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [found] = await tx.select({ slug: cycles.slug }).from(cycles).where(eq(cycles.slug, slug)).limit(1);
    if (!found) throw new ServiceError(404, `No cycle ${slug}.`);
    await tx
      .update(cycles)
      .set({ publishedAt: published ? new Date().toISOString() : null })
      .where(eq(cycles.slug, slug));
    await recordAudit(tx, { action: published ? "cepej.cycle_publish" : "cepej.cycle_unpublish", object: slug, user }, ip);
  });
}

/** The published cycles, newest first: their dashboards are public. */
export async function publishedCycles(db: Executor): Promise<{ slug: string; name: string }[]> {
  const rows = await db.select({ slug: cycles.slug, name: cycles.name, publishedAt: cycles.publishedAt }).from(cycles).orderBy(cycles.slug);
  return rows
    .filter((c) => c.publishedAt)
    .map(({ slug, name }) => ({ slug, name }))
    .reverse();
}
