import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import type { Answer } from "@/modules/questionnaire/answers";
import { CEPEJ_2020_2022 } from "@/modules/cepej/definitions/cepej-2020-2022";
import kz from "../../../seed/cepej/kz-2020-2022.json";
import { longCsvHeader, longCsvLines } from "./long-csv";
import { ReplyJson, replyToJson } from "./reply-json";
import { repliesXlsx, replyXlsx, sheetName } from "./xlsx";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid");
const q = parsed.questionnaire;
const index = indexQuestionnaire(q);
const answers = new Map(Object.entries(kz.answers as Record<string, Answer>));
const read = (k: string) => answers.get(k);

describe("long CSV", () => {
  const lines = [...longCsvLines(q, { cycle: "2020-2022", country: "KZ", read })];
  it("has exactly the agreed columns, UTF-8 with BOM", () => {
    expect(longCsvHeader()).toBe("\ufeffcycle,country,question,part,row_id,row,col_id,column,option,value,status,comment\r\n");
  });
  it("writes one row per cell with figures, NA/NAP, and codes beside the labels", () => {
    expect(lines).toContain("2020-2022,KZ,001,1.1.1,,,,,,18879552,,\r\n");
    const q006 = lines.find((l) => l.startsWith("2020-2022,KZ,006,1.1.2,r2_1,2.1 Investments in computerisation,approved,"));
    expect(q006).toBe("2020-2022,KZ,006,1.1.2,r2_1,2.1 Investments in computerisation,approved,Approved budget (in €),,,NAP,\r\n");
    const q008 = lines.find((l) => /^2020-2022,KZ,008,1\.1\.2,[^,]+,for criminal cases,/.test(l));
    expect(q008).toMatch(/^2020-2022,KZ,008,1\.1\.2,criminal,for criminal cases,court_fee,Litigants required [^,]+,no,No,,"According/);
  });
  it("leaves out cells without content when asked (the whole-cycle export)", () => {
    const empty = [...longCsvLines(q, { cycle: "c", country: "FR", read: () => undefined }, { contentOnly: true })];
    expect(empty).toEqual([]);
    const some = [...longCsvLines(q, { cycle: "c", country: "KZ", read }, { contentOnly: true })];
    expect(some.length).toBeLessThan(lines.length);
    expect(some.length).toBeGreaterThan(1000);
    expect(some.every((l) => !/^c,KZ,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,,,,\r\n$/.test(l))).toBe(true);
  });
  it("puts the question's comment on its first row only", () => {
    const rows = lines.filter((l) => l.startsWith("2020-2022,KZ,004,"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("452 € per month");
  });
  it("leaves out values not retained for publication, and says so", () => {
    const flagged = [...longCsvLines(q, { cycle: "2020-2022", country: "KZ", read, flags: { "001": "Census pending" } })];
    expect(flagged[0]).toBe("2020-2022,KZ,001,1.1.1,,,,,,,,[not retained for publication: Census pending]\r\n");
  });
  it("neutralises cells a spreadsheet would run as formulas", () => {
    const hostile = new Map(answers);
    hostile.set("004#comment", { num: null, text: '=HYPERLINK("http://x")', status: null });
    const row = [...longCsvLines(q, { cycle: "c", country: "KZ", read: (k) => hostile.get(k) })].find((l) => l.startsWith("c,KZ,004,"));
    expect(row).toContain('"\'=HYPERLINK(""http://x"")"');
  });
});

describe("JSON export and import", () => {
  it("round-trips: export → import → export is identical", () => {
    const first = replyToJson(index, { cycle: "2020-2022", country: "KZ", status: "validated" }, answers);
    const imported = ReplyJson.parse(JSON.parse(first));
    const second = replyToJson(
      index,
      { cycle: imported.cycle, country: imported.country, status: imported.status! },
      new Map(Object.entries(imported.answers)),
    );
    expect(second).toBe(first);
    expect(Object.keys(imported.answers)).toHaveLength([...answers.values()].filter((a) => a.num !== null || a.text !== null || a.status !== null).length);
  });
});

describe("XLSX", () => {
  const meta = { cycle: "2020-2022", cycleName: "Evaluation cycle 2020–2022", countryLabel: "KZ Kazakhstan", generatedOn: new Date("2026-11-26T05:00:00Z") };
  const load = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  };
  /** The rows of a chapter sheet as records by header. */
  const records = (ws: ExcelJS.Worksheet) => {
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const out: Record<string, ExcelJS.Cell>[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
    });
    return out;
  };

  it("has a metadata sheet, then one tidy sheet per chapter: numeric figures with formats, codes, status", async () => {
    const wb = await load(
      await replyXlsx(q, meta, { country: "KZ", countryName: "Kazakhstan", status: "validated", read, flags: { "046:total:total": "Census pending" } }),
    );
    expect(wb.worksheets).toHaveLength(13);
    const info = wb.worksheets[0];
    expect(info.name).toBe("Metadata");
    const pairs = new Map<string, unknown>();
    info.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(pairs.get("cycle")).toBe("2020-2022");
    expect(pairs.get("country")).toBe("KZ Kazakhstan");
    expect(pairs.get("questionnaire version")).toBe(q.version);
    expect(pairs.get("generated on")).toEqual(new Date("2026-11-26T05:00:00Z"));
    expect(pairs.get("NAP")).toMatch(/Not applicable/);
    expect(pairs.get("NA")).toMatch(/not available/);
    expect(pairs.get("not retained")).toMatch(/not retained/i);
    expect(pairs.get("KZ")).toBe("Kazakhstan: validated");

    const ch1 = wb.worksheets[1];
    expect(ch1.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ch1.autoFilter).toMatch(/^A1:M\d+$/);
    expect((ch1.getRow(1).values as unknown[]).slice(1)).toEqual([
      "country",
      "question",
      "question_label",
      "part",
      "row_id",
      "row",
      "col_id",
      "column",
      "option",
      "value",
      "answer",
      "status",
      "comment",
    ]);
    const rows = records(ch1);
    const inhabitants = rows.find((r) => r.question.value === "001")!;
    expect(inhabitants.value.value).toBe(18879552);
    expect(inhabitants.value.type).toBe(ExcelJS.ValueType.Number);
    expect(inhabitants.value.numFmt).toBe("#,##0");
    const nap = rows.find((r) => r.question.value === "006" && r.row_id.value === "r2_1" && r.col_id.value === "approved")!;
    expect(nap.status.value).toBe("NAP");
    expect(nap.value.value).toBeNull();
    const choice = rows.find((r) => r.question.value === "008" && r.option.value)!;
    expect(choice.answer.value).toBe("No");
    expect(choice.option.value).toBe("no");
    expect(choice.value.value).toBeNull();
    // the value column holds numbers only, in every chapter
    for (const ws of wb.worksheets.slice(1))
      for (const r of records(ws)) if (r.value.value !== null) expect(typeof r.value.value, `${ws.name} ${r.question.value}`).toBe("number");
    const judges = wb.worksheets
      .flatMap((ws) => (ws.name === "Metadata" ? [] : records(ws)))
      .find((r) => r.question.value === "046" && r.row_id.value === "total" && r.col_id.value === "total")!;
    expect(judges.status.value).toBe("not retained");
    expect(judges.value.value).toBeNull();
  });

  it("names sheets within 31 characters, never cut mid-word, unique", () => {
    const taken = new Set<string>();
    const names = q.parts.map((c) => sheetName(c.id, c.title.en, taken));
    for (const [i, name] of names.entries()) {
      expect(name.length).toBeLessThanOrEqual(31);
      const full = `${q.parts[i].id} ${q.parts[i].title.en}`.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ");
      expect(full.startsWith(name), name).toBe(true);
      expect([" ", undefined, ",", "."], name).toContain(full[name.length]);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(sheetName("1", "Demographic and economic data", new Set())).toBe("1 Demographic and economic data");
    expect(sheetName("3", "Organisation of the court system and public prosecution", new Set())).toBe("3 Organisation of the court");
  });

  it("a whole cycle: a country column, only cells with content", async () => {
    const wb = await load(
      await repliesXlsx(
        q,
        { ...meta, countryLabel: "all (2)" },
        [
          { country: "FR", countryName: "France", status: "not_started", read: () => undefined },
          { country: "KZ", countryName: "Kazakhstan", status: "validated", read },
        ],
        { contentOnly: true },
      ),
    );
    const all = wb.worksheets.slice(1).flatMap((ws) => records(ws));
    expect(all.some((r) => r.country.value === "FR")).toBe(false);
    expect(all.filter((r) => r.country.value === "KZ").length).toBeGreaterThan(1000);
    expect(all.every((r) => r.value.value !== null || r.answer.value !== null || r.status.value !== null || r.comment.value !== null)).toBe(true);
  });
});

describe("JSON marks values not retained", () => {
  it("lists them beside the answers, and an import accepts the file", () => {
    const text = replyToJson(index, { cycle: "2020-2022", country: "KZ", status: "validated" }, answers, { "001": "Census pending", "999": "no such cell" });
    const parsed = ReplyJson.parse(JSON.parse(text));
    expect(parsed.notRetained).toEqual({ "001": "Census pending" });
    expect(parsed.answers["001"]).toEqual(answers.get("001"));
    expect(replyToJson(index, { cycle: "2020-2022", country: "KZ", status: "validated" }, answers)).not.toContain("notRetained");
  });
});
