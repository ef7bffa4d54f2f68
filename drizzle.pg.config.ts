// drizzle-kit for PostgreSQL: the same schema in PostgreSQL's types (db/schema.pg.ts), its own migrations.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
});
