// Many rows into one table, in multi-row INSERTs: what the demo seed writes (about a million
// answers). One statement per full batch, the same text every time, so SQLite prepares it once and
// PostgreSQL parses it once; a row per statement would cost a network round trip per row there.
import { run, statement, type Statement } from "./sql";
import type { Executor } from "./transaction";

const statements = new Map<string, Statement>();

function insertOf(table: string, columns: readonly string[], rows: number): Statement {
  const key = `${table}(${columns.join(",")})×${rows}`;
  let s = statements.get(key);
  if (!s) {
    const values = `(${columns.map(() => "?").join(", ")})`;
    s = statement(`insert into ${table} (${columns.join(", ")}) values ${Array(rows).fill(values).join(", ")}`);
    statements.set(key, s);
  }
  return s;
}

/** Collects rows and writes them `batch` at a time; `flush()` writes the rest. */
export function bulkInsert(tx: Executor, table: string, columns: readonly string[], batch = 500) {
  let pending: unknown[][] = [];
  const write = async (rows: unknown[][]) => {
    if (rows.length) await run(tx, insertOf(table, columns, rows.length), ...rows.flat());
  };
  return {
    async add(row: unknown[]) {
      pending.push(row);
      if (pending.length >= batch) {
        const full = pending;
        pending = [];
        await write(full);
      }
    },
    async flush() {
      const rest = pending;
      pending = [];
      await write(rest);
    },
  };
}
