// The survey's raw SQL (the tallies' statements stay in tallies.ts, beside the JS rules they mirror).
// Each is a statement of db/sql.ts (prepared once per connection on SQLite, a named prepared
// statement on PostgreSQL) on a path where the query builder's per-call cost shows: every interview
// move, every row of a sample or an import file, every page of an export. Each runs as written on
// both engines; times are passed in (ISO 8601, UTC, ms: `new Date().toISOString()`) rather than
// computed by each engine's own date functions.
import { statement } from "@/db/sql";

/** An interview's history row. Every move of every interview (save, completion, review, assignment). */
export const INSERT_INTERVIEW_EVENT = statement("insert into interview_events (household_row_id, from_state, to_state, user_id, note) values (?, ?, ?, ?, ?)");

/** The answer sheet of an interview, created on its first save. Autosave path. */
export const INSERT_INTERVIEW_SHEET = statement("insert into responses (questionnaire_id, status) values ('udn', 'in_progress') returning id");

/** Links the new sheet and moves assigned → in progress in one statement. Autosave path. */
export const SET_INTERVIEW_SHEET = statement("update survey_households set response_id = ?, status = ? where id = ?");

/** An interview's move (to, at, id, from); applies only from the state the service read (0 changes otherwise). */
export const MOVE_INTERVIEW = statement("update survey_households set status = ?, updated_at = ? where id = ? and status = ?");

/** The interviewer's reply to a comment of one interview (text, user, at, comment, household row); 0 changes when the comment is not on it. */
export const REPLY_TO_COMMENT = statement("update review_comments set reply = ?, reply_user_id = ?, replied_at = ? where id = ? and household_row_id = ?");

/** One sampled household; run once per row of a sample frame (tens of thousands per file). */
export const INSERT_SAMPLE_HOUSEHOLD = statement(
  "insert into survey_households (wave, household_id, region, settlement, weight, address) values (?, ?, ?, ?, ?, ?)",
);

// An interview import: these run once per interview of the file (18 000 for a wave).
/** The household row of an imported interview, if the wave has it ("responseId" quoted: PostgreSQL folds aliases to lower case). */
export const FIND_IMPORTED_HOUSEHOLD = statement(
  `select id, response_id as "responseId", status, region, settlement, weight from survey_households where wave = ? and household_id = ?`,
);
/** A household the sample did not have, added with its imported interview. */
export const INSERT_IMPORTED_HOUSEHOLD = statement(
  "insert into survey_households (wave, household_id, region, settlement, weight, address, status) values (?, ?, ?, ?, ?, '', 'approved') returning id",
);
/** The answer sheet of an imported interview (approved: validated). */
export const INSERT_IMPORTED_SHEET = statement("insert into responses (questionnaire_id, status) values ('udn', 'validated') returning id");
/** The imported interview's sheet, its state and its language (the sample's fields stay as they are): sheet, language, at, id. */
export const SET_IMPORTED_HOUSEHOLD = statement(
  "update survey_households set status = 'approved', response_id = ?, interview_language = coalesce(?, interview_language), updated_at = ? where id = ?",
);
/** The import's history row. */
export const INSERT_IMPORT_EVENT = statement(
  "insert into interview_events (household_row_id, from_state, to_state, user_id, note) values (?, 'imported', 'approved', ?, 'imported')",
);

// Large reads: a wave's cells for the reference computation (db/sql.ts each) and the microdata
// export's pages (allArrays), rows as arrays.

/** Every cell of every approved interview of a wave, in household order, as tuples (db/sql.ts
 *  each, arrays): the reference computation of the results reads a whole wave without building an
 *  object per cell. */
export const APPROVED_INTERVIEW_CELLS = statement(`select h.id, h.household_id, h.region, h.settlement, h.weight, a.cell, a.num, a.text
   from survey_households h join answers a on a.response_id = h.response_id
  where h.wave = ? and h.status = 'approved' order by h.id`);

/** One page (500) of a wave's approved households after a row id: the microdata export's index
 *  range (survey_households_wave_status), reused as a subquery by MICRODATA_PAGE_CELLS. */
const MICRODATA_PAGE_TEXT =
  "select id, household_id, region, settlement, weight, response_id, interview_language from survey_households where wave = ? and status = 'approved' and id > ? order by id limit 500";
export const MICRODATA_PAGE = statement(MICRODATA_PAGE_TEXT);

/** The cells of that page's households (5 columns, grouped by household in memory: no ORDER BY). */
export const MICRODATA_PAGE_CELLS = statement(
  `select h.id, a.cell, a.num, a.text, a.status from (${MICRODATA_PAGE_TEXT}) h join answers a on a.response_id = h.response_id`,
);
