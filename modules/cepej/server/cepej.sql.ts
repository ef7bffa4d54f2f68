// The CEPEJ module's raw SQL, in one place. Everything else is drizzle's query builder; these stay
// raw for the reason given with each. Each runs on SQLite and PostgreSQL (db/sql.ts), with
// PostgreSQL's own text where the two differ.
import { statement } from "@/db/sql";

/** Every answer of every reply of a cycle (tens of thousands of rows). Raw so that the cycle's
 *  status page can iterate() it row by row into one map per reply, without the array of row objects
 *  the query builder would build first. Still SQLite's better-sqlite3 only: streaming reads move to
 *  the engines with the cursor API (issue 18). */
export const CYCLE_ANSWERS = statement(`
  select a.response_id, a.cell, a.num, a.text, a.status
    from answers a join responses r on r.id = a.response_id
   where r.cycle_slug = ?`);

/** Open queries on a correspondent's countries whose last message is not theirs (they wait for an
 *  answer). Raw: the "last message" is a correlated subquery the query builder could only hold as
 *  a sql`` fragment anyway. The countries come as one JSON array (SQLite's json_each, PostgreSQL's
 *  json_array_elements_text), so the statement is the same for any number of them and is prepared
 *  once; the count is cast (PostgreSQL's count is a bigint, read back as a string). */
export const QUERIES_WAITING_FOR = statement(
  `select cast(count(*) as integer) as n
    from queries q join responses r on r.id = q.response_id
   where q.status = 'open' and r.country_code in (select value from json_each(?))
     and (select m.user_id from query_messages m where m.query_id = q.id order by m.id desc limit 1) is distinct from ?`,
  `select cast(count(*) as integer) as n
    from queries q join responses r on r.id = q.response_id
   where q.status = 'open' and r.country_code in (select value from json_array_elements_text(cast(? as json)))
     and (select m.user_id from query_messages m where m.query_id = q.id order by m.id desc limit 1) is distinct from ?`,
);

/** An administrator's closing date for one country's reply (null: the cycle's); how many replies
 *  it changed says whether the cycle has a reply from that country. */
export const SET_DEADLINE = statement("update responses set deadline = ? where cycle_slug = ? and country_code = ?");
