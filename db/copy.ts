// `npm run db:copy -- --from data/app.db --to postgres://…`: a SQLite database into an empty
// PostgreSQL database (issue 18's move to PostgreSQL). The PostgreSQL migrations are applied, every
// table is copied in one transaction in foreign-key order, the identity sequences continue after the
// copied ids, and then each table is verified: the same number of rows and the same checksum of its
// rows as read back from each engine. Nothing is committed unless every table verifies.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import * as pgSchema from "./schema.pg";

export type TableCopy = { table: string; rows: number; checksum: string };

type Table = { name: string; columns: PgColumn[]; references: string[] };

/** The tables in an order where every table comes after those its foreign keys point to. */
export function tablesInCopyOrder(): Table[] {
  const tables = (Object.values(pgSchema) as unknown[])
    .filter((t): t is PgTable => t instanceof PgTable)
    .map((t) => {
      const config = getTableConfig(t);
      const references = config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((name) => name !== config.name);
      return { name: config.name, columns: config.columns, references };
    });
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t.name) && t.references.every((r) => placed.has(r)));
    if (!next.length) throw new Error("the foreign keys of the schema form a cycle");
    for (const t of next) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

/** A value as both engines' rows are compared: booleans as 0/1, bigint text as a number. */
function canonical(value: unknown, column: PgColumn): string {
  if (value === null || value === undefined) return "∅";
  const type = column.getSQLType();
  if (type === "boolean") return value === true || value === 1 ? "1" : "0";
  if (type === "bigint" || type === "integer" || type === "double precision") return `n${Number(value)}`;
  return `t${String(value)}`;
}

/** An order-free checksum of a table: the sum of each row's hash (rows come back in any order). */
class TableChecksum {
  private sum = 0n;
  rows = 0;
  add(row: Record<string, unknown>, columns: PgColumn[]) {
    const line = columns.map((c) => canonical(row[c.name], c)).join("\u0001");
    this.sum = (this.sum + createHash("sha256").update(line).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
    this.rows++;
  }
  get value() {
    return `${this.rows}:${this.sum.toString(16).padStart(16, "0")}`;
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Refuses a source that is not at the app's latest migration: the copy maps today's schema only. */
function checkSource(sqlite: Database.Database) {
  const expected = readdirSync(path.join(process.cwd(), "db", "migrations")).filter((f) => f.endsWith(".sql")).length;
  let applied = 0;
  try {
    applied = sqlite.prepare(`select count(*) from "__drizzle_migrations"`).pluck().get() as number;
  } catch {
    throw new Error("the source is not a database of this app (no migrations table)");
  }
  if (applied !== expected) throw new Error(`the source has ${applied} of the app's ${expected} migrations: start the app on it once to migrate it, then copy`);
}

export async function copySqliteToPostgres(from: string, to: string, { batchRows = 2_000 } = {}): Promise<TableCopy[]> {
  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: to, max: 1 });
  try {
    checkSource(sqlite);
    await migrate(drizzle(pool), { migrationsFolder: path.join(process.cwd(), "db", "migrations-pg") });
    const client = await pool.connect();
    try {
      const tables = tablesInCopyOrder();
      for (const t of tables) {
        const { rows } = await client.query(`select exists (select 1 from ${quote(t.name)}) as any`);
        if (rows[0].any) throw new Error(`the target is not empty: ${t.name} has rows`);
      }
      await client.query("begin");
      try {
        // A consistent read of the source while it may be in use.
        sqlite.exec("begin");
        const report: TableCopy[] = [];
        for (const t of tables) {
          const names = t.columns.map((c) => c.name);
          const source = new TableChecksum();
          let batch: unknown[][] = [];
          const flush = async () => {
            if (!batch.length) return;
            const values = batch.map((_, r) => `(${names.map((__, c) => `$${r * names.length + c + 1}`).join(", ")})`).join(", ");
            await client.query(`insert into ${quote(t.name)} (${names.map(quote).join(", ")}) values ${values}`, batch.flat());
            batch = [];
          };
          const rowsPerInsert = Math.max(1, Math.min(batchRows, Math.floor(60_000 / names.length)));
          for (const row of sqlite.prepare(`select ${names.map(quote).join(", ")} from ${quote(t.name)}`).iterate() as Iterable<Record<string, unknown>>) {
            source.add(row, t.columns);
            batch.push(t.columns.map((c) => (c.getSQLType() === "boolean" && row[c.name] !== null ? row[c.name] === 1 : row[c.name])));
            if (batch.length >= rowsPerInsert) await flush();
          }
          await flush();
          // Identity columns continue after the copied ids (the copy gave them explicitly).
          for (const c of t.columns.filter((c) => (c as unknown as { generatedIdentity?: unknown }).generatedIdentity)) {
            await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(c.name)}) from ${quote(t.name)}), 0) + 1, false)`, [
              t.name,
              c.name,
            ]);
          }
          const target = await checksumOfPostgres(client, t);
          if (target.value !== source.value) throw new Error(`${t.name}: the copy differs (source ${source.value}, PostgreSQL ${target.value})`);
          report.push({ table: t.name, rows: source.rows, checksum: source.value });
        }
        sqlite.exec("commit");
        await client.query("commit");
        return report;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("rollback");
        await client.query("rollback");
        throw error;
      }
    } finally {
      client.release();
    }
  } finally {
    sqlite.close();
    await pool.end();
  }
}

/** The table as PostgreSQL returns it, read through a cursor (constant memory on large tables). */
async function checksumOfPostgres(client: pg.PoolClient, t: Table): Promise<TableChecksum> {
  const sum = new TableChecksum();
  await client.query(`declare copy_check no scroll cursor for select ${t.columns.map((c) => quote(c.name)).join(", ")} from ${quote(t.name)}`);
  for (;;) {
    const { rows } = await client.query("fetch 5000 from copy_check");
    for (const row of rows) sum.add(row, t.columns);
    if (rows.length < 5000) break;
  }
  await client.query("close copy_check");
  return sum;
}
