// The CEPEJ module's raw SQL, in one place. Everything else is drizzle's query builder; these stay
// raw for the reason given with each.

/** Every answer of every reply of a cycle (tens of thousands of rows). Raw so that the cycle's
 *  status page can iterate() it row by row into one map per reply, without the array of row objects
 *  the query builder would build first. */
export const CYCLE_ANSWERS = `
  select a.response_id, a.cell, a.num, a.text, a.status
    from answers a join responses r on r.id = a.response_id
   where r.cycle_slug = ?`;

/** Open queries on a correspondent's countries whose last message is not theirs (they wait for an
 *  answer). Raw: the "last message" is a correlated subquery the query builder could only hold as
 *  a sql`` fragment anyway. The countries come as one JSON array (json_each), so the statement is
 *  the same for any number of them and is prepared once. */
export const QUERIES_WAITING_FOR = `
  select count(*) as n
    from queries q join responses r on r.id = q.response_id
   where q.status = 'open' and r.country_code in (select value from json_each(?))
     and (select m.user_id from query_messages m where m.query_id = q.id order by m.id desc limit 1) is not ?`;
