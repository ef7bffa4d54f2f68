// The tables the services query, from the schema of the engine this process runs on: PostgreSQL's
// (db/schema.pg.ts) when DATABASE_URL is set, SQLite's (db/schema.sqlite.ts) otherwise. The two
// define the same tables, columns, keys and indexes (db/schema-parity.test.ts), so the services'
// query-builder code is written once; it is typed against SQLite's, and drizzle builds each query
// in the dialect of the database it runs on. The engine is read once, when this module loads.
import * as postgres from "./schema.pg";
import * as sqlite from "./schema.sqlite";

export { ROLES, REPLY_STATES, HOUSEHOLD_STATES, type Role } from "./schema.sqlite";

const chosen = (process.env.DATABASE_URL ? postgres : sqlite) as unknown as typeof sqlite;

export const countries = chosen.countries;
export const regions = chosen.regions;
export const reportingBodies = chosen.reportingBodies;
export const users = chosen.users;
export const userScopes = chosen.userScopes;
export const loginAttempts = chosen.loginAttempts;
export const questionnaires = chosen.questionnaires;
export const cycles = chosen.cycles;
export const cycleCorrespondents = chosen.cycleCorrespondents;
export const responses = chosen.responses;
export const replyTransitions = chosen.replyTransitions;
export const queries = chosen.queries;
export const queryMessages = chosen.queryMessages;
export const cellFlags = chosen.cellFlags;
export const answers = chosen.answers;
export const answerHistory = chosen.answerHistory;
export const replyImports = chosen.replyImports;
export const auditLog = chosen.auditLog;
export const calendarAdjustments = chosen.calendarAdjustments;
export const holidayRules = chosen.holidayRules;
export const formFilingSettings = chosen.formFilingSettings;
export const reportPlacements = chosen.reportPlacements;
export const reportFilings = chosen.reportFilings;
export const collectionDispatches = chosen.collectionDispatches;
export const informationRequests = chosen.informationRequests;
export const surveyWaves = chosen.surveyWaves;
export const surveyHouseholds = chosen.surveyHouseholds;
export const surveyTallies = chosen.surveyTallies;
export const interviewEvents = chosen.interviewEvents;
export const reviewComments = chosen.reviewComments;
export const interviewParadata = chosen.interviewParadata;
export const offenceMappings = chosen.offenceMappings;
export const apiTokens = chosen.apiTokens;
export const appliedQueueItems = chosen.appliedQueueItems;
