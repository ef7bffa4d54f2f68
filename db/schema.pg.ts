// The PostgreSQL schema: the same tables, columns, keys and indexes as db/schema.ts (SQLite), in
// PostgreSQL's types (db/schema-parity.test.ts compares them). Change both, then `npm run db:generate`
// writes a migration for each dialect (db/migrations, db/migrations-pg).
// Types chosen so that nothing changes value: SQLite's REAL is an 8-byte double, so amounts and
// weights are double precision (never 4-byte real); epoch milliseconds are bigint; timestamps stay
// ISO-8601 text, as on SQLite, so that comparisons and exports read the same.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";

// The same text as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now'): UTC, milliseconds, a Z.
const now = sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

import { ROLES } from "./roles";
import { HOUSEHOLD_STATES, REPLY_STATES } from "./schema.sqlite";

export const countries = pgTable("countries", {
  code: text("code").primaryKey(), // ISO 3166-1 alpha-2
  iso3: text("iso3").notNull(),
  name: text("name").notNull(),
  membership: text("membership", { enum: ["member", "observer"] }).notNull(),
});

export const regions = pgTable("regions", {
  code: text("code").primaryKey(), // household-survey region code (AST, ALA …)
  name: text("name").notNull(),
});

export const reportingBodies = pgTable("reporting_bodies", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  kind: text("kind").notNull(), // prosecutor's office, police department, court …
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
});

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    active: boolean("active").notNull().default(true),
    locale: text("locale").notNull().default("en"),
    /** Bumped on deactivation and password change: older session tokens stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    supervisorId: integer("supervisor_id"),
    reportingBodyId: integer("reporting_body_id").references(() => reportingBodies.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/** Countries (correspondents) or regions (supervisors, interviewers) a user may work on. */
export const userScopes = pgTable(
  "user_scopes",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["country", "region"] }).notNull(),
    code: text("code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.code] })],
);

/** One password check each (lib/auth/lockout.ts): written before the check, as a failure until the
 *  password turns out right. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: bigint("at", { mode: "number" }).notNull(), // epoch ms
    /** The client address the limits count by (an IPv6 address's /64); null in older rows. */
    address: text("address"),
  },
  (t) => [index("login_attempts_email_at").on(t.email, t.at), index("login_attempts_address_at").on(t.address, t.at)],
);

/** A questionnaire definition version (JSON validated by modules/questionnaire/definition.ts). */
export const questionnaires = pgTable("questionnaires", {
  id: text("id").primaryKey(), // e.g. cepej-2020-2022
  version: text("version").notNull(),
  definition: text("definition").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

export const cycles = pgTable("cycles", {
  slug: text("slug").primaryKey(), // "2020-2022"
  name: text("name").notNull(),
  referenceYear: integer("reference_year").notNull(),
  questionnaireId: text("questionnaire_id")
    .notNull()
    .references(() => questionnaires.id),
  opensOn: text("opens_on").notNull(),
  closesOn: text("closes_on").notNull(),
  previousCycle: text("previous_cycle"),
  /** Variation (in %) from the previous cycle beyond which a figure needs an explanation. */
  variationThreshold: doublePrecision("variation_threshold").notNull().default(20),
  /** When the secretariat published the cycle: its dashboard becomes public (null: admins only). */
  publishedAt: text("published_at"),
});

/** Who answers for which country in a cycle (assigning also grants the country scope). */
export const cycleCorrespondents = pgTable(
  "cycle_correspondents",
  {
    cycleSlug: text("cycle_slug")
      .notNull()
      .references(() => cycles.slug, { onDelete: "cascade" }),
    countryCode: text("country_code")
      .notNull()
      .references(() => countries.code),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cycleSlug, t.countryCode, t.userId] })],
);

/** One answer sheet: a country's reply to a cycle (and later survey interviews, report filings). */
export const responses = pgTable(
  "responses",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    questionnaireId: text("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id),
    cycleSlug: text("cycle_slug").references(() => cycles.slug),
    countryCode: text("country_code").references(() => countries.code),
    status: text("status", { enum: REPLY_STATES }).notNull().default("not_started"),
    /** An administrator's extension of the campaign's closing date for this reply only. */
    deadline: text("deadline"),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("responses_cycle_country").on(t.cycleSlug, t.countryCode)],
);

/** Every change of a reply's state: who, when, from, to, and why. */
export const replyTransitions = pgTable(
  "reply_transitions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    userId: integer("user_id").references(() => users.id),
    note: text("note"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("reply_transitions_response").on(t.responseId)],
);

/** A reviewer's query on a question: a thread, open until the reviewer resolves it. */
export const queries = pgTable(
  "queries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("queries_response").on(t.responseId, t.status)],
);

export const queryMessages = pgTable("query_messages", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  queryId: integer("query_id")
    .notNull()
    .references(() => queries.id, { onDelete: "cascade" }),
  userId: integer("user_id").references(() => users.id),
  text: text("text").notNull(),
  at: text("at").notNull().default(now),
});

/** A value a reviewer marked "not retained for publication", with the reason. */
export const cellFlags = pgTable(
  "cell_flags",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    cell: text("cell").notNull(),
    reason: text("reason").notNull(),
    userId: integer("user_id").references(() => users.id),
    at: text("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.cell] })],
);

/**
 * One row per answered cell. `cell` is the storage key made by modules/questionnaire/cells.ts
 * ("006:r2_1:approved", "006#comment"). Exactly one of num / text / status carries the value.
 */
export const answers = pgTable(
  "answers",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    cell: text("cell").notNull(),
    num: doublePrecision("num"),
    text: text("text"),
    status: text("status", { enum: ["NA", "NAP"] }),
    /** Incremented on every write; a save based on an older version is a conflict. */
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.cell] })],
);

/** Every change of an answer: the value before and after, who and when. */
export const answerHistory = pgTable(
  "answer_history",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    responseId: integer("response_id").notNull(),
    cell: text("cell").notNull(),
    oldValue: text("old_value"), // JSON of {num,text,status} or null
    newValue: text("new_value"),
    userId: integer("user_id"),
    at: text("at").notNull().default(now),
    /** Where the new value came from when it was not typed: "form 1-M, line total, 2020 (sum of months)". */
    source: text("source"),
  },
  (t) => [index("answer_history_cell").on(t.responseId, t.cell)],
);

/** One import of a file into a reply: the answer_history rows it wrote (one per changed cell, ids
 *  firstHistory..lastHistory of that reply), so that the whole import can be undone at once. */
export const replyImports = pgTable(
  "reply_imports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id),
    at: text("at").notNull().default(now),
    /** The file's own cycle and country (they differ from the reply's only when the user mapped them). */
    fileCycle: text("file_cycle").notNull(),
    fileCountry: text("file_country").notNull(),
    changed: integer("changed").notNull(),
    firstHistory: integer("first_history"),
    lastHistory: integer("last_history"),
    undoneAt: text("undone_at"),
  },
  (t) => [index("reply_imports_response").on(t.responseId)],
);

/** Append-only log of who did what (no update or delete path exists in the app). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: text("at").notNull().default(now),
    userId: integer("user_id"),
    role: text("role"),
    action: text("action").notNull(),
    object: text("object"),
    ip: text("ip"),
  },
  (t) => [index("audit_log_at").on(t.at)],
);

// ----- Legal-statistics reporting -------------------------------------------------------------

/** Admin-edited changes to Kazakhstan's working-day calendar (movable holidays, transfers). */
export const calendarAdjustments = pgTable("calendar_adjustments", {
  date: text("date").primaryKey(), // YYYY-MM-DD
  kind: text("kind", { enum: ["off", "working"] }).notNull(),
  note: text("note").notNull(),
});

/** Holiday rules added or changed by administrators; merged over the shipped ones
 *  (modules/reporting/definitions/holidays.json) by id. */
export const holidayRules = pgTable("holiday_rules", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  month: integer("month").notNull(),
  day: integer("day").notNull(),
  validFrom: text("valid_from"),
  validTo: text("valid_to"),
  movesOffWeekend: boolean("moves_off_weekend").notNull(),
  source: text("source").notNull(),
});

/** The Committee's filing deadline of a form: working days before its placement term (default 2). */
export const formFilingSettings = pgTable("form_filing_settings", {
  formNumber: integer("form_number").primaryKey(),
  daysBefore: integer("days_before").notNull(),
});

/** A consolidated report placed by the Committee: one row per region and one for the country
 *  (area "KZ") of a form and period; the figures are the sums of the accepted reports. */
export const reportPlacements = pgTable(
  "report_placements",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    formNumber: integer("form_number").notNull(),
    period: text("period").notNull(),
    area: text("area").notNull(),
    reports: integer("reports").notNull(),
    /** JSON object: cell → sum over the reports. */
    figures: text("figures").notNull(),
    due: text("due").notNull(),
    placedOn: text("placed_on").notNull(),
    placedAt: text("placed_at").notNull(),
    daysLate: integer("days_late").notNull(),
    placedBy: integer("placed_by").references(() => users.id),
  },
  (t) => [uniqueIndex("report_placements_unique").on(t.formNumber, t.period, t.area)],
);

/** A body's report on a form for a period; its answers live in `answers` under `responseId`. */
export const reportFilings = pgTable(
  "report_filings",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    formNumber: integer("form_number").notNull(),
    bodyId: integer("body_id")
      .notNull()
      .references(() => reportingBodies.id),
    period: text("period").notNull(), // 2026-03, 2025-Q4, 2026-H1, 2026
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id),
    status: text("status", { enum: ["draft", "submitted", "returned"] })
      .notNull()
      .default("draft"),
    due: text("due").notNull(),
    submittedAt: text("submitted_at"),
    /** Days after the due date it was submitted (0 = on time); null while not submitted. */
    daysLate: integer("days_late"),
    returnComment: text("return_comment"),
  },
  (t) => [uniqueIndex("report_filings_unique").on(t.formNumber, t.bodyId, t.period)],
);

/** Quarterly (or half-year/year) dispatch of an electronic collection (Appendix 1). */
export const collectionDispatches = pgTable("collection_dispatches", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  collection: integer("collection").notNull(),
  period: text("period").notNull(),
  sentOn: text("sent_on").notNull(),
  recipients: text("recipients").notNull(),
  userId: integer("user_id").references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
});

/** The register of written requests for legal statistical information (Chapter 2, paragraph 1). */
export const informationRequests = pgTable("information_requests", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  requesterKind: text("requester_kind", { enum: ["state_body", "individual", "legal_entity"] }).notNull(),
  requester: text("requester").notNull(),
  signatory: text("signatory").notNull(),
  channel: text("channel", { enum: ["eds", "kadagalau", "other"] }).notNull(),
  indicators: text("indicators").notNull(),
  unit: text("unit", { enum: ["crime", "offense", "criminal_case", "person"] }).notNull(),
  period: text("period").notNull(),
  receivedOn: text("received_on").notNull(),
  dueOn: text("due_on").notNull(),
  status: text("status", { enum: ["registered", "answered", "left_without_consideration"] }).notNull(),
  answer: text("answer"),
  answeredOn: text("answered_on"),
  /** Why it was left without consideration (Instruction, paragraph 7); null when considered. */
  exclusion: text("exclusion", { enum: ["channel", "open_sources", "copies"] }),
  /** The answer is marked "For official use": only the Committee sees it. */
  officialUse: boolean("official_use").notNull().default(false),
  createdBy: integer("created_by").references(() => users.id),
});

// ----- Household survey (form UDN) ------------------------------------------------------------

export const surveyWaves = pgTable("survey_waves", {
  year: integer("year").primaryKey(),
  fieldworkStart: text("fieldwork_start").notNull(),
  fieldworkEnd: text("fieldwork_end").notNull(),
  /** Published waves' results are public (results page, open data). */
  publishedAt: text("published_at"),
});

/** A sampled household of a wave; its interview's answers live in `answers` under `responseId`. */
export const surveyHouseholds = pgTable(
  "survey_households",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    wave: integer("wave")
      .notNull()
      .references(() => surveyWaves.year, { onDelete: "cascade" }),
    householdId: text("household_id").notNull(),
    region: text("region")
      .notNull()
      .references(() => regions.code),
    settlement: text("settlement", { enum: ["1", "2"] }).notNull(),
    weight: doublePrecision("weight").notNull(),
    address: text("address").notNull(),
    interviewerId: integer("interviewer_id").references(() => users.id),
    status: text("status", { enum: HOUSEHOLD_STATES }).notNull().default("unassigned"),
    responseId: integer("response_id").references(() => responses.id),
    updatedAt: text("updated_at").notNull().default(now),
    /** The respondent's language of the interview (kk, ru, en): the questionnaire's texts are shown in it. */
    interviewLanguage: text("interview_language", { enum: ["kk", "ru", "en"] }),
  },
  (t) => [
    uniqueIndex("survey_households_unique").on(t.wave, t.householdId),
    index("survey_households_wave_region").on(t.wave, t.region, t.status),
    index("survey_households_interviewer").on(t.interviewerId, t.status),
    // a wave's approved interviews in id order (microdata pages: no sort of the whole wave per page)
    index("survey_households_wave_status").on(t.wave, t.status, t.id),
  ],
);

/**
 * Weighted tallies of a wave's completed approved interviews (modules/survey/server/tallies.ts): for each
 * tallied variable and code, by region × settlement × sex × age group ("" = not answered), the sum of
 * the design weights and the number of interviews. A multiple-answer variable also has code "" (the
 * interviews that answered it at all); variable "result" (code "1") counts every completed interview.
 * Kept in the transaction of every write that makes an interview count (approve, import) and
 * rebuilt from the answers by rebuildTallies; the results page and route read only these rows.
 */
export const surveyTallies = pgTable(
  "survey_tallies",
  {
    wave: integer("wave")
      .notNull()
      .references(() => surveyWaves.year, { onDelete: "cascade" }),
    variable: text("variable").notNull(),
    code: text("code").notNull(),
    region: text("region").notNull(),
    settlement: text("settlement").notNull(),
    sex: text("sex").notNull(),
    ageGroup: text("age_group").notNull(),
    weight: doublePrecision("weight").notNull(),
    // Σ weight² of the same interviews: with weight and n, what a share's linearised variance per
    // stratum needs (modules/survey/estimate.ts, precision)
    weight2: doublePrecision("weight2").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.wave, t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup] }),
    // removing an interview that was never added fails instead of drifting
    check("survey_tallies_n", sql`${t.n} >= 0`),
  ],
);

/** Every status change of an interview. */
export const interviewEvents = pgTable("interview_events", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  householdRowId: integer("household_row_id")
    .notNull()
    .references(() => surveyHouseholds.id, { onDelete: "cascade" }),
  fromState: text("from_state").notNull(),
  toState: text("to_state").notNull(),
  userId: integer("user_id").references(() => users.id),
  note: text("note"),
  at: text("at").notNull().default(now),
});

/** A supervisor's comment on one question of a rejected interview. */
export const reviewComments = pgTable("review_comments", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  householdRowId: integer("household_row_id")
    .notNull()
    .references(() => surveyHouseholds.id, { onDelete: "cascade" }),
  questionId: text("question_id").notNull(),
  text: text("text").notNull(),
  userId: integer("user_id").references(() => users.id),
  at: text("at").notNull().default(now),
  /** The interviewer's reply to the comment (one per comment, changeable while the interview is editable). */
  reply: text("reply"),
  replyUserId: integer("reply_user_id").references(() => users.id),
  repliedAt: text("replied_at"),
});

/**
 * An interview's paradata, as JSON: one entry per client session (a page load of the interview,
 * keyed by the session's client id), each the session's running totals (times, seconds and changes
 * per question, user agent, interview language). A session's later save replaces its entry, so a
 * retried or repeated save never counts twice (modules/survey/paradata.ts).
 */
export const interviewParadata = pgTable("interview_paradata", {
  householdRowId: integer("household_row_id")
    .primaryKey()
    .references(() => surveyHouseholds.id, { onDelete: "cascade" }),
  sessions: text("sessions").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

// ----- Cross-source analysis (modules/analysis) -----------------------------------------------

/**
 * Which survey offences (victim_<k>, reported_<k>) compare with which lines of form 1-M. Seeded from
 * modules/analysis/offence-mappings.json when missing; administrators edit it (the note says why).
 */
export const offenceMappings = pgTable("offence_mappings", {
  id: text("id").primaryKey(), // "theft"
  /** JSON array of survey offence codes: a household counts when any of them applies. */
  surveyOffences: text("survey_offences").notNull(),
  /** JSON array of form 1-M row ids whose monthly counts are added. */
  formLines: text("form_lines").notNull(),
  note: text("note").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull().default(now),
});

/** Personal API tokens: a script's credential, acting with its owner's permissions. Only the
 *  SHA-256 of the secret is stored (lib/auth/api-token.ts); the secret is shown once, at creation. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Hex SHA-256 of the whole token string. */
    tokenHash: text("token_hash").notNull(),
    scope: text("scope", { enum: ["read", "write"] }).notNull(),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.tokenHash), index("api_tokens_user").on(t.userId)],
);

/** The client ids of a tablet's queue items already applied, with the outcome sent back: a retried
 *  or duplicated request finds its id here and gets the same answer without applying anything again.
 *  Written in the same transaction as the item's writes and its log-journal row. */
export const appliedQueueItems = pgTable("applied_queue_items", {
  clientId: text("client_id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  householdRowId: integer("household_row_id")
    .notNull()
    .references(() => surveyHouseholds.id, { onDelete: "cascade" }),
  outcome: text("outcome").notNull(),
  at: text("at").notNull().default(now),
});
