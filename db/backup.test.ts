import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "./open";
import { backupDatabase, checkDatabase, restoreDatabase } from "./backup";

describe("backup and restore", () => {
  it("copies a database consistently while another connection keeps writing, and restores it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
    const file = path.join(dir, "app.db");
    openDatabase(file).$client.close(); // created and migrated
    const writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    writer.exec("insert into questionnaires (id, version, definition) values ('q', '1', '{}')");
    writer.exec("insert into responses (questionnaire_id) values ('q')");
    const insert = writer.prepare("insert into answers (response_id, cell, num) values (1, ?, ?)");
    for (let i = 0; i < 2000; i++) insert.run(`c${i}`, i);
    // Writes go on while the backup runs.
    let stop = false;
    let n = 2000;
    const burst = (async () => {
      while (!stop) {
        insert.run(`c${n}`, n);
        n++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = await backupDatabase(file, path.join(dir, "backups"));
    stop = true;
    await burst;
    expect(checkDatabase(backup)).toBeNull();
    const copy = new Database(backup, { readonly: true });
    const copied = (copy.prepare("select count(*) as n from answers").get() as { n: number }).n;
    // Every row of the copy is a row of the original, with its value (a consistent snapshot).
    const rows = copy.prepare("select cell, num from answers").all() as { cell: string; num: number }[];
    expect(rows.every((r) => r.cell === `c${r.num}`)).toBe(true);
    expect(copied).toBeGreaterThanOrEqual(2000);
    copy.close();

    writer.exec("delete from answers");
    writer.close();
    restoreDatabase(backup, file);
    const restored = new Database(file, { readonly: true });
    expect((restored.prepare("select count(*) as n from answers").get() as { n: number }).n).toBe(copied);
    restored.close();
  });

  it("refuses to restore what is not a sound database of the app", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backup-test-"));
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database");
    expect(checkDatabase(junk)).toMatch(/not a readable SQLite database/);
    const other = path.join(dir, "other.db");
    new Database(other).exec("create table t (x)");
    expect(checkDatabase(other)).toMatch(/not a database of this app/);
    expect(() => restoreDatabase(junk, path.join(dir, "app.db"))).toThrow(/refusing to restore/);
  });
});
