// Fills a freshly migrated database: reference data always (idempotent); the demo data once, when
// asked (DEMO_DATA=1) and there are no users yet; the first administrator from ADMIN_EMAIL and
// ADMIN_PASSWORD when there is none yet. Runs when the server starts (instrumentation.ts) and from
// `npm run db:seed`.
import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { withStartLockWait } from "../db/migrate";
import { isPostgres } from "../db/postgres";
import { inTransaction } from "../db/transaction";
import {
  answers,
  countries,
  cycleCorrespondents,
  cycles,
  offenceMappings,
  questionnaires,
  regions,
  replyTransitions,
  responses,
  users,
  userScopes,
} from "../db/schema";
import offenceMappingData from "@/modules/analysis/offence-mappings.json";
import kz2020 from "@/seed/cepej/kz-2020-2022.json";
import form1m from "@/modules/reporting/definitions/form-1m.json";
import { seedReporting } from "./reporting/seed-reporting";
import { seedSurvey } from "./survey/seed-survey";
import udn from "@/modules/survey/udn-definition.json";
import { COUNTRIES, REGIONS } from "../db/reference-data";
import { hashPasswordSync } from "@/lib/auth/password";
import { demoDataEnabled } from "@/lib/demo";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { CEPEJ_2020_2022 } from "@/modules/cepej/definitions/cepej-2020-2022";
import { checkAdminInput, hasAdministrator, insertAdministrator } from "./first-admin";

export const DEMO_PASSWORD = "demo-password";

type Options = {
  /** Load the demo into a database without users (default: DEMO_DATA=1). */
  demo?: boolean;
  /** The administrator to create when there is none (default: ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD). */
  admin?: { email?: string; name?: string; password?: string } | null;
};

export async function bootstrapDatabase(db: Db, { demo = demoDataEnabled(), admin = adminFromEnvironment() }: Options = {}): Promise<void> {
  // IMMEDIATE: a second process starting at the same time waits here (as long as the demo takes to
  // load) instead of seeding twice.
  const seed = () =>
    inTransaction(db, async (tx) => {
      await seedReferenceData(tx);
      await seedQuestionnaires(tx);
      const [{ n }] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users);
      if (n === 0 && demo) await seedDemo(tx);
      if (admin && !(await hasAdministrator(tx))) await createFirstAdministrator(tx, admin);
    });
  // PostgreSQL: instances starting together each run it; SERIALIZABLE makes all but one retry, and
  // the retry finds the users and loads nothing twice (db/transaction.ts).
  if (isPostgres(db)) await seed();
  else await withStartLockWait(db.$client, seed);
}

function adminFromEnvironment(): Options["admin"] {
  const { ADMIN_EMAIL: email, ADMIN_NAME: name, ADMIN_PASSWORD: password } = process.env;
  return email || password ? { email, name, password } : null;
}

/** A wrong ADMIN_* setting stops the start (the caller reports it) rather than leaving a server nobody can administer. */
async function createFirstAdministrator(db: Db, admin: NonNullable<Options["admin"]>): Promise<void> {
  if (!admin.email || !admin.password) throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD must be set together to create the first administrator");
  const input = checkAdminInput(admin);
  if (!input.ok) throw new Error(`ADMIN_EMAIL / ADMIN_PASSWORD refused: ${input.error}`);
  const { email, name, password } = input.value;
  await insertAdministrator(db, { email, name, passwordHash: hashPasswordSync(password) }, "ADMIN_EMAIL at start");
  console.log(`Created the administrator ${email} (ADMIN_EMAIL); ADMIN_PASSWORD can now be removed from the environment.`);
}

async function seedReferenceData(db: Db): Promise<void> {
  await db.insert(countries).values(COUNTRIES).onConflictDoNothing();
  await db.insert(regions).values(REGIONS).onConflictDoNothing();
  // the shipped mappings of survey offences to 1-M lines; an administrator's edits are kept
  for (const m of offenceMappingData.mappings) {
    await db
      .insert(offenceMappings)
      .values({ id: m.id, surveyOffences: JSON.stringify(m.surveyOffences), formLines: JSON.stringify(m.formLines), note: m.note })
      .onConflictDoNothing();
  }
}

/** The definitions shipped with the app, stored (and updated) in the database. */
async function seedQuestionnaires(db: Db): Promise<void> {
  for (const definition of [CEPEJ_2020_2022, form1m, udn]) {
    const parsed = parseQuestionnaire(definition);
    if (!parsed.ok) throw new Error(`definition ${(definition as { id?: string }).id} invalid: ${JSON.stringify(parsed.errors.slice(0, 5))}`);
    const q = parsed.questionnaire;
    await db
      .insert(questionnaires)
      .values({ id: q.id, version: q.version, definition: JSON.stringify(q) })
      .onConflictDoUpdate({ target: questionnaires.id, set: { version: q.version, definition: JSON.stringify(q) } });
  }
}

async function seedDemo(db: Db): Promise<void> {
  const hash = hashPasswordSync(DEMO_PASSWORD);
  const bodies = await seedReporting(db);

  const add = async (email: string, name: string, role: (typeof users.$inferInsert)["role"], extra: Partial<typeof users.$inferInsert> = {}) =>
    (
      await db
        .insert(users)
        .values({ email, name, role, passwordHash: hash, ...extra })
        .returning({ id: users.id })
    )[0].id;
  const scope = async (userId: number, kind: "country" | "region", codes: string[]) => {
    await db.insert(userScopes).values(codes.map((code) => ({ userId, kind, code })));
  };

  const adminId = await add("admin@example.org", "Secretariat Administrator", "admin");
  const kzId = await add("correspondent.kz@example.org", "Kazakhstan Correspondent", "correspondent");
  await scope(kzId, "country", ["KZ"]);
  const frId = await add("correspondent.fr@example.org", "France Correspondent", "correspondent");
  await scope(frId, "country", ["FR"]);
  const supervisorId = await add("supervisor@example.org", "Survey Supervisor", "supervisor");
  await scope(supervisorId, "region", ["AST", "ALA"]);
  const interviewerId = await add("interviewer@example.org", "Survey Interviewer", "interviewer", { supervisorId });
  await scope(interviewerId, "region", ["AST"]);
  await seedSurvey(db, interviewerId);
  await add("reporter@example.org", "Astana Police Department Reporter", "reporter", { reportingBodyId: bodies.get("AST")! });

  // Cycle 2020–2022 (2020 data): closed; Kazakhstan's reply as published (seed 002), validated.
  const allCountries = await db.select({ code: countries.code }).from(countries);
  const openCycle = async (cycle: typeof cycles.$inferInsert) => {
    await db.insert(cycles).values(cycle);
    await db.insert(responses).values(allCountries.map((c) => ({ questionnaireId: cycle.questionnaireId, cycleSlug: cycle.slug, countryCode: c.code })));
  };
  const replyId = async (cycle: string, country: string) =>
    (
      await db
        .select({ id: responses.id })
        .from(responses)
        .where(sql`cycle_slug = ${cycle} and country_code = ${country}`)
    )[0].id;
  const history = async (responseId: number, steps: [string, string, number, string | null][]) => {
    for (const [fromState, toState, userId, note] of steps) await db.insert(replyTransitions).values({ responseId, fromState, toState, userId, note });
  };

  await openCycle({
    slug: "2020-2022",
    name: "Evaluation cycle 2020–2022",
    referenceYear: 2020,
    questionnaireId: CEPEJ_2020_2022.id,
    opensOn: "2021-03-19",
    closesOn: "2021-10-01",
    publishedAt: "2022-10-04T09:00:00.000Z", // its dashboard is public
  });
  const kzOld = await replyId("2020-2022", "KZ");
  await db.insert(answers).values(
    Object.entries(kz2020.answers as Record<string, { num: number | null; text: string | null; status: "NA" | "NAP" | null }>).map(([cell, a]) => ({
      responseId: kzOld,
      cell,
      num: a.num,
      text: a.text,
      status: a.status,
      version: 1,
      updatedBy: kzId,
    })),
  );
  await db
    .update(responses)
    .set({ status: "validated", updatedAt: "2022-09-30T10:57:00.000Z" })
    .where(sql`id = ${kzOld}`);
  await history(kzOld, [
    ["not_started", "in_progress", kzId, "Answers changed"],
    ["in_progress", "submitted", kzId, null],
    ["submitted", "validated", adminId, "Imported from the published reply (seed 002)"],
  ]);
  await db.insert(cycleCorrespondents).values({ cycleSlug: "2020-2022", countryCode: "KZ", userId: kzId });

  // Cycle 2022–2024 (2022 data): open now, so the demo can be answered; Kazakhstan and France in progress.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await openCycle({
    slug: "2022-2024",
    name: "Evaluation cycle 2022–2024",
    referenceYear: 2022,
    questionnaireId: CEPEJ_2020_2022.id,
    opensOn: day(-60),
    closesOn: day(120),
    previousCycle: "2020-2022",
    variationThreshold: 20,
  });
  await db.insert(cycleCorrespondents).values([
    { cycleSlug: "2022-2024", countryCode: "KZ", userId: kzId },
    { cycleSlug: "2022-2024", countryCode: "FR", userId: frId },
  ]);
  const started: [string, number, string, number][] = [
    ["KZ", kzId, "003", 9_500],
    ["FR", frId, "001", 68_042_591],
  ];
  for (const [country, userId, cell, value] of started) {
    const id = await replyId("2022-2024", country);
    await db.insert(answers).values({ responseId: id, cell, num: value, version: 1, updatedBy: userId });
    await db
      .update(responses)
      .set({ status: "in_progress" })
      .where(sql`id = ${id}`);
    await history(id, [["not_started", "in_progress", userId, "Answers changed"]]);
  }
}
