// The SQLite and PostgreSQL schemas define the same database: the migrations of each dialect are
// applied to a real database of that engine (a throw-away PostgreSQL server, testing/postgres.ts)
// and what the engines report is compared: tables, columns (type family, NOT NULL), primary keys,
// indexes (name, uniqueness, columns in order), foreign keys (columns, target, ON DELETE).
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin, startTestPostgres, type TestPostgres } from "@/testing/postgres";
import { applyMigrations } from "./migrate";
import * as pgSchema from "./schema.pg";

type Column = { type: string; notNull: boolean };
type Index = { unique: boolean; columns: string[] };
type ForeignKey = { columns: string[]; table: string; to: string[]; onDelete: string };
type Shape = { columns: Record<string, Column>; primaryKey: string[]; indexes: Record<string, Index>; foreignKeys: ForeignKey[] };

/** SQLite's storage classes and the PostgreSQL types that keep every value the same. */
const SAME_VALUES: Record<string, string[]> = {
  integer: ["integer", "bigint", "boolean"],
  real: ["double precision"],
  text: ["text"],
  numeric: ["numeric"],
};

const byKey = (a: ForeignKey, b: ForeignKey) => `${a.columns}${a.table}`.localeCompare(`${b.columns}${b.table}`);

function sqliteShapes(): Record<string, Shape> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parity-")), "app.db");
  const db = new Database(file);
  applyMigrations(db, path.join(process.cwd(), "db", "migrations"));
  const shapes: Record<string, Shape> = {};
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const info = db.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    const indexes: Record<string, Index> = {};
    for (const ix of db.prepare(`pragma index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]) {
      if (ix.origin === "pk") continue;
      const columns = (db.prepare(`pragma index_info("${ix.name}")`).all() as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      indexes[ix.name] = { unique: ix.unique === 1, columns };
    }
    const fks = new Map<number, ForeignKey>();
    for (const fk of db.prepare(`pragma foreign_key_list("${table}")`).all() as { id: number; table: string; from: string; to: string; on_delete: string }[]) {
      const k = fks.get(fk.id) ?? { columns: [], table: fk.table, to: [], onDelete: fk.on_delete.toLowerCase() };
      k.columns.push(fk.from);
      k.to.push(fk.to);
      fks.set(fk.id, k);
    }
    shapes[table] = {
      columns: Object.fromEntries(info.map((c) => [c.name, { type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0 }])),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes,
      foreignKeys: [...fks.values()].sort(byKey),
    };
  }
  db.close();
  return shapes;
}

async function postgresShapes(client: pg.Client): Promise<Record<string, Shape>> {
  const shapes: Record<string, Shape> = {};
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    "select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public'",
  );
  for (const c of columns.rows) {
    shapes[c.table_name] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };
    shapes[c.table_name].columns[c.column_name] = { type: c.data_type, notNull: c.is_nullable === "NO" };
  }
  const constraints = await client.query<{ table: string; type: string; def: string }>(
    "select conrelid::regclass::text as table, contype as type, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace",
  );
  const list = (s: string) => s.split(",").map((x) => x.trim().replace(/^"|"$/g, ""));
  for (const c of constraints.rows) {
    const table = c.table.replace(/^"|"$/g, "");
    if (c.type === "p") shapes[table].primaryKey = list(/^PRIMARY KEY \((.+)\)$/.exec(c.def)![1]);
    if (c.type === "f") {
      const [, from, target, to, rest] = /^FOREIGN KEY \((.+?)\) REFERENCES "?([^"(]+)"?\((.+?)\)(.*)$/.exec(c.def)!;
      const onDelete = /ON DELETE (CASCADE|SET NULL|RESTRICT|SET DEFAULT)/.exec(rest)?.[1].toLowerCase() ?? "no action";
      shapes[table].foreignKeys.push({ columns: list(from), table: target, to: list(to), onDelete });
    }
  }
  const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
    "select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and indexname not in (select conname from pg_constraint where contype = 'p')",
  );
  for (const ix of indexes.rows) {
    const columns = list(/\((.+)\)$/.exec(ix.indexdef)![1]);
    shapes[ix.tablename].indexes[ix.indexname] = { unique: ix.indexdef.startsWith("CREATE UNIQUE INDEX"), columns };
  }
  for (const shape of Object.values(shapes)) shape.foreignKeys.sort(byKey);
  return shapes;
}

describe("the PostgreSQL schema's types", () => {
  it("keep every value: no 4-byte real, epoch milliseconds in bigint", () => {
    for (const table of (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => t instanceof PgTable)) {
      for (const column of pgTableConfig(table).columns) {
        expect(column.getSQLType(), `${pgTableConfig(table).name}.${column.name}`).not.toBe("real");
        if (/^(at)$/.test(column.name) && column.getSQLType() !== "text")
          expect(column.getSQLType(), `${pgTableConfig(table).name}.${column.name}`).toBe("bigint");
      }
    }
  });
});

describe.skipIf(!postgresBin())("the migrations of both dialects", () => {
  let server: TestPostgres;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startTestPostgres();
    const pool = new pg.Pool({ connectionString: server.url });
    await migrate(drizzle(pool), { migrationsFolder: path.join(process.cwd(), "db", "migrations-pg") });
    await pool.end();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("define the same tables, columns, keys and indexes", async () => {
    const lite = sqliteShapes();
    const postgres = await postgresShapes(client);
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(lite).sort());
    for (const [table, l] of Object.entries(lite)) {
      const p = postgres[table];
      expect(Object.keys(p.columns).sort(), `${table}: columns`).toEqual(Object.keys(l.columns).sort());
      for (const [name, column] of Object.entries(l.columns)) {
        expect(SAME_VALUES[column.type] ?? [column.type], `${table}.${name}: ${column.type} vs ${p.columns[name].type}`).toContain(p.columns[name].type);
        expect(p.columns[name].notNull, `${table}.${name}: NOT NULL`).toBe(column.notNull);
      }
      expect(p.primaryKey, `${table}: primary key`).toEqual(l.primaryKey);
      expect(p.indexes, `${table}: indexes`).toEqual(l.indexes);
      expect(p.foreignKeys, `${table}: foreign keys`).toEqual(l.foreignKeys);
    }
  });

  it("keep a figure of the CEPEJ reply and epoch milliseconds exact", async () => {
    await client.query("insert into countries (code, iso3, name, membership) values ('KZ', 'KAZ', 'Kazakhstan', 'observer')");
    await client.query("insert into questionnaires (id, version, definition) values ('q', '1', '{}')");
    const { rows } = await client.query<{ id: number }>("insert into responses (questionnaire_id, status) values ('q', 'in_progress') returning id");
    await client.query("insert into answers (response_id, cell, num) values ($1, '006:total:approved', 88100652), ($1, '006:r1:approved', 0.1)", [rows[0].id]);
    const stored = await client.query<{ num: number }>("select num from answers where response_id = $1 order by cell desc", [rows[0].id]);
    expect(stored.rows.map((r) => r.num)).toEqual([88100652, 0.1]);
    await client.query("insert into login_attempts (email, succeeded, at) values ('a@example.org', false, $1)", [Date.UTC(2026, 10, 26, 9, 0, 0, 123)]);
    const at = await client.query<{ at: string; updated_at: string }>("select la.at, r.updated_at from login_attempts la, responses r");
    expect(Number(at.rows[0].at)).toBe(Date.UTC(2026, 10, 26, 9, 0, 0, 123));
    // The default timestamp reads like SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now').
    expect(at.rows[0].updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
