// Fills a freshly migrated database: reference data always (idempotent); the demo data once, when
// asked (DEMO_DATA=1) and there are no users yet; the first administrator from ADMIN_EMAIL and
// ADMIN_PASSWORD when there is none yet. Runs when the server starts (instrumentation.ts) and from
// `npm run db:seed`.
import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { withStartLockWait } from "../db/migrate";
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

export function bootstrapDatabase(db: Db, { demo = demoDataEnabled(), admin = adminFromEnvironment() }: Options = {}) {
  // IMMEDIATE: a second process starting at the same time waits here (as long as the demo takes to
  // load) instead of seeding twice.
  withStartLockWait(db.$client, () =>
    db.$client
      .transaction(() => {
        seedReferenceData(db);
        seedQuestionnaires(db);
        const { n } = db.get<{ n: number }>(sql`select count(*) as n from users`);
        if (n === 0 && demo) seedDemo(db);
        if (admin && !hasAdministrator(db)) createFirstAdministrator(db, admin);
      })
      .immediate(),
  );
}

function adminFromEnvironment(): Options["admin"] {
  const { ADMIN_EMAIL: email, ADMIN_NAME: name, ADMIN_PASSWORD: password } = process.env;
  return email || password ? { email, name, password } : null;
}

/** A wrong ADMIN_* setting stops the start (the caller reports it) rather than leaving a server nobody can administer. */
function createFirstAdministrator(db: Db, admin: NonNullable<Options["admin"]>) {
  if (!admin.email || !admin.password) throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD must be set together to create the first administrator");
  const input = checkAdminInput(admin);
  if (!input.ok) throw new Error(`ADMIN_EMAIL / ADMIN_PASSWORD refused: ${input.error}`);
  const { email, name, password } = input.value;
  insertAdministrator(db, { email, name, passwordHash: hashPasswordSync(password) }, "ADMIN_EMAIL at start");
  console.log(`Created the administrator ${email} (ADMIN_EMAIL); ADMIN_PASSWORD can now be removed from the environment.`);
}

function seedReferenceData(db: Db) {
  db.insert(countries).values(COUNTRIES).onConflictDoNothing().run();
  db.insert(regions).values(REGIONS).onConflictDoNothing().run();
  // the shipped mappings of survey offences to 1-M lines; an administrator's edits are kept
  for (const m of offenceMappingData.mappings) {
    db.insert(offenceMappings)
      .values({ id: m.id, surveyOffences: JSON.stringify(m.surveyOffences), formLines: JSON.stringify(m.formLines), note: m.note })
      .onConflictDoNothing()
      .run();
  }
}

/** The definitions shipped with the app, stored (and updated) in the database. */
function seedQuestionnaires(db: Db) {
  for (const definition of [CEPEJ_2020_2022, form1m, udn]) {
    const parsed = parseQuestionnaire(definition);
    if (!parsed.ok) throw new Error(`definition ${(definition as { id?: string }).id} invalid: ${JSON.stringify(parsed.errors.slice(0, 5))}`);
    const q = parsed.questionnaire;
    db.insert(questionnaires)
      .values({ id: q.id, version: q.version, definition: JSON.stringify(q) })
      .onConflictDoUpdate({ target: questionnaires.id, set: { version: q.version, definition: JSON.stringify(q) } })
      .run();
  }
}

function seedDemo(db: Db) {
  const hash = hashPasswordSync(DEMO_PASSWORD);
  const bodies = seedReporting(db);

  const add = (email: string, name: string, role: (typeof users.$inferInsert)["role"], extra: Partial<typeof users.$inferInsert> = {}) =>
    db
      .insert(users)
      .values({ email, name, role, passwordHash: hash, ...extra })
      .returning({ id: users.id })
      .get().id;
  const scope = (userId: number, kind: "country" | "region", codes: string[]) =>
    db
      .insert(userScopes)
      .values(codes.map((code) => ({ userId, kind, code })))
      .run();

  const adminId = add("admin@example.org", "Secretariat Administrator", "admin");
  const kzId = add("correspondent.kz@example.org", "Kazakhstan Correspondent", "correspondent");
  scope(kzId, "country", ["KZ"]);
  const frId = add("correspondent.fr@example.org", "France Correspondent", "correspondent");
  scope(frId, "country", ["FR"]);
  const supervisorId = add("supervisor@example.org", "Survey Supervisor", "supervisor");
  scope(supervisorId, "region", ["AST", "ALA"]);
  const interviewerId = add("interviewer@example.org", "Survey Interviewer", "interviewer", { supervisorId });
  scope(interviewerId, "region", ["AST"]);
  seedSurvey(db, interviewerId);
  add("reporter@example.org", "Astana Police Department Reporter", "reporter", { reportingBodyId: bodies.get("AST")! });

  // Cycle 2020–2022 (2020 data): closed; Kazakhstan's reply as published (seed 002), validated.
  const allCountries = db.select({ code: countries.code }).from(countries).all();
  const openCycle = (cycle: typeof cycles.$inferInsert) => {
    db.insert(cycles).values(cycle).run();
    db.insert(responses)
      .values(allCountries.map((c) => ({ questionnaireId: cycle.questionnaireId, cycleSlug: cycle.slug, countryCode: c.code })))
      .run();
  };
  const replyId = (cycle: string, country: string) =>
    db.get<{ id: number }>(sql`select id from responses where cycle_slug = ${cycle} and country_code = ${country}`).id;
  const history = (responseId: number, steps: [string, string, number, string | null][]) =>
    steps.forEach(([fromState, toState, userId, note]) => db.insert(replyTransitions).values({ responseId, fromState, toState, userId, note }).run());

  openCycle({
    slug: "2020-2022",
    name: "Evaluation cycle 2020–2022",
    referenceYear: 2020,
    questionnaireId: CEPEJ_2020_2022.id,
    opensOn: "2021-03-19",
    closesOn: "2021-10-01",
    publishedAt: "2022-10-04T09:00:00.000Z", // its dashboard is public
  });
  const kzOld = replyId("2020-2022", "KZ");
  db.insert(answers)
    .values(
      Object.entries(kz2020.answers as Record<string, { num: number | null; text: string | null; status: "NA" | "NAP" | null }>).map(([cell, a]) => ({
        responseId: kzOld,
        cell,
        num: a.num,
        text: a.text,
        status: a.status,
        version: 1,
        updatedBy: kzId,
      })),
    )
    .run();
  db.update(responses)
    .set({ status: "validated", updatedAt: "2022-09-30T10:57:00.000Z" })
    .where(sql`id = ${kzOld}`)
    .run();
  history(kzOld, [
    ["not_started", "in_progress", kzId, "Answers changed"],
    ["in_progress", "submitted", kzId, null],
    ["submitted", "validated", adminId, "Imported from the published reply (seed 002)"],
  ]);
  db.insert(cycleCorrespondents).values({ cycleSlug: "2020-2022", countryCode: "KZ", userId: kzId }).run();

  // Cycle 2022–2024 (2022 data): open now, so the demo can be answered; Kazakhstan and France in progress.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  openCycle({
    slug: "2022-2024",
    name: "Evaluation cycle 2022–2024",
    referenceYear: 2022,
    questionnaireId: CEPEJ_2020_2022.id,
    opensOn: day(-60),
    closesOn: day(120),
    previousCycle: "2020-2022",
    variationThreshold: 20,
  });
  db.insert(cycleCorrespondents)
    .values([
      { cycleSlug: "2022-2024", countryCode: "KZ", userId: kzId },
      { cycleSlug: "2022-2024", countryCode: "FR", userId: frId },
    ])
    .run();
  const started: [string, number, string, number][] = [
    ["KZ", kzId, "003", 9_500],
    ["FR", frId, "001", 68_042_591],
  ];
  for (const [country, userId, cell, value] of started) {
    const id = replyId("2022-2024", country);
    db.insert(answers).values({ responseId: id, cell, num: value, version: 1, updatedBy: userId }).run();
    db.update(responses)
      .set({ status: "in_progress" })
      .where(sql`id = ${id}`)
      .run();
    history(id, [["not_started", "in_progress", userId, "Answers changed"]]);
  }
}
