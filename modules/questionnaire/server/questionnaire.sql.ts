// The engine's raw SQL: the statements of every answer read and write, prepared once per
// connection (db/sql.ts) because they run on every autosave, interview and report save — the
// per-request cost that profiling found, where the query builder would rebuild them each time.
// Each runs as written on SQLite and PostgreSQL; times are passed in (ISO 8601, UTC, ms) rather
// than computed by each engine's own date functions.
import { statement } from "@/db/sql";

/** A response's stored cells with their versions. */
export const LOAD_ANSWERS = statement("select cell, num, text, status, version from answers where response_id = ?");

/** One cell, versioned: insert or overwrite, with who and when. */
export const UPSERT_ANSWER = statement(`insert into answers (response_id, cell, num, text, status, version, updated_by, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (response_id, cell) do update set num = excluded.num, text = excluded.text, status = excluded.status,
         version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);

/** The history row of every change of a cell. */
export const INSERT_HISTORY = statement("insert into answer_history (response_id, cell, old_value, new_value, user_id, source) values (?, ?, ?, ?, ?, ?)");

/** Several cells as stored (the cells a save changes, a JSON array of their keys), with the name of
 *  their last author: one statement for a whole save. */
export const SELECT_STORED_ANSWERS = statement(
  `select a.cell, a.num, a.text, a.status, a.version, a.updated_at, u.name as updated_by_name
     from answers a left join users u on u.id = a.updated_by where a.response_id = ? and a.cell in (select value from json_each(?))`,
  `select a.cell, a.num, a.text, a.status, a.version, a.updated_at, u.name as updated_by_name
     from answers a left join users u on u.id = a.updated_by where a.response_id = ? and a.cell in (select json_array_elements_text(?::json))`,
);

/** PostgreSQL: UPSERT_ANSWER and INSERT_HISTORY for many cells in one statement each (a JSON array
 *  of the rows; PostgreSQL reads its numbers exactly, as double precision), where a statement per
 *  cell would cost a round trip per cell. SQLite runs the per-cell statements, in process. */
export const UPSERT_ANSWERS_PG = statement(`insert into answers (response_id, cell, num, text, status, version, updated_by, updated_at)
       select ?, x.cell, x.num, x.text, x.status, x.version, ?, ? from json_to_recordset(?::json) as x(cell text, num double precision, text text, status text, version integer)
       on conflict (response_id, cell) do update set num = excluded.num, text = excluded.text, status = excluded.status,
         version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
export const INSERT_HISTORY_PG = statement(`insert into answer_history (response_id, cell, old_value, new_value, user_id, source)
       select ?, x.cell, x.old, x.new, ?, x.source from json_to_recordset(?::json) as x(cell text, old text, new text, source text)`);

/** The response's last change. */
export const TOUCH_RESPONSE = statement("update responses set updated_at = ? where id = ?");

/** The stored version of a questionnaire: the cache of parsed definitions is keyed by it. */
export const QUESTIONNAIRE_VERSION = statement("select version from questionnaires where id = ?");

/** Every change of a cell, newest first ("by" is quoted: a keyword in PostgreSQL). */
export const CELL_HISTORY =
  statement(`select h.id, h.at, u.name as "by", h.old_value, h.new_value, h.source from answer_history h left join users u on u.id = h.user_id
      where h.response_id = ? and h.cell = ? order by h.id desc`);
