// Fills a freshly migrated database: reference data always (idempotent), and the demo data once,
// when there are no users yet. Runs when the app opens its database and from `npm run db:seed`.
import { sql } from "drizzle-orm";
import type { Db } from "./open";
import { countries, cycles, questionnaires, regions, reportingBodies, responses, users, userScopes } from "./schema";
import { COUNTRIES, REGIONS } from "./reference-data";
import { hashPasswordSync } from "@/lib/auth/password";
import { parseQuestionnaire } from "@/lib/questionnaire/validate";
import { CEPEJ_2020_2022 } from "@/lib/questionnaire/definitions/cepej-2020-2022";

export const DEMO_PASSWORD = "demo-password";

export function bootstrapDatabase(db: Db) {
  // IMMEDIATE: a second process starting at the same time waits here instead of seeding twice.
  db.$client.transaction(() => {
    seedReferenceData(db);
    seedQuestionnaires(db);
    const { n } = db.get<{ n: number }>(sql`select count(*) as n from users`);
    if (n === 0) seedDemo(db);
  }).immediate();
}

function seedReferenceData(db: Db) {
  db.insert(countries).values(COUNTRIES).onConflictDoNothing().run();
  db.insert(regions).values(REGIONS).onConflictDoNothing().run();
}

function seedQuestionnaires(db: Db) {
  const parsed = parseQuestionnaire(CEPEJ_2020_2022);
  if (!parsed.ok) throw new Error(`CEPEJ definition invalid: ${JSON.stringify(parsed.errors.slice(0, 5))}`);
  const q = parsed.questionnaire;
  db.insert(questionnaires)
    .values({ id: q.id, version: q.version, definition: JSON.stringify(q) })
    .onConflictDoUpdate({ target: questionnaires.id, set: { version: q.version, definition: JSON.stringify(q) } })
    .run();
}

function seedDemo(db: Db) {
  const hash = hashPasswordSync(DEMO_PASSWORD);
  const body = db
    .insert(reportingBodies)
    .values({ name: "Prosecutor's Office of Astana city", kind: "prosecutor", regionCode: "AST" })
    .returning({ id: reportingBodies.id })
    .get();

  const add = (email: string, name: string, role: (typeof users.$inferInsert)["role"], extra: Partial<typeof users.$inferInsert> = {}) =>
    db.insert(users).values({ email, name, role, passwordHash: hash, ...extra }).returning({ id: users.id }).get().id;
  const scope = (userId: number, kind: "country" | "region", codes: string[]) =>
    db.insert(userScopes).values(codes.map((code) => ({ userId, kind, code }))).run();

  add("admin@example.org", "Secretariat Administrator", "admin");
  scope(add("correspondent.kz@example.org", "Kazakhstan Correspondent", "correspondent"), "country", ["KZ"]);
  scope(add("correspondent.fr@example.org", "France Correspondent", "correspondent"), "country", ["FR"]);
  const supervisorId = add("supervisor@example.org", "Survey Supervisor", "supervisor");
  scope(supervisorId, "region", ["AST", "ALA"]);
  scope(add("interviewer@example.org", "Survey Interviewer", "interviewer", { supervisorId }), "region", ["AST"]);
  add("reporter@example.org", "Astana Prosecutor's Office Reporter", "reporter", { reportingBodyId: body.id });

  db.insert(cycles)
    .values({
      slug: "2020-2022",
      name: "Evaluation cycle 2020–2022",
      referenceYear: 2020,
      questionnaireId: CEPEJ_2020_2022.id,
      opensOn: "2021-03-19",
      closesOn: "2021-10-01",
    })
    .run();
  for (const country of ["KZ", "FR"]) {
    db.insert(responses).values({ questionnaireId: CEPEJ_2020_2022.id, cycleSlug: "2020-2022", countryCode: country }).run();
  }
}
